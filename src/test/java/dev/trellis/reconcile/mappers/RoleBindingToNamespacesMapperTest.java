package dev.trellis.reconcile.mappers;

import static dev.trellis.reconcile.mappers.MapperFixtures.DIRECTORY;
import static dev.trellis.reconcile.mappers.MapperFixtures.binding;
import static dev.trellis.reconcile.mappers.MapperFixtures.ns;
import static org.assertj.core.api.Assertions.assertThat;

import dev.trellis.api.v1alpha1.Subject;
import org.junit.jupiter.api.Test;

class RoleBindingToNamespacesMapperTest {
  private final RoleBindingToNamespacesMapper mapper = new RoleBindingToNamespacesMapper(DIRECTORY);

  @Test
  void aBindingOfAPartnerMemberReachesThePartner() {
    // The partner lists the member's access.
    assertThat(mapper.toPrimaryResourceIDs(binding("org-customer", "k", "analyst", Subject.Kind.PartnerMember, "msp")))
        .containsExactlyInAnyOrder(ns("org-customer"), ns("org-partner"));
  }

  @Test
  void aBindingOfAMemberConcernsItsOwnNamespaceOnly() {
    assertThat(mapper.toPrimaryResourceIDs(binding("org-customer", "a", "analyst", Subject.Kind.Member, null)))
        .containsExactly(ns("org-customer"));
  }

  @Test
  void aBindingNamingAPartnershipThatDoesNotExistConcernsItsOwnNamespaceOnly() {
    assertThat(mapper.toPrimaryResourceIDs(
        binding("org-customer", "k", "analyst", Subject.Kind.PartnerMember, "no-such-partnership")))
        .containsExactly(ns("org-customer"));
  }
}
