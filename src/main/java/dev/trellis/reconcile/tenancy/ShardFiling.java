package dev.trellis.reconcile.tenancy;

import dev.trellis.reconcile.support.Sharding;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Files objects under their namespace's shard: sets the label {@link Sharding#LABEL} that the shard's caches select.
 * A label patch, nothing else of the object changes; the filed object then arrives in the shard's caches and wakes its
 * namespace. Only the operator may set the label (admission policy trellis-shard-label).
 */
@ApplicationScoped
class ShardFiling {
  private static final Logger LOG = Logger.getLogger(ShardFiling.class);
  private final KubernetesClient client;
  private final Sharding sharding;

  ShardFiling(KubernetesClient client, Sharding sharding) {
    this.client = client;
    this.sharding = sharding;
  }

  /** The object as the API server has it now, if it exists. */
  java.util.Optional<HasMetadata> live(Class<? extends HasMetadata> kind, String namespace, String name) {
    return java.util.Optional.ofNullable(client.resources(kind).inNamespace(namespace).withName(name).get());
  }

  /** Labels each object with its namespace's shard; an object deleted meanwhile needs nothing. */
  int file(List<HasMetadata> objects) {
    int filed = 0;
    for (HasMetadata object : objects) {
      String namespace = object.getMetadata().getNamespace();
      String value = sharding.valueFor(namespace);
      String patch = "{\"metadata\":{\"labels\":{\"" + Sharding.LABEL + "\":\"" + value + "\"}}}";
      try {
        // On the cached object: by name alone, the client would first read the object from the server.
        client.resource(object).patch(PatchContext.of(PatchType.JSON_MERGE), patch);
        filed++;
      } catch (KubernetesClientException e) {
        if (e.getCode() != 404) {
          throw e;
        }
      }
    }
    if (filed > 0) {
      LOG.debugf("filed %d objects under %s", filed, sharding);
    }
    return filed;
  }
}
