package dev.trellis.reconcile.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trellis.api.v1alpha1.AccessRole;
import dev.trellis.api.v1alpha1.Connector;
import dev.trellis.api.v1alpha1.Folder;
import dev.trellis.api.v1alpha1.Member;
import dev.trellis.api.v1alpha1.Organization;
import dev.trellis.api.v1alpha1.Project;
import dev.trellis.api.v1alpha1.RoleBinding;
import dev.trellis.testsupport.DumpOnFailure;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The hierarchy and IAM kinds on the real API server: statuses, reasons and the grants ConfigMaps. */
@QuarkusTest
@ExtendWith(DumpOnFailure.class)
class TenancyIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** An administrator's client: the operator under test has its own, with the chart's rights only. */
  KubernetesClient client = dev.trellis.testsupport.ControlPlane.get().admin();

  TenancyFixture given;

  @BeforeEach
  void fixture() {
    given = new TenancyFixture(client);
  }

  @Test
  void hierarchyCompilesIntoExactGrantsDocumentsAndBreakingItRemovesOnlyWhatDependsOnIt() throws Exception {
    String ns = given.organization("acme");
    given.apply(ns, """
        apiVersion: iam.trellis.dev/v1alpha1
        kind: Folder
        metadata: {name: eu}
        spec: {}
        ---
        apiVersion: iam.trellis.dev/v1alpha1
        kind: Project
        metadata: {name: london}
        spec: {folder: eu}
        ---
        apiVersion: iam.trellis.dev/v1alpha1
        kind: Project
        metadata: {name: paris}
        spec: {folder: eu}
        ---
        apiVersion: iam.trellis.dev/v1alpha1
        kind: Connector
        metadata: {name: conn-eu}
        spec: {projects: [london], folders: [eu]}
        ---
        apiVersion: iam.trellis.dev/v1alpha1
        kind: Connector
        metadata: {name: conn-us}
        spec: {}
        ---
        apiVersion: iam.trellis.dev/v1alpha1
        kind: ManagedResource
        metadata: {name: ontap-london}
        spec: {type: ONTAPCluster, connector: conn-eu, projects: [london]}
        ---
        apiVersion: iam.trellis.dev/v1alpha1
        kind: ManagedResource
        metadata: {name: ontap-paris}
        spec: {type: ONTAPCluster, connector: conn-eu, projects: [paris]}
        ---
        apiVersion: iam.trellis.dev/v1alpha1
        kind: ManagedResource
        metadata: {name: cvo-us}
        spec: {type: CloudVolumesONTAP, connector: conn-us}
        ---
        apiVersion: iam.trellis.dev/v1alpha1
        kind: Member
        metadata: {name: alice}
        spec: {type: User, email: alice@acme.com}
        ---
        apiVersion: iam.trellis.dev/v1alpha1
        kind: Member
        metadata: {name: bob}
        spec: {type: User, email: bob@acme.com}
        ---
        apiVersion: iam.trellis.dev/v1alpha1
        kind: RoleBinding
        metadata: {name: alice-eu-admin}
        spec:
          role: folder-or-project-admin
          subject: {kind: Member, name: alice}
          scope: {kind: Folder, name: eu}
        ---
        apiVersion: iam.trellis.dev/v1alpha1
        kind: RoleBinding
        metadata: {name: bob-admin}
        spec:
          role: organization-admin
          subject: {kind: Member, name: bob}
          scope: {kind: Organization}
        """);

    // alice, folder admin of eu, reaches ontap-london through london, which conn-eu shares; not ontap-paris,
    // whose project conn-eu is not associated with. bob, organization admin, reaches everything.
    String orgId = client.resources(Organization.class).withName("acme").get().getStatus().getOrgId();
    String folderAdmin = permissions("folder-or-project-admin");
    String orgAdmin = permissions("organization-admin");
    JsonNode expectedEu = JSON.readTree("""
        {"apiVersion": "iam.trellis.dev/v1alpha1", "kind": "GrantsDocument",
         "organization": "acme", "orgId": "%s", "connector": "conn-eu", "revision": "REV",
         "resources": [
           {"name": "ontap-london", "type": "ONTAPCluster", "projects": ["london"], "folders": []},
           {"name": "ontap-paris", "type": "ONTAPCluster", "projects": ["paris"], "folders": []}],
         "entries": [
           {"subject": "alice@acme.com", "subjectKind": "User", "subjectOrganization": "acme",
            "resource": "ontap-london", "permissions": %s,
            "grants": [{"role": "folder-or-project-admin", "binding": "alice-eu-admin", "via": "Member/alice",
                        "scope": "Folder/eu", "expiresAt": null}]},
           {"subject": "bob@acme.com", "subjectKind": "User", "subjectOrganization": "acme",
            "resource": "ontap-london", "permissions": %s,
            "grants": [{"role": "organization-admin", "binding": "bob-admin", "via": "Member/bob",
                        "scope": "Organization", "expiresAt": null}]},
           {"subject": "bob@acme.com", "subjectKind": "User", "subjectOrganization": "acme",
            "resource": "ontap-paris", "permissions": %s,
            "grants": [{"role": "organization-admin", "binding": "bob-admin", "via": "Member/bob",
                        "scope": "Organization", "expiresAt": null}]}]}
        """.formatted(orgId, folderAdmin, orgAdmin, orgAdmin));
    await().atMost(TenancyFixture.WAIT).untilAsserted(
        () -> assertThat(withoutRevision(given.document(ns, "conn-eu"))).isEqualTo(withoutRevision(expectedEu)));
    JsonNode eu = given.document(ns, "conn-eu");
    assertThat(eu.get("keyId").asText()).matches("^ed25519-[0-9a-f]{16}$");
    await().atMost(TenancyFixture.WAIT).untilAsserted(() -> {
      Connector connector = client.resources(Connector.class).inNamespace(ns).withName("conn-eu").get();
      assertThat(connector.getStatus().getGrantsConfigMap()).isEqualTo("conn-eu-grants");
      assertThat(connector.getStatus().getResources()).isEqualTo(2);
      assertThat(connector.getStatus().getEntries()).isEqualTo(3);
      assertThat(connector.getStatus().getRevision()).isEqualTo(eu.get("revision").asText()).startsWith("sha256:");
    });
    await().atMost(TenancyFixture.WAIT)
        .untilAsserted(() -> assertThat(TenancyFixture.subjectsOn(given.document(ns, "conn-us"), "cvo-us"))
            .containsExactly("bob@acme.com"));
    given.awaitReady(RoleBinding.class, ns, "alice-eu-admin", true, "Ready");
    assertThat(client.resources(RoleBinding.class).inNamespace(ns).withName("alice-eu-admin").get()
        .getStatus().getEffective()).isTrue();

    String usVersion = given.grants(ns, "conn-us").getMetadata().getResourceVersion();

    // Disabling alice removes exactly her entry; conn-us, which she never reached, is not rewritten.
    patch(Member.class, ns, "alice", "{\"spec\":{\"disabled\":true}}");
    given.awaitReady(RoleBinding.class, ns, "alice-eu-admin", false, "SubjectDisabled");
    await().atMost(TenancyFixture.WAIT)
        .untilAsserted(() -> assertThat(TenancyFixture.subjectsOn(given.document(ns, "conn-eu"), "ontap-london"))
            .containsExactly("bob@acme.com"));
    assertThat(given.grants(ns, "conn-us").getMetadata().getResourceVersion()).isEqualTo(usVersion);

    // Enabling her again restores the very same document.
    patch(Member.class, ns, "alice", "{\"spec\":{\"disabled\":false}}");
    await().atMost(TenancyFixture.WAIT)
        .untilAsserted(() -> assertThat(given.document(ns, "conn-eu").get("revision")).isEqualTo(eu.get("revision")));

    // Deleting folder eu: its binding has no scope, its projects no parent; bob keeps everything.
    client.resources(Folder.class).inNamespace(ns).withName("eu").delete();
    given.awaitReady(RoleBinding.class, ns, "alice-eu-admin", false, "ScopeNotFound");
    given.awaitReady(Project.class, ns, "london", false, "ParentNotFound");
    await().atMost(TenancyFixture.WAIT).untilAsserted(() -> {
      JsonNode now = given.document(ns, "conn-eu");
      assertThat(TenancyFixture.subjectsOn(now, "ontap-london")).containsExactly("bob@acme.com");
      assertThat(TenancyFixture.subjectsOn(now, "ontap-paris")).containsExactly("bob@acme.com");
    });
    assertThat(given.grants(ns, "conn-us").getMetadata().getResourceVersion()).isEqualTo(usVersion);
  }

  /**
   * The operator reuses the resolution of an organization that did not change; a grants ConfigMap that anyone
   * else edits or deletes is still written back as the organization's objects say.
   */
  @Test
  void grantsConfigMapEditedOrDeletedByAnyoneElseIsWrittenBack() {
    String ns = given.organization("guarded");
    oneAnalyst(ns, "ann", "ann@guarded.com", null);
    await().atMost(TenancyFixture.WAIT).untilAsserted(
        () -> assertThat(TenancyFixture.subjectsOn(given.document(ns, "c"), "r")).containsExactly("ann@guarded.com"));
    given.awaitReady(Connector.class, ns, "c", true, "Ready");
    String original = given.grants(ns, "c").getData().get("grants.json");

    // Someone grants mallory by hand: the document goes back to what the objects say.
    String forged = original.replace("ann@guarded.com", "mallory@guarded.com");
    client.configMaps().inNamespace(ns).withName("c-grants").edit(cm -> {
      cm.getData().put("grants.json", forged);
      return cm;
    });
    await().atMost(TenancyFixture.WAIT)
        .untilAsserted(() -> assertThat(given.grants(ns, "c").getData().get("grants.json")).isEqualTo(original));

    // Deleted: it is written again, the same.
    client.configMaps().inNamespace(ns).withName("c-grants").delete();
    await().atMost(TenancyFixture.WAIT).untilAsserted(() -> {
      var cm = given.grants(ns, "c");
      assertThat(cm).isNotNull();
      assertThat(cm.getData().get("grants.json")).isEqualTo(original);
    });

    // And a real change afterwards still shows.
    patch(Member.class, ns, "ann", "{\"spec\":{\"disabled\":true}}");
    await().atMost(TenancyFixture.WAIT)
        .untilAsserted(() -> assertThat(TenancyFixture.subjectsOn(given.document(ns, "c"), "r")).isEmpty());
  }

  @Test
  void everyFolderOnACycleReportsItAndEverythingBelowIsInvalidUntilItIsFixed() {
    String ns = given.organization("cyclic");
    given.apply(ns, """
        apiVersion: iam.trellis.dev/v1alpha1
        kind: Folder
        metadata: {name: a}
        spec: {parent: b}
        ---
        apiVersion: iam.trellis.dev/v1alpha1
        kind: Folder
        metadata: {name: b}
        spec: {parent: a}
        ---
        apiVersion: iam.trellis.dev/v1alpha1
        kind: Folder
        metadata: {name: c}
        spec: {parent: a}
        ---
        apiVersion: iam.trellis.dev/v1alpha1
        kind: Project
        metadata: {name: p}
        spec: {folder: c}
        ---
        apiVersion: iam.trellis.dev/v1alpha1
        kind: Folder
        metadata: {name: orphan}
        spec: {parent: missing}
        """);
    given.awaitReady(Folder.class, ns, "a", false, "CycleDetected");
    given.awaitReady(Folder.class, ns, "b", false, "CycleDetected");
    given.awaitReady(Folder.class, ns, "c", false, "AncestorInvalid");
    given.awaitReady(Project.class, ns, "p", false, "AncestorInvalid");
    given.awaitReady(Folder.class, ns, "orphan", false, "ParentNotFound");

    patch(Folder.class, ns, "a", "{\"spec\":{\"parent\":\"\"}}");
    given.awaitReady(Folder.class, ns, "a", true, "Ready");
    given.awaitReady(Folder.class, ns, "b", true, "Ready");
    given.awaitReady(Project.class, ns, "p", true, "Ready");
  }

  @Test
  void bindingStopsGrantingAtItsExpiryWithNoOtherChange() {
    String ns = given.organization("expiring");
    String expiresAt = Instant.now().plus(8, ChronoUnit.SECONDS).truncatedTo(ChronoUnit.SECONDS).toString();
    oneAnalyst(ns, "temp", "temp@expiring.com", expiresAt);
    await().atMost(TenancyFixture.WAIT).untilAsserted(
        () -> assertThat(TenancyFixture.subjectsOn(given.document(ns, "c"), "r")).containsExactly("temp@expiring.com"));
    assertThat(given.document(ns, "c").get("entries").get(0).get("grants").get(0).get("expiresAt").asText())
        .isEqualTo(expiresAt);

    given.awaitReady(RoleBinding.class, ns, "temp-analyst", false, "Expired");
    assertThat(Instant.now()).isAfterOrEqualTo(Instant.parse(expiresAt));
    await().atMost(TenancyFixture.WAIT)
        .untilAsserted(() -> assertThat(TenancyFixture.subjectsOn(given.document(ns, "c"), "r")).isEmpty());
  }

  @Test
  void objectsInANamespaceOfNoOrganizationGrantNothing() {
    client.resource(new NamespaceBuilder().withNewMetadata().withName("stray").endMetadata().build()).serverSideApply();
    given.apply("stray", """
        apiVersion: iam.trellis.dev/v1alpha1
        kind: Member
        metadata: {name: loner}
        spec: {type: User, email: loner@nowhere.com}
        ---
        apiVersion: iam.trellis.dev/v1alpha1
        kind: Connector
        metadata: {name: c}
        spec: {}
        ---
        apiVersion: iam.trellis.dev/v1alpha1
        kind: RoleBinding
        metadata: {name: everything}
        spec:
          role: organization-admin
          subject: {kind: Member, name: loner}
          scope: {kind: Organization}
        """);
    given.awaitReady(Member.class, "stray", "loner", false, "NoOrganization");
    given.awaitReady(Connector.class, "stray", "c", false, "NoOrganization");
    given.awaitReady(RoleBinding.class, "stray", "everything", false, "NoOrganization");
    assertThat(given.grants("stray", "c")).isNull();
  }

  @Test
  void bindingReasonsForMissingRoleMissingMemberAndPartnerWithoutPartnership() {
    String ns = given.organization("reasons");
    given.apply(ns, """
        apiVersion: iam.trellis.dev/v1alpha1
        kind: Member
        metadata: {name: m}
        spec: {type: User, email: m@reasons.com}
        ---
        apiVersion: iam.trellis.dev/v1alpha1
        kind: RoleBinding
        metadata: {name: no-role}
        spec: {role: no-such-role, subject: {kind: Member, name: m}, scope: {kind: Organization}}
        ---
        apiVersion: iam.trellis.dev/v1alpha1
        kind: RoleBinding
        metadata: {name: no-member}
        spec: {role: super-viewer, subject: {kind: Member, name: ghost}, scope: {kind: Organization}}
        ---
        apiVersion: iam.trellis.dev/v1alpha1
        kind: RoleBinding
        metadata: {name: wrong-level}
        spec: {role: organization-admin, subject: {kind: Member, name: m}, scope: {kind: Project, name: p}}
        ---
        apiVersion: iam.trellis.dev/v1alpha1
        kind: RoleBinding
        metadata: {name: no-partnership}
        spec:
          role: super-viewer
          subject: {kind: PartnerMember, partnership: nobody, name: krishna}
          scope: {kind: Organization}
        """);
    given.awaitReady(RoleBinding.class, ns, "no-role", false, "RoleNotFound");
    given.awaitReady(RoleBinding.class, ns, "no-member", false, "SubjectNotFound");
    given.awaitReady(RoleBinding.class, ns, "wrong-level", false, "RoleNotAssignableAtScope");
    given.awaitReady(RoleBinding.class, ns, "no-partnership", false, "PartnershipNotFound");

    // Creating the missing role fixes the binding that named it, with no restart.
    given.apply("""
        apiVersion: iam.trellis.dev/v1alpha1
        kind: AccessRole
        metadata: {name: no-such-role}
        spec: {permissions: [resources.view], assignableAt: [Organization]}
        """);
    given.awaitReady(RoleBinding.class, ns, "no-role", true, "Ready");
    given.awaitReady(AccessRole.class, null, "no-such-role", true, "Ready");
    client.resources(AccessRole.class).withName("no-such-role").delete();
  }

  @Test
  void roleWithAnUnknownPermissionIsReported() {
    given.apply("""
        apiVersion: iam.trellis.dev/v1alpha1
        kind: AccessRole
        metadata: {name: typo-role}
        spec: {permissions: [resources.view, resources.veiw], assignableAt: [Project]}
        """);
    var ready = given.awaitReady(AccessRole.class, null, "typo-role", false, "UnknownPermission");
    assertThat(ready.getMessage()).contains("resources.veiw");
    client.resources(AccessRole.class).withName("typo-role").delete();
  }

  @Test
  void apiServerRejectsMalformedBindings() {
    String ns = given.organization("strict");
    assertThatThrownBy(() -> given.apply(ns, """
        apiVersion: iam.trellis.dev/v1alpha1
        kind: RoleBinding
        metadata: {name: partner-without-partnership}
        spec: {role: super-viewer, subject: {kind: PartnerMember, name: krishna}, scope: {kind: Organization}}
        """)).isInstanceOf(KubernetesClientException.class).hasMessageContaining("needs subject.partnership");
    assertThatThrownBy(() -> given.apply(ns, """
        apiVersion: iam.trellis.dev/v1alpha1
        kind: RoleBinding
        metadata: {name: named-organization}
        spec: {role: super-viewer, subject: {kind: Member, name: m}, scope: {kind: Organization, name: x}}
        """)).isInstanceOf(KubernetesClientException.class).hasMessageContaining("takes no scope.name");
  }

  private String permissions(String role) throws Exception {
    List<String> sorted = client.resources(AccessRole.class).withName(role).get().getSpec().getPermissions()
        .stream().sorted().toList();
    return JSON.writeValueAsString(sorted);
  }

  /** The document without what the expected one cannot know: its revision and the operator's signing key id. */
  private static JsonNode withoutRevision(JsonNode document) {
    JsonNode copy = document.deepCopy();
    ((com.fasterxml.jackson.databind.node.ObjectNode) copy).remove(List.of("revision", "keyId"));
    return copy;
  }

  private void oneAnalyst(String ns, String member, String email, String expiresAt) {
    given.oneAnalyst(ns, member, email, expiresAt);
  }

  private <R extends io.fabric8.kubernetes.api.model.HasMetadata> void patch(
      Class<R> kind, String ns, String name, String patch) {
    given.mergePatch(kind, ns, name, patch);
  }
}
