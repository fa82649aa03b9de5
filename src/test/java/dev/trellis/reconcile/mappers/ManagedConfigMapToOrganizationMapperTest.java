package dev.trellis.reconcile.mappers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trellis.api.v1alpha1.ApiConstants;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ManagedConfigMapToOrganizationMapperTest {
  private final ManagedConfigMapToOrganizationMapper mapper = new ManagedConfigMapToOrganizationMapper();

  @Test
  void aConfigMapConcernsTheOrganizationInItsLabelAndNoOther() {
    // Its namespace is another organization's: the label decides.
    assertThat(mapper.toPrimaryResourceIDs(configMap("shared", Map.of(
        ApiConstants.MANAGED_BY_LABEL, ApiConstants.MANAGED_BY, ApiConstants.ORGANIZATION_LABEL, "acme"))))
        .containsExactly(new ResourceID("acme"));
  }

  @Test
  void aConfigMapWithoutTheLabelConcernsNoOrganization() {
    assertThat(mapper.toPrimaryResourceIDs(configMap("org-acme", null))).isEmpty();
  }

  private static ConfigMap configMap(String namespace, Map<String, String> labels) {
    return new ConfigMapBuilder().withNewMetadata().withName("trellis-security").withNamespace(namespace)
        .withLabels(labels).endMetadata().build();
  }
}
