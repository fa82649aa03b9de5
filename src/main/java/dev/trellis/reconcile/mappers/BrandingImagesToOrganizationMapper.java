package dev.trellis.reconcile.mappers;

import dev.trellis.api.v1alpha1.Organization;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.IndexerResourceCache;
import io.javaoperatorsdk.operator.processing.event.source.SecondaryToPrimaryMapper;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A user's ConfigMap of branding images concerns every organization that asks for the namespace it is in: the
 * organization's branding names it, and only a ConfigMap in its own namespace counts. Reads the index that
 * {@link NamespaceToOrganizationMapper#index} registers.
 */
public final class BrandingImagesToOrganizationMapper implements SecondaryToPrimaryMapper<ConfigMap> {
  private final IndexerResourceCache<Organization> organizations;

  public BrandingImagesToOrganizationMapper(IndexerResourceCache<Organization> organizations) {
    this.organizations = organizations;
  }

  @Override
  public Set<ResourceID> toPrimaryResourceIDs(ConfigMap configMap) {
    return organizations.byIndex(NamespaceToOrganizationMapper.BY_NAMESPACE, configMap.getMetadata().getNamespace())
        .stream().map(ResourceID::fromResource).collect(Collectors.toSet());
  }
}
