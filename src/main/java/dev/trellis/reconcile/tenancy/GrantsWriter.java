package dev.trellis.reconcile.tenancy;

import dev.trellis.api.v1alpha1.ApiConstants;
import dev.trellis.api.v1alpha1.Connector;
import dev.trellis.api.v1alpha1.GrantsFormat;
import dev.trellis.projection.GrantsProjector;
import dev.trellis.projection.Projection;
import dev.trellis.projection.Signatures;
import dev.trellis.reconcile.support.ConfigMapApplier;
import dev.trellis.reconcile.support.Sharding;
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
import java.util.LinkedHashMap;
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
  private final Sharding sharding;
  /**
   * Writes shards and primaries in parallel for every reconcile at once: as many threads as let several
   * organizations' writes proceed together (each reconcile wrote its own ConfigMaps before), bounded so that a cold
   * start does not open a thread per shard.
   */
  private final ExecutorService writers = Executors.newFixedThreadPool(WRITER_THREADS, r -> {
    Thread t = new Thread(r, "trellis-grants-writer");
    t.setDaemon(true);
    return t;
  });
  static final int WRITER_THREADS = 16;

  public GrantsWriter(KubernetesClient client, SigningKey signing, OperatorMetrics metrics, TenancyView view,
      Sharding sharding, @ConfigProperty(name = "trellis.grants.resources-per-shard",
          defaultValue = "" + GrantsProjector.DEFAULT_RESOURCES_PER_SHARD) int resourcesPerShard) {
    this.view = view;
    this.sharding = sharding;
    this.resourcesPerShard = resourcesPerShard;
    this.metrics = metrics;
    this.client = client;
    this.signing = signing;
  }

  /** Renders a document in the connector's format, each signed part naming the operator's signing key. */
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

  /** One connector's projection to write. */
  record Wanted(Connector connector, Projection projection) {}

  /** What became of one connector's projection: the resourceVersions of its ConfigMaps, or why it was not written. */
  record Written(Map<String, String> versions, KubernetesClientException failure) {}

  /**
   * Writes several connectors' projections at once, only the ConfigMaps that differ from the cached ones: the
   * shards of all of them in parallel (a partnership paused or a member disabled rewrites most shards of every
   * connector of the organization), then each connector's primary once all of its shards are written, then its
   * stale shards deleted.
   * A connector whose shard cannot be written keeps its previous primary and reports the failure; the others are
   * written all the same.
   *
   * @return one result per wanted projection, in order
   */
  List<Written> writeAll(List<Wanted> wanted) {
    List<Map<String, String>> versions = new ArrayList<>();
    List<CompletableFuture<Void>> shardsDone = new ArrayList<>();
    for (Wanted w : wanted) {
      Map<String, String> v = new ConcurrentSkipListMap<>();
      versions.add(v);
      List<Map.Entry<String, String>> shards = new ArrayList<>(w.projection().configMaps().entrySet());
      shards.remove(0); // the primary comes first in a projection
      shardsDone.add(CompletableFuture.allOf(shards.stream()
          .map(d -> CompletableFuture.runAsync(() -> writeOne(w.connector(), d, w.projection(), v), writers))
          .toArray(CompletableFuture[]::new)));
    }
    // Each primary once every one of its shards is written, so that it never names a missing or older shard.
    List<CompletableFuture<Void>> done = new ArrayList<>();
    for (int i = 0; i < wanted.size(); i++) {
      Wanted w = wanted.get(i);
      Map<String, String> v = versions.get(i);
      var primary = w.projection().configMaps().entrySet().iterator().next();
      done.add(shardsDone.get(i).thenRunAsync(() -> {
        writeOne(w.connector(), primary, w.projection(), v);
        deleteAllBut(w.connector().getMetadata().getNamespace(), w.connector().getMetadata().getName(),
            w.projection().configMaps().keySet());
      }, writers));
    }
    List<Written> out = new ArrayList<>();
    for (int i = 0; i < wanted.size(); i++) {
      try {
        done.get(i).join();
        out.add(new Written(new TreeMap<>(versions.get(i)), null));
      } catch (CompletionException e) {
        Throwable cause = e.getCause();
        while (cause instanceof CompletionException && cause.getCause() != null) {
          cause = cause.getCause();
        }
        if (cause instanceof KubernetesClientException k) {
          out.add(new Written(Map.of(), k));
        } else if (cause instanceof RuntimeException r) {
          throw r;
        } else {
          throw e;
        }
      }
    }
    return out;
  }

  @PreDestroy
  void stop() {
    writers.shutdownNow();
  }

  private void writeOne(Connector connector, Map.Entry<String, String> document, Projection projection,
      Map<String, String> versions) {
    ConfigMapApplier.Outcome outcome;
    try {
      String signature = projection.signed(document.getKey()) ? signing.sign(document.getValue()) : null;
      outcome = ConfigMapApplier.apply(client, desired(connector, document.getKey(), document.getValue(), signature),
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

  /**
   * Whether the connector's grants ConfigMaps are exactly those {@link #writeAll} left: each still at the
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

  /** The ConfigMap holding {@code json}, with its signature unless {@code signature} is null (a v1alpha2 shard). */
  private ConfigMap desired(Connector connector, String name, String json, String signature) {
    String namespace = connector.getMetadata().getNamespace();
    var labels = new LinkedHashMap<String, String>();
    labels.put(ApiConstants.MANAGED_BY_LABEL, ApiConstants.MANAGED_BY);
    labels.put(TenancyEventSources.CONNECTOR_LABEL, connector.getMetadata().getName());
    if (sharding.enabled()) {
      labels.put(Sharding.LABEL, sharding.valueFor(namespace)); // what this shard's cache of them selects
    }
    Map<String, String> data = new LinkedHashMap<>();
    data.put(Projection.DATA_KEY, json);
    if (signature != null) {
      data.put(Signatures.SIGNATURE_KEY, signature);
    }
    return new ConfigMapBuilder()
        .withNewMetadata()
        .withName(name)
        .withNamespace(namespace)
        .withLabels(labels)
        .withOwnerReferences(new OwnerReferenceBuilder()
            .withApiVersion(connector.getApiVersion())
            .withKind(connector.getKind())
            .withName(connector.getMetadata().getName())
            .withUid(connector.getMetadata().getUid())
            .withController(true)
            .withBlockOwnerDeletion(false)
            .build())
        .endMetadata()
        .withData(data)
        .build();
  }
}
