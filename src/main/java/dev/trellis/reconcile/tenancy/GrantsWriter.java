package dev.trellis.reconcile.tenancy;

import dev.trellis.api.v1alpha1.ApiConstants;
import dev.trellis.api.v1alpha1.Connector;
import dev.trellis.api.v1alpha1.GrantsFormat;
import dev.trellis.projection.GrantsProjector;
import dev.trellis.projection.Projection;
import dev.trellis.projection.Signatures;
import dev.trellis.reconcile.support.ConfigMapApplier;
import dev.trellis.reconcile.support.SigningKey;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Writes a connector's grants ConfigMaps: only those whose content changed, shards (in parallel) before the
 * primary that lists them, and stale shards removed last. Each is owned by its Connector, so deleting the
 * connector deletes its grants.
 */
@ApplicationScoped
public class GrantsWriter {
  private final KubernetesClient client;
  private final SigningKey signing;
  private final OperatorMetrics metrics;
  private final TenancyView view;
  private final int resourcesPerShard;
  /** Writes a document's shards in parallel: a few threads, as a change rarely rewrites more shards than that. */
  private final ExecutorService writers = Executors.newFixedThreadPool(WRITER_THREADS, r -> {
    Thread t = new Thread(r, "trellis-grants-writer");
    t.setDaemon(true);
    return t;
  });
  static final int WRITER_THREADS = 4;

  public GrantsWriter(KubernetesClient client, SigningKey signing, OperatorMetrics metrics, TenancyView view,
      @ConfigProperty(name = "trellis.grants.resources-per-shard",
          defaultValue = "" + GrantsProjector.DEFAULT_RESOURCES_PER_SHARD) int resourcesPerShard) {
    this.view = view;
    this.resourcesPerShard = resourcesPerShard;
    this.metrics = metrics;
    this.client = client;
    this.signing = signing;
  }

  /** Renders a document in the connector's format, each part naming the operator's signing key. */
  Projection project(Connector connector, dev.trellis.model.grants.GrantsDocument document) {
    return GrantsProjector.project(document, GrantsProjector.DEFAULT_LIMIT_BYTES, signing.keyId(), format(connector),
        resourcesPerShard);
  }

  /** The format the connector asks for: v1alpha1 unless its spec says v1alpha2. */
  static GrantsProjector.Format format(Connector connector) {
    return connector.getSpec() != null && connector.getSpec().getGrantsFormat() == GrantsFormat.v1alpha2
        ? GrantsProjector.Format.V1ALPHA2
        : GrantsProjector.Format.V1ALPHA1;
  }

  /**
   * Writes the projection's ConfigMaps that differ from the cached ones and deletes the connector's others.
   *
   * @return the resourceVersion of each of the connector's ConfigMaps now holding the projection, by name
   */
  Map<String, String> write(Connector connector, Projection projection) {
    String namespace = connector.getMetadata().getNamespace();
    Map<String, String> versions = new ConcurrentSkipListMap<>();
    List<Map.Entry<String, String>> shards = new ArrayList<>(projection.configMaps().entrySet());
    Map.Entry<String, String> main = shards.remove(0); // the primary comes first in a projection
    // Shards first, all at once (a change in v1alpha2 often rewrites several); the primary, which names them, after
    // every one is written, so that it never names a missing or older shard.
    if (shards.size() > 1) {
      List<CompletableFuture<Void>> writes = shards.stream()
          .map(d -> CompletableFuture.runAsync(() -> writeOne(connector, d, versions), writers))
          .toList();
      try {
        CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new)).join();
      } catch (CompletionException e) {
        if (e.getCause() instanceof RuntimeException cause) {
          throw cause;
        }
        throw e;
      }
    } else {
      shards.forEach(d -> writeOne(connector, d, versions));
    }
    writeOne(connector, main, versions);
    deleteAllBut(namespace, connector.getMetadata().getName(), projection.configMaps().keySet());
    return new TreeMap<>(versions);
  }

  private void writeOne(Connector connector, Map.Entry<String, String> document, Map<String, String> versions) {
    ConfigMapApplier.Outcome outcome;
    try {
      outcome = ConfigMapApplier.apply(client, desired(connector, document.getKey(), document.getValue(),
          signing.sign(document.getValue())),
          view.cache(ConfigMap.class), new ResourceID(connector.getMetadata().getNamespace()));
    } catch (KubernetesClientException e) {
      metrics.documentWriteFailed();
      throw e;
    }
    versions.put(document.getKey(), outcome.configMap().getMetadata().getResourceVersion());
    if (outcome.written()) {
      metrics.documentWritten(GrantsProjector.utf8Length(document.getValue()));
    }
  }

  @PreDestroy
  void stop() {
    writers.shutdownNow();
  }

  /**
   * Whether the connector's grants ConfigMaps are exactly those {@link #write} left: each still at the
   * resourceVersion it returned (anyone's change since gives another), and no other.
   */
  boolean intact(String namespace, String connector, Map<String, String> versions) {
    boolean same = versions.entrySet().stream().allMatch(v -> view.get(ConfigMap.class, namespace, v.getKey())
        .map(cm -> v.getValue().equals(cm.getMetadata().getResourceVersion())).orElse(false));
    return same && of(namespace, connector).allMatch(cm -> versions.containsKey(cm.getMetadata().getName()));
  }

  /** The cached grants ConfigMaps of {@code connector}. */
  private Stream<ConfigMap> of(String namespace, String connector) {
    return view.in(ConfigMap.class, namespace)
        .filter(cm -> connector.equals(cm.getMetadata().getLabels().get(TenancyEventSources.CONNECTOR_LABEL)));
  }

  /** Deletes the grants ConfigMaps of {@code connector} whose names are not in {@code keep}. */
  int deleteAllBut(String namespace, String connector, Set<String> keep) {
    int deleted = 0;
    for (ConfigMap stale : of(namespace, connector)
        .filter(cm -> !keep.contains(cm.getMetadata().getName())).toList()) {
      client.resource(stale).delete();
      deleted++;
    }
    return deleted;
  }

  /** Deletes every grants ConfigMap in {@code namespace}: its organization is gone or never existed. */
  int deleteAll(String namespace) {
    int deleted = 0;
    for (ConfigMap stale : view.in(ConfigMap.class, namespace).toList()) {
      client.resource(stale).delete();
      deleted++;
    }
    return deleted;
  }

  private static ConfigMap desired(Connector connector, String name, String json, String signature) {
    return new ConfigMapBuilder()
        .withNewMetadata()
        .withName(name)
        .withNamespace(connector.getMetadata().getNamespace())
        .addToLabels(ApiConstants.MANAGED_BY_LABEL, ApiConstants.MANAGED_BY)
        .addToLabels(TenancyEventSources.CONNECTOR_LABEL, connector.getMetadata().getName())
        .withOwnerReferences(new OwnerReferenceBuilder()
            .withApiVersion(connector.getApiVersion())
            .withKind(connector.getKind())
            .withName(connector.getMetadata().getName())
            .withUid(connector.getMetadata().getUid())
            .withController(true)
            .withBlockOwnerDeletion(false)
            .build())
        .endMetadata()
        .addToData(Projection.DATA_KEY, json)
        .addToData(Signatures.SIGNATURE_KEY, signature)
        .build();
  }
}
