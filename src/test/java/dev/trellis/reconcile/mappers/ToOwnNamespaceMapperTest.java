package dev.trellis.reconcile.mappers;

import static dev.trellis.reconcile.mappers.MapperFixtures.named;
import static dev.trellis.reconcile.mappers.MapperFixtures.ns;
import static org.assertj.core.api.Assertions.assertThat;

import dev.trellis.api.v1alpha1.AccessRole;
import dev.trellis.api.v1alpha1.Member;
import org.junit.jupiter.api.Test;

class ToOwnNamespaceMapperTest {
  @Test
  void anObjectConcernsItsOwnNamespaceOnly() {
    Member member = named(new Member(), "org-bystander", "alice");
    assertThat(new ToOwnNamespaceMapper<Member>().toPrimaryResourceIDs(member)).containsExactly(ns("org-bystander"));
  }

  @Test
  void aClusterScopedObjectConcernsNoNamespace() {
    assertThat(new ToOwnNamespaceMapper<AccessRole>().toPrimaryResourceIDs(named(new AccessRole(), null, "viewer")))
        .isEmpty();
  }
}
