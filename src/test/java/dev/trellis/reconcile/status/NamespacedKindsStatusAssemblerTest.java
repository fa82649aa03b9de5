package dev.trellis.reconcile.status;

import static dev.trellis.reconcile.status.Fixtures.EARLIER;
import static dev.trellis.reconcile.status.Fixtures.named;
import static dev.trellis.reconcile.status.Fixtures.ready;
import static org.assertj.core.api.Assertions.assertThat;

import dev.trellis.api.v1alpha1.AccessRole;
import dev.trellis.api.v1alpha1.Folder;
import dev.trellis.api.v1alpha1.ManagedResource;
import dev.trellis.api.v1alpha1.Project;
import dev.trellis.api.v1alpha1.RoleBinding;
import dev.trellis.model.verdict.BindingVerdict;
import dev.trellis.model.verdict.Verdict;
import org.junit.jupiter.api.Test;

/** The kinds whose status is Ready from the model's verdict, and little else. */
class NamespacedKindsStatusAssemblerTest {
  private static final Verdict MISSING_PARENT = Verdict.invalid("ParentNotFound", "Folder x does not exist.");

  @Test
  void aFolderReportsTheVerdictOnItsGeneration() {
    Folder folder = named(new Folder(), "f", 5);
    folder.setStatus(FolderStatusAssembler.assemble(folder, MISSING_PARENT, EARLIER));
    assertThat(folder.getStatus().getObservedGeneration()).isEqualTo(5L);
    assertThat(ready(folder).getReason()).isEqualTo("ParentNotFound");
    assertThat(ready(folder).getMessage()).isEqualTo("Folder x does not exist.");
    assertThat(ready(folder).getObservedGeneration()).isEqualTo(5L);
  }

  @Test
  void aProjectReportsTheVerdict() {
    Project project = named(new Project(), "p", 1);
    project.setStatus(ProjectStatusAssembler.assemble(project, Verdict.ok("fine"), EARLIER));
    assertThat(ready(project).getStatus()).isEqualTo("True");
  }

  @Test
  void aManagedResourceReportsTheVerdict() {
    ManagedResource resource = named(new ManagedResource(), "r", 1);
    resource.setStatus(ManagedResourceStatusAssembler.assemble(resource, MISSING_PARENT, EARLIER));
    assertThat(ready(resource).getStatus()).isEqualTo("False");
  }

  @Test
  void aRoleBindingSaysWhetherItIsEffective() {
    RoleBinding binding = named(new RoleBinding(), "b", 1);
    binding.setStatus(RoleBindingStatusAssembler.assemble(binding,
        new BindingVerdict(Verdict.ok("fine"), false), EARLIER));
    assertThat(binding.getStatus().getEffective()).isFalse();
    binding.setStatus(RoleBindingStatusAssembler.assemble(binding,
        new BindingVerdict(Verdict.ok("fine"), true), EARLIER));
    assertThat(binding.getStatus().getEffective()).isTrue();
  }

  @Test
  void anAccessRoleReportsTheCataloguesVerdict() {
    AccessRole role = new AccessRole();
    role.getMetadata().setName("viewer");
    role.getMetadata().setGeneration(2L);
    role.setStatus(AccessRoleStatusAssembler.assemble(role,
        Verdict.invalid("UnknownPermission", "No such permission."), EARLIER));
    assertThat(role.getStatus().getObservedGeneration()).isEqualTo(2L);
    assertThat(ready(role).getReason()).isEqualTo("UnknownPermission");
  }
}
