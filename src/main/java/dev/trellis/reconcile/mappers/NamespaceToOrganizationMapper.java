package dev.trellis.reconcile.mappers;

import dev.trellis.api.v1alpha1.ApiConstants;
import dev.trellis.api.v1alpha1.Organization;
import io.fabric8.kubernetes.api.model.Namespace;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.IndexerResourceCache;
import io.javaoperatorsdk.operator.processing.event.source.SecondaryToPrimaryMapper;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A namespace change concerns the organization named in its label and every organization that asks
 * for a namespace of that name (so that a conflict clears as soon as the other owner lets go).
 */
public final class NamespaceToOrganizationMapper implements SecondaryToPrimaryMapper<Namespace> {
  /** Index of the organization cache: the namespace each organization asks for. */
  public static final String BY_NAMESPACE = "organization-by-namespace";

  private final IndexerResourceCache<Organization> organizations;

  public NamespaceToOrganizationMapper(IndexerResourceCache<Organization> organizations) {
    this.organizations = organizations;
  }

  /** Registers the index this mapper reads; call once before the informers start. */
  public static void index(IndexerResourceCache<Organization> organizations) {
    organizations.addIndexer(BY_NAMESPACE, org -> List.of(org.effectiveNamespace()));
  }

  @Override
  public Set<ResourceID> toPrimaryResourceIDs(Namespace namespace) {
    Set<ResourceID> ids = new HashSet<>();
    var labels = namespace.getMetadata().getLabels();
    if (labels != null && labels.containsKey(ApiConstants.ORGANIZATION_LABEL)) {
      ids.add(new ResourceID(labels.get(ApiConstants.ORGANIZATION_LABEL)));
    }
    for (Organization org : organizations.byIndex(BY_NAMESPACE, namespace.getMetadata().getName())) {
      ids.add(ResourceID.fromResource(org));
    }
    return ids;
  }
}
