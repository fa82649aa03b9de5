package dev.trellis.reconcile.mappers;

import dev.trellis.api.v1alpha1.Organization;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.IndexerResourceCache;
import io.javaoperatorsdk.operator.processing.event.source.SecondaryToPrimaryMapper;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An organization's change concerns its neighbours in the tenant tree: its parent (whose children list
 * changes), its children (whose position may become valid or invalid), and a former parent that still
 * lists it as a child.
 */
public final class OrganizationToTenantTreeNeighboursMapper implements SecondaryToPrimaryMapper<Organization> {
  static final String BY_PARENT = "organization-by-parent";
  static final String BY_LISTED_CHILD = "organization-by-listed-child";

  private final IndexerResourceCache<Organization> organizations;

  public OrganizationToTenantTreeNeighboursMapper(IndexerResourceCache<Organization> organizations) {
    this.organizations = organizations;
  }

  /** Registers the indexes this mapper reads; call before the informers start. */
  public static void index(IndexerResourceCache<Organization> organizations) {
    organizations.addIndexers(Map.of(
        BY_PARENT, o -> o.getSpec() == null || o.getSpec().getParent() == null ? List.of()
            : List.of(o.getSpec().getParent()),
        BY_LISTED_CHILD, o -> o.getStatus() == null || o.getStatus().getChildren() == null ? List.of()
            : o.getStatus().getChildren()));
  }

  @Override
  public Set<ResourceID> toPrimaryResourceIDs(Organization org) {
    Set<ResourceID> ids = new HashSet<>();
    String name = org.getMetadata().getName();
    if (org.getSpec() != null && org.getSpec().getParent() != null && !org.getSpec().getParent().isEmpty()) {
      ids.add(new ResourceID(org.getSpec().getParent()));
    }
    organizations.byIndex(BY_PARENT, name).forEach(child -> ids.add(ResourceID.fromResource(child)));
    organizations.byIndex(BY_LISTED_CHILD, name).forEach(former -> ids.add(ResourceID.fromResource(former)));
    ids.remove(new ResourceID(name));
    return ids;
  }
}
