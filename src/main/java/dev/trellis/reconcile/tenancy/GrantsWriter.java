package dev.trellis.reconcile.tenancy;

import dev.trellis.api.v1alpha1.ApiConstants;
import dev.trellis.api.v1alpha1.Connector;
import dev.trellis.projection.Projection;
import dev.trellis.reconcile.support.ConfigMapApplier;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes a connector's grants ConfigMaps: only those whose content changed, shards before the primary
 * that lists them, and stale shards removed last. Each is owned by its Connector, so deleting the
 * connector deletes its grants.
 */
@ApplicationScoped
public class GrantsWriter {
  private final KubernetesClient client;

  public GrantsWriter(KubernetesClient client) {
    this.client = client;
  }

  /** @return how many ConfigMaps were written or deleted */
  int write(Connector connector, Projection projection, TenancySources sources) {
    String namespace = connector.getMetadata().getNamespace();
    ResourceID primary = new ResourceID(namespace);
    int writes = 0;
    List<Map.Entry<String, String>> ordered = new ArrayList<>(projection.configMaps().entrySet());
    java.util.Collections.reverse(ordered); // shards first: the primary never names a missing shard
    for (var document : ordered) {
      if (ConfigMapApplier.applyIfChanged(client, desired(connector, document.getKey(), document.getValue()),
          sources.configMaps, primary)) {
        writes++;
      }
    }
    writes += deleteAllBut(namespace, connector.getMetadata().getName(), projection.configMaps().keySet(), sources);
    return writes;
  }

  /** Deletes the grants ConfigMaps of {@code connector} whose names are not in {@code keep}. */
  int deleteAllBut(String namespace, String connector, Set<String> keep, TenancySources sources) {
    int deleted = 0;
    for (ConfigMap stale : TenancySources.in(sources.configMaps, namespace).filter(
        cm -> connector.equals(cm.getMetadata().getLabels().get(TenancySources.CONNECTOR_LABEL))
            && !keep.contains(cm.getMetadata().getName())).toList()) {
      client.resource(stale).delete();
      deleted++;
    }
    return deleted;
  }

  /** Deletes every grants ConfigMap in {@code namespace}: its organization is gone or never existed. */
  int deleteAll(String namespace, TenancySources sources) {
    int deleted = 0;
    for (ConfigMap stale : TenancySources.in(sources.configMaps, namespace).toList()) {
      client.resource(stale).delete();
      deleted++;
    }
    return deleted;
  }

  private static ConfigMap desired(Connector connector, String name, String json) {
    return new ConfigMapBuilder()
        .withNewMetadata()
          .withName(name)
          .withNamespace(connector.getMetadata().getNamespace())
          .addToLabels(ApiConstants.MANAGED_BY_LABEL, ApiConstants.MANAGED_BY)
          .addToLabels(TenancySources.CONNECTOR_LABEL, connector.getMetadata().getName())
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
        .build();
  }
}
