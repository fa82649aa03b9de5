package dev.trellis.reconcile.mappers;

import static dev.trellis.reconcile.mappers.MapperFixtures.organization;
import static org.assertj.core.api.Assertions.assertThat;

import dev.trellis.api.v1alpha1.Organization;
import dev.trellis.testsupport.FakeIndexedCache;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import org.junit.jupiter.api.Test;

class BrandingImagesToOrganizationMapperTest {
  @Test
  void imagesConcernEveryOrganizationAskingForTheirNamespaceAndNoOther() {
    var organizations = new FakeIndexedCache<Organization>()
        .with(organization("owner", "shared"), organization("waiting", "shared"), organization("acme", null));
    NamespaceToOrganizationMapper.index(organizations);
    var mapper = new BrandingImagesToOrganizationMapper(organizations);

    assertThat(mapper.toPrimaryResourceIDs(images("shared")))
        .containsExactlyInAnyOrder(new ResourceID("owner"), new ResourceID("waiting"));
    assertThat(mapper.toPrimaryResourceIDs(images("org-acme"))).containsExactly(new ResourceID("acme"));
    assertThat(mapper.toPrimaryResourceIDs(images("unrelated"))).isEmpty();
  }

  private static ConfigMap images(String namespace) {
    return new ConfigMapBuilder().withNewMetadata().withName("branding-images").withNamespace(namespace)
        .addToLabels("iam.trellis.dev/branding", "images").endMetadata().build();
  }
}
