package dev.trellis.reconcile.mappers;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.SecondaryToPrimaryMapper;
import java.util.Set;

/**
 * A change to an object in an organization's namespace concerns that namespace's tenancy, and no other:
 * grants never cross organizations except through partnerships.
 */
public final class ToOwnNamespaceMapper<R extends HasMetadata> implements SecondaryToPrimaryMapper<R> {
  @Override
  public Set<ResourceID> toPrimaryResourceIDs(R resource) {
    String namespace = resource.getMetadata().getNamespace();
    return namespace == null ? Set.of() : Set.of(new ResourceID(namespace));
  }
}
