package dev.trellis.reconcile.mappers;

import static dev.trellis.reconcile.mappers.MapperFixtures.binding;
import static dev.trellis.reconcile.mappers.MapperFixtures.named;
import static dev.trellis.reconcile.mappers.MapperFixtures.ns;
import static org.assertj.core.api.Assertions.assertThat;

import dev.trellis.api.v1alpha1.AccessRole;
import dev.trellis.api.v1alpha1.RoleBinding;
import dev.trellis.api.v1alpha1.Subject;
import dev.trellis.testsupport.FakeIndexedCache;
import org.junit.jupiter.api.Test;

class AccessRoleToNamespacesMapperTest {
  @Test
  void roleConcernsOnlyTheNamespacesWhoseBindingsNameIt() {
    var bindings = new FakeIndexedCache<RoleBinding>().with(
        binding("org-a", "x", "viewer", Subject.Kind.Member, null),
        binding("org-b", "y", "viewer", Subject.Kind.Member, null),
        binding("org-c", "z", "admin", Subject.Kind.Member, null));
    AccessRoleToNamespacesMapper.index(bindings);
    var mapper = new AccessRoleToNamespacesMapper(bindings);
    assertThat(mapper.toPrimaryResourceIDs(named(new AccessRole(), null, "viewer")))
        .containsExactlyInAnyOrder(ns("org-a"), ns("org-b"));
    assertThat(mapper.toPrimaryResourceIDs(named(new AccessRole(), null, "unused"))).isEmpty();
  }

  @Test
  void aNamespaceWithManyBindingsOfTheRoleIsWokenOnceAndABindingWithoutRoleNever() {
    RoleBinding withoutRole = binding("org-c", "w", null, Subject.Kind.Member, null);
    RoleBinding withoutSpec = named(new RoleBinding(), "org-d", "v");
    var bindings = new FakeIndexedCache<RoleBinding>().with(
        binding("org-a", "x", "viewer", Subject.Kind.Member, null),
        binding("org-a", "y", "viewer", Subject.Kind.Member, null),
        withoutRole, withoutSpec);
    AccessRoleToNamespacesMapper.index(bindings);
    assertThat(new AccessRoleToNamespacesMapper(bindings).toPrimaryResourceIDs(named(new AccessRole(), null, "viewer")))
        .containsExactly(ns("org-a"));
  }
}
