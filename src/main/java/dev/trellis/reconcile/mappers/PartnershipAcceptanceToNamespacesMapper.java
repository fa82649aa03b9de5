package dev.trellis.reconcile.mappers;

import dev.trellis.api.v1alpha1.PartnershipAcceptance;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.SecondaryToPrimaryMapper;
import java.util.HashSet;
import java.util.Set;

/** An acceptance: the partner's namespace and the customer's it may establish. */
public final class PartnershipAcceptanceToNamespacesMapper implements SecondaryToPrimaryMapper<PartnershipAcceptance> {
  private final Directory directory;

  public PartnershipAcceptanceToNamespacesMapper(Directory directory) {
    this.directory = directory;
  }

  @Override
  public Set<ResourceID> toPrimaryResourceIDs(PartnershipAcceptance acceptance) {
    Set<ResourceID> ids = new HashSet<>();
    ids.add(new ResourceID(acceptance.getMetadata().getNamespace()));
    if (acceptance.getSpec() != null) {
      directory.namespaceOfOrgId(acceptance.getSpec().getCustomerOrgId()).ifPresent(ns -> ids.add(new ResourceID(ns)));
    }
    return ids;
  }
}
