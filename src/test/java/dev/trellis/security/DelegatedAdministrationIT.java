package dev.trellis.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.trellis.api.v1alpha1.Member;
import dev.trellis.api.v1alpha1.RoleBinding;
import dev.trellis.model.Reasons;
import dev.trellis.reconcile.tenancy.TenancyFixture;
import dev.trellis.testsupport.ControlPlane;
import dev.trellis.testsupport.DumpOnFailure;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Who may give whom a role, decided at admission with the requester's identity (impersonated users holding only
 * namespace RBAC over Trellis objects): a member binds only what Trellis grants them where they manage bindings; a
 * service account with RBAC bind on a role binds that role; a cluster administrator always may. Every refusal
 * here is a binding the API server would otherwise have stored.
 */
@QuarkusTest
@ExtendWith(DumpOnFailure.class)
class DelegatedAdministrationIT {
  KubernetesClient client = ControlPlane.get().admin();
  TenancyFixture given;

  @BeforeEach
  void fixture() {
    given = new TenancyFixture(client);
  }

  @Test
  void membersBindOnlyWhatTheyHoldWhereTheyAdministerAndOthersNothing() throws Exception {
    String ns = delegating("delegating");
    try (KubernetesClient alice = editor(ns, "alice@delegating.example")) {
      // A folder administrator binding at the organization, outside her folder, or a role she does not hold.
      assertRefused(
          () -> bind(alice, ns, "dave-everywhere", "operation-support-analyst", "dave", "{kind: Organization}"),
          "alice@delegating.example lacks rolebindings.manage");
      assertRefused(() -> bind(alice, ns, "dave-ny", "operation-support-analyst", "dave", "{kind: Project, name: ny}"),
          "at Project/ny to bind operation-support-analyst");
      assertRefused(() -> bind(alice, ns, "alice-boss", "organization-admin", "alice", "{kind: Folder, name: eu}"),
          "more at Folder/eu to bind organization-admin");
      // Within her folder, a role she holds: admitted.
      bind(alice, ns, "dave-london", "operation-support-analyst", "dave", "{kind: Project, name: london}");
      // Changing or deleting someone else's organization-wide binding needs the same over it.
      assertRefused(() -> alice.resources(RoleBinding.class).inNamespace(ns).withName("bob-admin").delete(),
          "lacks rolebindings.manage");
    }
    given.awaitReady(RoleBinding.class, ns, "dave-london", true, Reasons.READY);
    // The API server's audit log names the requester and the reason of each refusal.
    await().atMost(TenancyFixture.WAIT).untilAsserted(() -> assertThat(ControlPlane.get().auditEvents())
        .anySatisfy(e -> {
          assertThat(e.path("impersonatedUser").path("username").asText()).isEqualTo("alice@delegating.example");
          assertThat(e.path("objectRef").path("name").asText()).isEqualTo("dave-everywhere");
          assertThat(e.path("responseStatus").path("code").asInt()).isEqualTo(403);
          assertThat(e.path("responseStatus").path("message").asText()).contains("lacks rolebindings.manage");
        }));
    assertThat(client.resources(RoleBinding.class).inNamespace(ns).withName("dave-everywhere").get()).isNull();
    assertThat(client.resources(RoleBinding.class).inNamespace(ns).withName("bob-admin").get()).isNotNull();

    // An observability administrator gives observability roles, never reporting ones.
    try (KubernetesClient carol = editor(ns, "carol@delegating.example")) {
      bind(carol, ns, "dave-observes", "observability-user", "dave", "{kind: Organization}");
      assertRefused(() -> bind(carol, ns, "dave-reports", "reporting-user", "dave", "{kind: Organization}"),
          "reports.view");
    }
    // A disabled member, and somebody of another organization (or a partner), hold nothing here.
    given.mergePatch(Member.class, ns, "erin", "{\"spec\":{\"disabled\":true}}");
    given.awaitReady(RoleBinding.class, ns, "erin-admin", false, Reasons.SUBJECT_DISABLED);
    try (KubernetesClient erin = editor(ns, "erin@delegating.example")) {
      assertRefused(() -> bind(erin, ns, "erin-again", "super-viewer", "erin", "{kind: Organization}"),
          "is not an active, enabled member of organization delegating");
    }
    try (KubernetesClient mallory = editor(ns, "mallory@elsewhere.example")) {
      assertRefused(() -> bind(mallory, ns, "mallory-admin", "organization-admin", "bob", "{kind: Organization}"),
          "is not an active, enabled member of organization delegating");
    }
  }

  @Test
  void theOtherIamWritesNeedTheirPermissionWhereTheyHappen() throws Exception {
    String ns = delegating("writes");
    try (KubernetesClient alice = editor(ns, "alice@writes.example")) {
      assertRefused(() -> apply(alice, ns, "Project", "paris", "{folder: eu}"), "lacks projects.create at Folder/eu");
      assertRefused(() -> apply(alice, ns, "Project", "london", "{folder: us}"), "projects.manage at Folder/us");
      assertRefused(() -> alice.resources(dev.trellis.api.v1alpha1.Folder.class).inNamespace(ns).withName("eu")
          .delete(), "folders.delete at Folder/eu");
      assertRefused(() -> apply(alice, ns, "Member", "zoe", "{type: User, email: zoe@writes.example}"),
          "members.manage or users.manage at Organization");
      assertRefused(() -> apply(alice, ns, "Partnership", "msp", "{partnerOrgId: someone}"),
          "partnerships.manage at Organization");
      assertRefused(() -> apply(alice, ns, "Connector", "conn", "{projects: [london]}"),
          "connectors.create at Organization");
      // Labels alone change no grant: a member without rights may still tidy metadata they can edit.
      alice.resources(dev.trellis.api.v1alpha1.Project.class).inNamespace(ns).withName("london").edit(p -> {
        p.getMetadata().setLabels(java.util.Map.of("team", "london"));
        return p;
      });
    }
    assertThat(client.resources(dev.trellis.api.v1alpha1.Project.class).inNamespace(ns).withName("london").get()
        .getSpec().getFolder()).isEqualTo("eu");
    try (KubernetesClient bob = editor(ns, "bob@writes.example")) {
      apply(bob, ns, "Project", "paris", "{folder: eu}");
      apply(bob, ns, "Member", "zoe", "{type: User, email: zoe@writes.example}");
      apply(bob, ns, "Connector", "conn", "{projects: [london]}");
    }
    // A GitOps service account that RBAC lets update the Organization writes its objects.
    given.apply("""
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata: {name: test-manage-org-writes}
        rules:
          - apiGroups: [iam.trellis.dev]
            resources: [organizations]
            resourceNames: [writes]
            verbs: [update]
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata: {name: test-gitops-manages-org-writes}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: test-manage-org-writes}
        subjects: [{kind: ServiceAccount, name: sync, namespace: gitops}]
        """);
    try (KubernetesClient gitops = editor(ns, "system:serviceaccount:gitops:sync")) {
      await().atMost(TenancyFixture.WAIT).ignoreExceptions()
          .untilAsserted(() -> apply(gitops, ns, "Folder", "apac", "{}"));
    }
  }

  private static void apply(KubernetesClient as, String ns, String kind, String name, String spec) {
    String yaml = """
        apiVersion: iam.trellis.dev/v1alpha1
        kind: %s
        metadata: {name: %s}
        spec: %s
        """.formatted(kind, name, spec);
    as.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8))).inNamespace(ns).forceConflicts()
        .serverSideApply();
  }

  @Test
  void aPartnersMemberNeverWritesTheCustomersBindingsAndAnAdminMayDropTheirOwn() throws Exception {
    String customer = delegating("customerdel");
    String partner = given.organization("partnerdel");
    given.apply(partner, """
        apiVersion: iam.trellis.dev/v1alpha1
        kind: Member
        metadata: {name: krishna}
        spec: {type: User, email: krishna@partnerdel.example}
        """);
    String partnerId = client.resources(dev.trellis.api.v1alpha1.Organization.class).withName("partnerdel").get()
        .getStatus().getOrgId();
    String customerId = client.resources(dev.trellis.api.v1alpha1.Organization.class).withName("customerdel").get()
        .getStatus().getOrgId();
    given.apply(customer, """
        apiVersion: iam.trellis.dev/v1alpha1
        kind: Partnership
        metadata: {name: msp}
        spec: {partnerOrgId: %s}
        """.formatted(partnerId));
    given.apply(partner, """
        apiVersion: iam.trellis.dev/v1alpha1
        kind: PartnershipAcceptance
        metadata: {name: customerdel}
        spec: {customerOrgId: %s, partnership: msp, members: [krishna]}
        """.formatted(customerId));
    given.awaitReady(dev.trellis.api.v1alpha1.Partnership.class, customer, "msp", true, Reasons.READY);
    // Even with Kubernetes rights in the customer's namespace, the partner's member is nobody there.
    try (KubernetesClient krishna = editor(customer, "krishna@partnerdel.example")) {
      assertRefused(() -> krishna.load(new ByteArrayInputStream("""
          apiVersion: iam.trellis.dev/v1alpha1
          kind: RoleBinding
          metadata: {name: krishna-self}
          spec:
            role: super-viewer
            subject: {kind: PartnerMember, partnership: msp, name: krishna}
            scope: {kind: Organization}
          """.getBytes(StandardCharsets.UTF_8))).inNamespace(customer).forceConflicts().serverSideApply(),
          "krishna@partnerdel.example is not an active, enabled member of organization customerdel");
    }
    // An administrator may give up their own (last) administrator binding: they hold the rights when they ask.
    try (KubernetesClient bob = editor(customer, "bob@customerdel.example")) {
      bob.resources(RoleBinding.class).inNamespace(customer).withName("bob-admin").delete();
    }
    await().atMost(TenancyFixture.WAIT)
        .until(() -> client.resources(RoleBinding.class).inNamespace(customer).withName("bob-admin").get() == null);
  }

  @Test
  void aServiceAccountBindsTheRolesRbacLetsItBindAndAClusterAdministratorAny() throws Exception {
    String ns = delegating("gitops");
    String argo = "system:serviceaccount:argocd:argocd-application-controller";
    given.apply("""
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata: {name: test-bind-super-viewer}
        rules:
          - apiGroups: [iam.trellis.dev]
            resources: [accessroles]
            resourceNames: [super-viewer]
            verbs: [bind]
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata: {name: test-argo-binds-super-viewer}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: test-bind-super-viewer}
        subjects: [{kind: ServiceAccount, name: argocd-application-controller, namespace: argocd}]
        """);
    try (KubernetesClient gitops = editor(ns, argo)) {
      await().atMost(TenancyFixture.WAIT).ignoreExceptions()
          .untilAsserted(() -> bind(gitops, ns, "dave-viewer", "super-viewer", "dave", "{kind: Organization}"));
      assertRefused(() -> bind(gitops, ns, "dave-admin", "organization-admin", "dave", "{kind: Organization}"),
          "verb bind on accessroles.iam.trellis.dev organization-admin");
    }
    // The cluster administrator binds anything (RBAC's bind through system:masters).
    bind(client, ns, "dave-super", "super-admin", "dave", "{kind: Organization}");
    assertThat(client.resources(RoleBinding.class).inNamespace(ns).withName("dave-super").get()).isNotNull();
  }

  @Test
  void aPlatformTeamGrantsNamespaceAccessWithKubernetesOwnRoles() throws Exception {
    String ns = delegating("aggregated");
    for (String[] grant : new String[][] {{"admin", "bob@aggregated.example"}, {"edit", "ed@aggregated.example"},
        {"view", "vic@aggregated.example"}}) {
      given.apply(ns, """
          apiVersion: rbac.authorization.k8s.io/v1
          kind: RoleBinding
          metadata: {name: k8s-%1$s}
          roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: %1$s}
          subjects: [{apiGroup: rbac.authorization.k8s.io, kind: User, name: "%2$s"}]
          """.formatted(grant[0], grant[1]));
    }
    try (KubernetesClient bob = ControlPlane.get().clientAs("bob@aggregated.example");
        KubernetesClient ed = ControlPlane.get().clientAs("ed@aggregated.example");
        KubernetesClient vic = ControlPlane.get().clientAs("vic@aggregated.example")) {
      // Kubernetes' admin (aggregating trellis-admin) lets bob write bindings; Trellis then lets him, an admin.
      await().atMost(TenancyFixture.WAIT).ignoreExceptions()
          .untilAsserted(() -> bind(bob, ns, "dave-viewer", "super-viewer", "dave", "{kind: Organization}"));
      // edit: the organization's structure, not who has access.
      await().atMost(TenancyFixture.WAIT).ignoreExceptions()
          .untilAsserted(() -> apply(ed, ns, "ManagedResource", "ontap", "{type: ONTAPCluster}"));
      assertRefused(() -> bind(ed, ns, "ed-admin", "organization-admin", "ed", "{kind: Organization}"),
          "cannot patch resource \"rolebindings\"");
      // view: reads, writes nothing.
      await().atMost(TenancyFixture.WAIT).ignoreExceptions().untilAsserted(
          () -> assertThat(vic.resources(RoleBinding.class).inNamespace(ns).list().getItems()).isNotEmpty());
      assertRefused(() -> apply(vic, ns, "ManagedResource", "vic-was-here", "{type: Server}"),
          "cannot patch resource \"managedresources\"");
    }
  }

  @Test
  void whenTheWebhookCannotBeReachedTrellisIamWritesAreRefusedAndNothingElse() throws Exception {
    String ns = delegating("outage");
    var webhooks = client.admissionRegistration().v1().validatingWebhookConfigurations();
    var registered = webhooks.withName("trellis-iam").get();
    String url = registered.getWebhooks().get(0).getClientConfig().getUrl();
    try {
      webhooks.withName("trellis-iam").edit(w -> {
        w.getWebhooks().get(0).getClientConfig().setUrl("https://127.0.0.1:1/admission/iam");
        return w;
      });
      await().atMost(TenancyFixture.WAIT).ignoreExceptions()
          .untilAsserted(() -> assertThatThrownBy(
              () -> bind(client, ns, "dave-during-outage", "super-viewer", "dave", "{kind: Organization}"))
              .hasMessageContaining("failed calling webhook"));
      assertThatThrownBy(() -> apply(client, ns, "Project", "during-outage", "{}"))
          .hasMessageContaining("failed calling webhook");
      // A ConfigMap in the same namespace, and Trellis objects that are not IAM writes, are unaffected.
      client.resource(new ConfigMapBuilder().withNewMetadata().withName("unaffected").withNamespace(ns).endMetadata()
          .addToData("k", "v").build()).create();
      apply(client, ns, "ManagedResource", "during-outage", "{type: Server}");
    } finally {
      webhooks.withName("trellis-iam").edit(w -> {
        w.getWebhooks().get(0).getClientConfig().setUrl(url);
        return w;
      });
    }
    await().atMost(TenancyFixture.WAIT).ignoreExceptions()
        .untilAsserted(() -> bind(client, ns, "dave-after-outage", "super-viewer", "dave", "{kind: Organization}"));
  }

  /**
   * Organization {@code name}: folders eu (project london) and us (project ny); bob organization admin, alice
   * folder-or-project admin of eu, carol observability administrator, dave and erin (erin organization admin).
   */
  private String delegating(String name) {
    String ns = given.organization(name);
    String domain = name + ".example";
    given.apply(ns, """
        apiVersion: iam.trellis.dev/v1alpha1
        kind: Folder
        metadata: {name: eu}
        spec: {}
        ---
        apiVersion: iam.trellis.dev/v1alpha1
        kind: Folder
        metadata: {name: us}
        spec: {}
        ---
        apiVersion: iam.trellis.dev/v1alpha1
        kind: Project
        metadata: {name: london}
        spec: {folder: eu}
        ---
        apiVersion: iam.trellis.dev/v1alpha1
        kind: Project
        metadata: {name: ny}
        spec: {folder: us}
        """);
    for (String member : new String[] {"bob", "alice", "carol", "dave", "erin"}) {
      given.apply(ns, """
          apiVersion: iam.trellis.dev/v1alpha1
          kind: Member
          metadata: {name: %s}
          spec: {type: User, email: %s@%s}
          """.formatted(member, member, domain));
    }
    // The platform team (cluster administrator) gives the first roles.
    bind(client, ns, "bob-admin", "organization-admin", "bob", "{kind: Organization}");
    bind(client, ns, "alice-eu", "folder-or-project-admin", "alice", "{kind: Folder, name: eu}");
    bind(client, ns, "carol-obs", "observability-administrator", "carol", "{kind: Organization}");
    bind(client, ns, "erin-admin", "organization-admin", "erin", "{kind: Organization}");
    given.awaitReady(RoleBinding.class, ns, "alice-eu", true, Reasons.READY);
    given.awaitReady(RoleBinding.class, ns, "carol-obs", true, Reasons.READY);
    given.awaitReady(RoleBinding.class, ns, "erin-admin", true, Reasons.READY);
    return ns;
  }

  /**
   * A client acting as {@code user}, who may write Trellis objects in {@code ns} (Kubernetes RBAC, as a platform
   * team hands it out); returns once RBAC lets them.
   */
  private KubernetesClient editor(String ns, String user) throws Exception {
    String id = Integer.toHexString(user.hashCode());
    given.apply(ns, """
        apiVersion: rbac.authorization.k8s.io/v1
        kind: Role
        metadata: {name: trellis-editor}
        rules:
          - apiGroups: [iam.trellis.dev]
            resources: ["*"]
            verbs: [get, list, watch, create, update, patch, delete]
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleBinding
        metadata: {name: editor-%s}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: trellis-editor}
        subjects: [{apiGroup: rbac.authorization.k8s.io, kind: User, name: "%s"}]
        """.formatted(id, user));
    KubernetesClient as = ControlPlane.get().clientAs(user);
    await().atMost(TenancyFixture.WAIT).ignoreExceptions()
        .until(() -> as.resources(Member.class).inNamespace(ns).list() != null);
    return as;
  }

  private static void bind(KubernetesClient as, String ns, String name, String role, String member, String scope) {
    String yaml = """
        apiVersion: iam.trellis.dev/v1alpha1
        kind: RoleBinding
        metadata: {name: %s}
        spec:
          role: %s
          subject: {kind: Member, name: %s}
          scope: %s
        """.formatted(name, role, member, scope);
    as.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8))).inNamespace(ns).forceConflicts()
        .serverSideApply();
  }

  private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable write, String message) {
    assertThatThrownBy(write).isInstanceOf(KubernetesClientException.class).hasMessageContaining(message);
  }
}
