package dev.trellis.reconcile.mappers;

import dev.trellis.api.v1alpha1.Organization;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.SecondaryToPrimaryMapper;
import java.util.HashSet;
import java.util.Set;

/**
 * An organization: its namespace, those of its partners and customers (orgId, deletion), and those of the
 * organizations below it in the tenant tree (packages).
 */
public final class OrganizationToNamespacesMapper implements SecondaryToPrimaryMapper<Organization> {
  private final Directory directory;

  public OrganizationToNamespacesMapper(Directory directory) {
    this.directory = directory;
  }

  @Override
  public Set<ResourceID> toPrimaryResourceIDs(Organization org) {
    Set<ResourceID> ids = new HashSet<>();
    ids.add(new ResourceID(org.effectiveNamespace()));
    // Its packages bound those of every organization below it.
    directory.descendantNamespaces(org.getMetadata().getName()).forEach(ns -> ids.add(new ResourceID(ns)));
    String orgId = org.getStatus() == null ? null : org.getStatus().getOrgId();
    if (orgId != null) {
      directory.partnershipsNaming(orgId).forEach(p -> ids.add(new ResourceID(p.getMetadata().getNamespace())));
      directory.acceptancesNaming(orgId).forEach(a -> ids.add(new ResourceID(a.getMetadata().getNamespace())));
    }
    return ids;
  }
}
