package dev.trellis.reconcile.mappers;

import dev.trellis.api.v1alpha1.ApiConstants;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.SecondaryToPrimaryMapper;
import java.util.Set;

/**
 * A ConfigMap the organization controller writes (its security policy, its branding) concerns the organization
 * named in its label, and no other: its reconcile compares the ConfigMap with what it would write, and writes it
 * back when someone else changed or deleted it.
 */
public final class ManagedConfigMapToOrganizationMapper implements SecondaryToPrimaryMapper<ConfigMap> {
  @Override
  public Set<ResourceID> toPrimaryResourceIDs(ConfigMap configMap) {
    var labels = configMap.getMetadata().getLabels();
    String organization = labels == null ? null : labels.get(ApiConstants.ORGANIZATION_LABEL);
    return organization == null ? Set.of() : Set.of(new ResourceID(organization));
  }
}
