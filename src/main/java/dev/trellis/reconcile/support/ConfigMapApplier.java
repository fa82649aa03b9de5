package dev.trellis.reconcile.support;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import java.util.Map;
import java.util.Objects;

/**
 * Writes a ConfigMap Trellis owns by server-side apply, only when its content differs from the cached one, and
 * puts the written object back into the cache so the next reconcile compares with what was just written.
 */
public final class ConfigMapApplier {
  private ConfigMapApplier() {}

  /** @return whether a write happened */
  public static boolean applyIfChanged(KubernetesClient client, ConfigMap desired,
      InformerEventSource<ConfigMap, ?> cache, ResourceID primary) {
    return apply(client, desired, cache, primary).written();
  }

  /** The ConfigMap that now holds the desired content, and whether it took a write. */
  public record Outcome(ConfigMap configMap, boolean written) {}

  /** Writes {@code desired} unless the cached object already holds its content. */
  public static Outcome apply(KubernetesClient client, ConfigMap desired, InformerEventSource<ConfigMap, ?> cache,
      ResourceID primary) {
    ConfigMap cached = cache.get(ResourceID.fromResource(desired)).orElse(null);
    if (cached != null && sameContent(cached, desired) && !Boolean.TRUE.equals(cached.getImmutable())) {
      return new Outcome(cached, false);
    }
    if (cached != null && Boolean.TRUE.equals(cached.getImmutable())) {
      // Trellis never makes its ConfigMaps immutable: someone else did, to freeze what readers see (the admission
      // policy trellis-managed-configmaps was missing). An immutable ConfigMap cannot be changed, only replaced.
      client.resource(cached).withGracePeriod(0).delete();
      cached = null;
    }
    ConfigMap written = client.resource(desired).fieldManager(StatusWriter.FIELD_MANAGER).forceConflicts()
        .serverSideApply();
    if (cached == null) {
      cache.handleRecentResourceCreate(primary, written);
    } else {
      cache.handleRecentResourceUpdate(primary, written, cached);
    }
    return new Outcome(written, true);
  }

  static boolean sameContent(ConfigMap cached, ConfigMap desired) {
    Map<String, String> labels = cached.getMetadata().getLabels() == null ? Map.of() : cached.getMetadata().getLabels();
    // The cache may hold the ConfigMap without its data (CachedContent): compare digests.
    return CachedContent.digest(cached).equals(CachedContent.digest(desired))
        && labels.entrySet().containsAll(desired.getMetadata().getLabels().entrySet())
        && Objects.equals(cached.getMetadata().getOwnerReferences(), desired.getMetadata().getOwnerReferences());
  }
}
