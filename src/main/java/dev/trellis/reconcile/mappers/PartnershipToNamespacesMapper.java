package dev.trellis.reconcile.mappers;

import dev.trellis.api.v1alpha1.Partnership;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.SecondaryToPrimaryMapper;
import java.util.HashSet;
import java.util.Set;

/** A partnership: the customer's namespace and the partner's (its acceptance, its members' access). */
public final class PartnershipToNamespacesMapper implements SecondaryToPrimaryMapper<Partnership> {
  private final Directory directory;

  public PartnershipToNamespacesMapper(Directory directory) {
    this.directory = directory;
  }

  @Override
  public Set<ResourceID> toPrimaryResourceIDs(Partnership partnership) {
    Set<ResourceID> ids = new HashSet<>();
    ids.add(new ResourceID(partnership.getMetadata().getNamespace()));
    if (partnership.getSpec() != null) {
      directory.namespaceOfOrgId(partnership.getSpec().getPartnerOrgId()).ifPresent(ns -> ids.add(new ResourceID(ns)));
    }
    return ids;
  }
}
