package dev.trellis.reconcile.tenancy;

import dev.trellis.api.v1alpha1.Organization;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.SecondaryToPrimaryMapper;
import java.util.Set;

/** An organization's change (its orgId, its deletion) concerns the tenancy of the namespace it owns. */
public class OrganizationToNamespaceMapper implements SecondaryToPrimaryMapper<Organization> {
  @Override
  public Set<ResourceID> toPrimaryResourceIDs(Organization organization) {
    return Set.of(new ResourceID(organization.effectiveNamespace()));
  }
}
