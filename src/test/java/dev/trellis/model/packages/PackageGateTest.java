package dev.trellis.model.packages;

import static dev.trellis.api.v1alpha1.ProductPackage.EventAndIncidentManagement;
import static dev.trellis.api.v1alpha1.ProductPackage.HybridDiscoveryAndMonitoring;
import static dev.trellis.api.v1alpha1.ProductPackage.RemediationAndAutomation;
import static org.assertj.core.api.Assertions.assertThat;

import dev.trellis.api.v1alpha1.ProductPackage;
import dev.trellis.model.Reasons;
import dev.trellis.model.RoleFiles;
import dev.trellis.model.permissions.Permission;
import dev.trellis.model.permissions.PermissionCatalogue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PackageGateTest {
  private static final Set<ProductPackage> HDM_ONLY = Set.of(HybridDiscoveryAndMonitoring);

  @Test
  void everyPermissionBelongsToExactlyOnePackageAndEveryPackageHasPermissions() {
    for (Permission p : PermissionCatalogue.all()) {
      assertThat(p.pkg()).as(p.name()).isNotNull();
      assertThat(PermissionCatalogue.packageOf(p.name())).contains(p.pkg());
    }
    for (ProductPackage pkg : ProductPackage.values()) {
      assertThat(PermissionCatalogue.inPackage(pkg)).as(pkg.name()).isNotEmpty();
    }
    assertThat(PermissionCatalogue.inPackage(EventAndIncidentManagement))
        .containsExactly("incidents.manage", "incidents.view");
    assertThat(PermissionCatalogue.inPackage(RemediationAndAutomation))
        .containsExactly("automation.run", "automation.view", "consoles.access", "software.update");
  }

  @Test
  void permissionsReferenceShowsEachPermissionsPackage() throws Exception {
    String doc = Files.readString(Path.of("docs", "permissions.md"));
    for (Permission p : PermissionCatalogue.all()) {
      assertThat(doc).contains("| `" + p.name() + "` | " + p.description() + " | " + p.pkg().displayName() + " |");
    }
  }

  @Test
  void gateKeepsOnlyPermissionsOfEffectivePackagesInOrder() {
    List<String> perms = List.of("software.view", "software.update", "incidents.view", "resources.view");

    assertThat(PackageGate.gate(perms, HDM_ONLY)).containsExactly("software.view", "resources.view");
    assertThat(PackageGate.gate(perms, EnumSet.allOf(ProductPackage.class))).isEqualTo(perms);
    assertThat(PackageGate.gate(perms, Set.of(HybridDiscoveryAndMonitoring, EventAndIncidentManagement)))
        .containsExactly("software.view", "incidents.view", "resources.view");
  }

  @Test
  void unknownPermissionsNeverSurviveTheGate() {
    assertThat(PackageGate.gate(List.of("made.up", "resources.view"), EnumSet.allOf(ProductPackage.class)))
        .containsExactly("resources.view");
  }

  @Test
  void automationOperatorOnAClientWithoutRemediationAndAutomationIsNotSubscribed() {
    List<String> perms = RoleFiles.role("automation-operator").permissions();

    var v = PackageGate.notSubscribed(perms, Set.of(HybridDiscoveryAndMonitoring, EventAndIncidentManagement));

    assertThat(v).isPresent();
    assertThat(v.get().ready()).isFalse();
    assertThat(v.get().reason()).isEqualTo(Reasons.PACKAGE_NOT_SUBSCRIBED);
    assertThat(v.get().message()).isEqualTo("Access denied: the organization is not subscribed to this product"
        + " package (Remediation and Automation); every permission of the role belongs to it.");
  }

  @Test
  void roleSpanningTwoMissingPackagesNamesBoth() {
    var v = PackageGate.notSubscribed(List.of("incidents.view", "automation.view"), HDM_ONLY);

    assertThat(v.get().message()).startsWith("Access denied: the organization is not subscribed to these product"
        + " packages (Event and Incident Management, Remediation and Automation);");
  }

  @Test
  void roleWithOneSurvivingPermissionIsSubscribed() {
    assertThat(PackageGate.notSubscribed(RoleFiles.role("storage-admin").permissions(), HDM_ONLY)).isEmpty();
    assertThat(PackageGate.gate(RoleFiles.role("storage-admin").permissions(), HDM_ONLY))
        .doesNotContain("software.update").contains("software.view");
    assertThat(PackageGate.notSubscribed(List.of(), HDM_ONLY)).isEmpty();
    assertThat(PackageGate.notSubscribed(List.of("made.up"), HDM_ONLY)).isEmpty();
  }

  @Test
  void incidentManagerNeedsEventAndIncidentManagement() {
    List<String> perms = RoleFiles.role("incident-manager").permissions();

    assertThat(PackageGate.notSubscribed(perms, Set.of(HybridDiscoveryAndMonitoring, RemediationAndAutomation))
        .map(v -> v.message())).get().asString().contains("(Event and Incident Management)");
    assertThat(PackageGate.notSubscribed(perms, Set.of(EventAndIncidentManagement))).isEmpty();
  }
}
