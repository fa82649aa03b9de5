package dev.trellis.reconcile.mappers;

import static dev.trellis.reconcile.mappers.MapperFixtures.organization;
import static org.assertj.core.api.Assertions.assertThat;

import dev.trellis.api.v1alpha1.ApiConstants;
import dev.trellis.api.v1alpha1.Organization;
import dev.trellis.testsupport.FakeIndexedCache;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import org.junit.jupiter.api.Test;

class NamespaceToOrganizationMapperTest {

  @Test
  void namespaceConcernsItsLabelledOwnerAndEveryOrganizationAskingForIt() {
    var organizations = new FakeIndexedCache<Organization>()
        .with(organization("owner", "shared"), organization("waiting", "shared"),
            organization("elsewhere", null));
    NamespaceToOrganizationMapper.index(organizations);
    var mapper = new NamespaceToOrganizationMapper(organizations);

    assertThat(mapper.toPrimaryResourceIDs(namespace("shared", "owner")))
        .containsExactlyInAnyOrder(new ResourceID("owner"), new ResourceID("waiting"));
    assertThat(mapper.toPrimaryResourceIDs(namespace("org-elsewhere", null)))
        .containsExactly(new ResourceID("elsewhere"));
    assertThat(mapper.toPrimaryResourceIDs(namespace("unrelated", null))).isEmpty();
  }

  private static Namespace namespace(String name, String owner) {
    var builder = new NamespaceBuilder().withNewMetadata().withName(name).endMetadata();
    if (owner != null) {
      builder.editMetadata().addToLabels(ApiConstants.ORGANIZATION_LABEL, owner).endMetadata();
    }
    return builder.build();
  }
}
