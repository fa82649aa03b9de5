package dev.trellis.model.permissions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trellis.model.RoleFiles;
import dev.trellis.model.snapshot.RoleNode;
import dev.trellis.model.snapshot.ScopeKind;
import dev.trellis.model.validation.RoleValidator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The roles shipped in config/roles/ agree with the catalogue, DESIGN and the roles reference. */
class PredefinedRolesTest {

  @Test
  void everyRoleFileIsAClusterScopedAccessRoleWithOnlyCataloguedPermissions() {
    Map<String, JsonNode> docs = RoleFiles.documents();
    assertThat(docs).isNotEmpty();
    docs.forEach((name, doc) -> {
      assertThat(doc.path("apiVersion").asText()).isEqualTo("iam.trellis.dev/v1alpha1");
      assertThat(doc.path("metadata").has("namespace")).as(name).isFalse();
      assertThat(doc.path("spec").path("displayName").asText()).as(name).isNotBlank();
      assertThat(doc.path("spec").path("description").asText()).as(name).isNotBlank();
      assertThat(doc.path("spec").path("assignableAt")).as(name).isNotEmpty();
      assertThat(doc.path("spec").has("assignableToPartners")).as(name).isTrue();
    });
    for (RoleNode r : RoleFiles.roles()) {
      assertThat(r.permissions()).as(r.name()).allMatch(PermissionCatalogue::contains).doesNotHaveDuplicates();
      assertThat(RoleValidator.judge(r).ready()).as(r.name()).isTrue();
    }
  }

  @Test
  void theRolesDesignAndTheReferenceNameExist() {
    assertThat(RoleFiles.documents().keySet()).contains("organization-admin", "folder-or-project-admin",
        "super-admin", "super-viewer", "operation-support-analyst", "storage-admin", "storage-viewer",
        "system-health-specialist", "federation-admin", "federation-viewer", "partnership-admin",
        "partnership-viewer");
  }

  @Test
  void organizationAdminHoldsEveryPermissionAndIsGivenAtTheOrganizationOnly() {
    RoleNode admin = RoleFiles.role("organization-admin");
    assertThat(new TreeSet<>(admin.permissions())).isEqualTo(PermissionCatalogue.names());
    assertThat(admin.assignableAt()).containsExactly(ScopeKind.Organization);
    assertThat(admin.assignableToPartners()).isFalse();
  }

  @Test
  void superAdminHoldsEveryPermissionAndIsGivenAtTheOrganizationOnly() {
    RoleNode admin = RoleFiles.role("super-admin");
    assertThat(new TreeSet<>(admin.permissions())).isEqualTo(PermissionCatalogue.names());
    assertThat(admin.assignableAt()).containsExactly(ScopeKind.Organization);
    assertThat(admin.assignableToPartners()).isFalse();
  }

  @Test
  void superViewerHoldsExactlyEveryViewPermission() {
    assertThat(new TreeSet<>(RoleFiles.role("super-viewer").permissions())).isEqualTo(PermissionCatalogue.views());
  }

  @Test
  void operationSupportAnalystCanHandleAlerts() {
    assertThat(RoleFiles.role("operation-support-analyst").permissions())
        .contains("resources.view", "monitoring.view", "alerts.view", "alerts.manage");
  }

  @Test
  void storageRolesAreNotForPartners() {
    for (String name : Set.of("storage-admin", "storage-viewer", "system-health-specialist")) {
      assertThat(RoleFiles.role(name).assignableToPartners()).as(name).isFalse();
    }
  }

  @Test
  void folderOrProjectAdminCannotCreateConnectorsFoldersOrProjects() {
    assertThat(RoleFiles.role("folder-or-project-admin").permissions()).doesNotContain("connectors.create",
        "connectors.associate", "folders.create", "folders.delete", "projects.create", "projects.delete");
  }

  @Test
  void catalogueNamesAreAreaDotVerbAndDocumented() throws Exception {
    String doc = Files.readString(Path.of("docs", "permissions.md"));
    for (Permission p : PermissionCatalogue.all()) {
      assertThat(p.name()).matches("[a-z]+\\.[a-z]+");
      assertThat(p.description()).isNotBlank().endsWith(".");
      assertThat(doc).as("docs/permissions.md lists " + p.name()).contains("`" + p.name() + "`");
    }
    RoleFiles.documents().keySet().forEach(r -> assertThat(doc).contains("`" + r + "`"));
  }

  @Test
  void kustomizationListsEveryRoleFile() throws Exception {
    String k = Files.readString(RoleFiles.DIR.resolve("kustomization.yaml"));
    RoleFiles.documents().keySet().forEach(r -> assertThat(k).contains(r + ".yaml"));
  }
}
