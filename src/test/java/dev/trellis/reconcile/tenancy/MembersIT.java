package dev.trellis.reconcile.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trellis.api.v1alpha1.ApiConstants;
import dev.trellis.api.v1alpha1.Condition;
import dev.trellis.api.v1alpha1.InvitationAcceptance;
import dev.trellis.api.v1alpha1.Member;
import dev.trellis.api.v1alpha1.MemberPhase;
import dev.trellis.api.v1alpha1.Organization;
import dev.trellis.api.v1alpha1.RoleBinding;
import dev.trellis.model.Reasons;
import dev.trellis.testsupport.DumpOnFailure;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Seed 003 on the real API server: invitations accepted by the invitee's own Kubernetes identity (impersonated
 * users; the admission policy of config/admission/ decides), expiry with the clock, single sign-on default roles,
 * domain restriction and account owners.
 */
@QuarkusTest
@ExtendWith(DumpOnFailure.class)
class MembersIT {

  /** An administrator's client: the operator under test has its own, with the chart's rights only. */
  KubernetesClient client = dev.trellis.testsupport.ControlPlane.get().admin();

  TenancyFixture given;

  @BeforeEach
  void fixture() {
    given = new TenancyFixture(client);
  }

  /** One connector and one resource, and the invitee role for every authenticated user of the namespace. */
  private String organization(String name) {
    String ns = given.organization(name);
    given.apply(ns, """
        apiVersion: iam.trellis.dev/v1alpha1
        kind: Connector
        metadata: {name: conn}
        spec: {}
        ---
        apiVersion: iam.trellis.dev/v1alpha1
        kind: ManagedResource
        metadata: {name: ontap}
        spec: {type: ONTAPCluster, connector: conn}
        """);
    client.resource(new RoleBindingBuilder().withNewMetadata().withName("invitees").withNamespace(ns).endMetadata()
        .withNewRoleRef("rbac.authorization.k8s.io", "ClusterRole", "trellis-invitee")
        .addNewSubject().withKind("Group").withApiGroup("rbac.authorization.k8s.io").withName("system:authenticated")
        .endSubject().build()).serverSideApply();
    return ns;
  }

  private static String acceptance(String name, String member, String email) {
    return """
        apiVersion: iam.trellis.dev/v1alpha1
        kind: InvitationAcceptance
        metadata: {name: %s}
        spec: {member: %s, email: "%s"}
        """.formatted(name, member, email);
  }

  @Test
  void onlyTheInviteeCanAcceptAnInvitation() throws Exception {
    String ns = organization("inviting");
    given.apply(ns, """
        apiVersion: iam.trellis.dev/v1alpha1
        kind: Member
        metadata: {name: alice}
        spec: {type: User, email: alice@inviting.com, invitation: {}}
        ---
        apiVersion: iam.trellis.dev/v1alpha1
        kind: RoleBinding
        metadata: {name: alice-viewer}
        spec:
          role: super-viewer
          subject: {kind: Member, name: alice}
          scope: {kind: Organization}
        """);
    given.awaitReady(Member.class, ns, "alice", false, Reasons.INVITATION_PENDING);
    given.awaitReady(RoleBinding.class, ns, "alice-viewer", false, Reasons.SUBJECT_INVALID);
    Member invited = client.resources(Member.class).inNamespace(ns).withName("alice").get();
    assertThat(invited.getStatus().getPhase()).isEqualTo(MemberPhase.Invited);
    assertThat(invited.getSpec().getInvitation().getTtl()).isEqualTo("14d");
    assertThat(invited.getStatus().getInvitation().getExpiresAt()).isNotNull();
    assertThat(TenancyFixture.subjectsOn(given.document(ns, "conn"), "ontap")).isEmpty();

    // Someone else cannot accept in alice's name, not even the cluster admin who created the invitation.
    try (KubernetesClient mallory = as("mallory@inviting.com")) {
      assertThatThrownBy(() -> create(mallory, ns, acceptance("by-mallory", "alice", "alice@inviting.com")))
          .isInstanceOf(KubernetesClientException.class)
          .hasMessageContaining("only the invitee can accept an invitation");
      // With its own address it is admitted, and accepts nothing.
      create(mallory, ns, acceptance("mallory", "alice", "mallory@inviting.com"));
    }
    assertThatThrownBy(() -> create(client, ns, acceptance("by-admin", "alice", "alice@inviting.com")))
        .isInstanceOf(KubernetesClientException.class)
        .hasMessageContaining("only the invitee can accept an invitation");
    given.awaitReady(InvitationAcceptance.class, ns, "mallory", false, Reasons.NOT_INVITEE);
    assertThat(client.resources(Member.class).inNamespace(ns).withName("alice").get().getStatus().getPhase())
        .isEqualTo(MemberPhase.Invited);
    // An administrator cannot turn the invitation into a declared membership either.
    assertThatThrownBy(() -> given.mergePatch(Member.class, ns, "alice", "{\"spec\":{\"invitation\":null}}"))
        .isInstanceOf(KubernetesClientException.class).hasMessageContaining("only the invitee accepts");

    try (KubernetesClient alice = as("alice@inviting.com")) {
      create(alice, ns, acceptance("alice", "alice", "alice@inviting.com"));
    }
    given.awaitReady(InvitationAcceptance.class, ns, "alice", true, Reasons.INVITATION_ACCEPTED);
    given.awaitReady(Member.class, ns, "alice", true, Reasons.READY);
    given.awaitReady(RoleBinding.class, ns, "alice-viewer", true, Reasons.READY);
    Member accepted = client.resources(Member.class).inNamespace(ns).withName("alice").get();
    assertThat(accepted.getStatus().getPhase()).isEqualTo(MemberPhase.Active);
    assertThat(accepted.getStatus().getInvitation().getAcceptance()).isEqualTo("alice");
    await().atMost(TenancyFixture.WAIT)
        .untilAsserted(() -> assertThat(TenancyFixture.subjectsOn(given.document(ns, "conn"), "ontap"))
            .containsExactly("alice@inviting.com"));
    // The acceptance is immutable.
    assertThatThrownBy(() -> given.mergePatch(InvitationAcceptance.class, ns, "alice",
        "{\"spec\":{\"member\":\"bob\"}}"))
        .isInstanceOf(KubernetesClientException.class).hasMessageContaining("cannot be changed");
  }

  @Test
  void withoutTheAdmissionPolicyNoAcceptanceCountsNotEvenOnceItIsBack() throws Exception {
    String ns = organization("unguarded");
    given.apply(ns, """
        apiVersion: iam.trellis.dev/v1alpha1
        kind: Member
        metadata: {name: eve}
        spec: {type: User, email: eve@unguarded.com, invitation: {}}
        """);
    given.awaitReady(Member.class, ns, "eve", false, Reasons.INVITATION_PENDING);
    var bindings = client.admissionRegistration().v1().validatingAdmissionPolicyBindings();
    bindings.withName("trellis-invitation-acceptance").delete();
    await().atMost(TenancyFixture.WAIT).until(() -> bindings.withName("trellis-invitation-acceptance").get() == null);
    Instant forgedAt;
    try {
      // Unguarded (once the API server's admission has seen the binding go), an administrator can create an
      // acceptance in eve's name; Trellis does not count it.
      await().atMost(TenancyFixture.WAIT).ignoreExceptions()
          .untilAsserted(() -> create(client, ns, acceptance("forged", "eve", "eve@unguarded.com")));
      assertThat(given.awaitReady(InvitationAcceptance.class, ns, "forged", false, Reasons.ADMISSION_POLICY_MISSING)
          .getMessage()).contains("trellis-invitation-acceptance", "no acceptance counts");
      assertThat(client.resources(Member.class).inNamespace(ns).withName("eve").get().getStatus().getPhase())
          .isEqualTo(MemberPhase.Invited);
      forgedAt = Instant.parse(client.resources(InvitationAcceptance.class).inNamespace(ns).withName("forged").get()
          .getMetadata().getCreationTimestamp());
    } finally {
      try (var in = Files.newInputStream(Path.of("config", "admission", "invitation-acceptance-policy.yaml"))) {
        client.load(in).forceConflicts().serverSideApply();
      }
    }
    // Back in force, the forged acceptance still does not count: it predates the policy.
    assertThat(given.awaitReady(InvitationAcceptance.class, ns, "forged", false, Reasons.ADMISSION_POLICY_MISSING)
        .getMessage()).contains("not created after the admission policy");
    assertThat(client.resources(Member.class).inNamespace(ns).withName("eve").get().getStatus().getPhase())
        .isEqualTo(MemberPhase.Invited);
    // Eve accepts herself (creation times have whole seconds: hers must come after the policy's).
    Instant policyAt = Instant.parse(bindings.withName("trellis-invitation-acceptance").get().getMetadata()
        .getCreationTimestamp());
    assertThat(policyAt).isAfterOrEqualTo(forgedAt);
    await().atMost(TenancyFixture.WAIT).until(() -> Instant.now().isAfter(policyAt.plusSeconds(1)));
    try (KubernetesClient eve = as("eve@unguarded.com")) {
      create(eve, ns, acceptance("eve", "eve", "eve@unguarded.com"));
    }
    given.awaitReady(InvitationAcceptance.class, ns, "eve", true, Reasons.INVITATION_ACCEPTED);
    given.awaitReady(Member.class, ns, "eve", true, Reasons.READY);
  }

  @Test
  void anInvitationNotAcceptedInTimeExpires() throws Exception {
    String ns = organization("expiring-invites");
    given.apply(ns, """
        apiVersion: iam.trellis.dev/v1alpha1
        kind: Member
        metadata: {name: bob}
        spec: {type: User, email: bob@expiring.com, invitation: {ttl: 8s}}
        """);
    given.awaitReady(Member.class, ns, "bob", false, Reasons.INVITATION_PENDING);
    // Nothing else changes: the operator's own reschedule turns the member Expired when the ttl runs out.
    given.awaitReady(Member.class, ns, "bob", false, Reasons.INVITATION_EXPIRED);
    assertThat(client.resources(Member.class).inNamespace(ns).withName("bob").get().getStatus().getPhase())
        .isEqualTo(MemberPhase.Expired);
    try (KubernetesClient bob = as("bob@expiring.com")) {
      create(bob, ns, acceptance("bob", "bob", "bob@expiring.com"));
    }
    given.awaitReady(InvitationAcceptance.class, ns, "bob", false, Reasons.INVITATION_EXPIRED);
    assertThat(client.resources(Member.class).inNamespace(ns).withName("bob").get().getStatus().getPhase())
        .isEqualTo(MemberPhase.Expired);
  }

  @Test
  void singleSignOnDefaultRoleYieldsToAnExplicitRoleAndTheExplicitRoleOutlivesIt() {
    String ns = organization("ssocorp");
    given.mergePatch(Organization.class, null, "ssocorp", """
        {"spec": {"sso": {"enabled": true, "domains": ["ssocorp.com"],
                          "defaultRoles": ["observability-guest", "reporting-guest"]}}}""");
    await().atMost(TenancyFixture.WAIT).untilAsserted(() -> {
      JsonNode doc = TenancyFixture.parse(given.grants(ns, "conn"));
      assertThat(rolesOf(doc, "*@ssocorp.com")).containsExactly("observability-guest", "reporting-guest");
      assertThat(entry(doc, "*@ssocorp.com").get("subjectKind").asText()).isEqualTo("Domain");
    });
    awaitCondition("ssocorp", ApiConstants.SINGLE_SIGN_ON, true, Reasons.SSO_ENABLED);

    given.apply(ns, """
        apiVersion: iam.trellis.dev/v1alpha1
        kind: Member
        metadata: {name: carol}
        spec: {type: User, email: carol@ssocorp.com}
        ---
        apiVersion: iam.trellis.dev/v1alpha1
        kind: RoleBinding
        metadata: {name: carol-admin}
        spec:
          role: observability-administrator
          subject: {kind: Member, name: carol}
          scope: {kind: Organization}
        """);
    await().atMost(TenancyFixture.WAIT).untilAsserted(() -> assertThat(
        rolesOf(TenancyFixture.parse(given.grants(ns, "conn")), "carol@ssocorp.com"))
        .containsExactly("observability-administrator", "reporting-guest"));

    given.mergePatch(Organization.class, null, "ssocorp", "{\"spec\": {\"sso\": {\"enabled\": false}}}");
    await().atMost(TenancyFixture.WAIT).untilAsserted(() -> {
      JsonNode doc = TenancyFixture.parse(given.grants(ns, "conn"));
      assertThat(TenancyFixture.subjectsOn(doc, "ontap")).containsExactly("carol@ssocorp.com");
      assertThat(rolesOf(doc, "carol@ssocorp.com")).containsExactly("observability-administrator");
    });
    awaitCondition("ssocorp", ApiConstants.SINGLE_SIGN_ON, true, Reasons.SSO_DISABLED);
  }

  @Test
  void aDomainRestrictionRemovesTheEntriesOfMembersOutsideItAndOwnersAreCounted() {
    String ns = organization("restricted");
    given.apply(ns, """
        apiVersion: iam.trellis.dev/v1alpha1
        kind: Member
        metadata: {name: olga}
        spec: {type: User, email: olga@restricted.com}
        ---
        apiVersion: iam.trellis.dev/v1alpha1
        kind: Member
        metadata: {name: gus}
        spec: {type: User, email: gus@gmail.com}
        ---
        apiVersion: iam.trellis.dev/v1alpha1
        kind: RoleBinding
        metadata: {name: olga-owner}
        spec:
          role: observability-account-owner
          subject: {kind: Member, name: olga}
          scope: {kind: Organization}
        ---
        apiVersion: iam.trellis.dev/v1alpha1
        kind: RoleBinding
        metadata: {name: gus-viewer}
        spec:
          role: super-viewer
          subject: {kind: Member, name: gus}
          scope: {kind: Organization}
        """);
    await().atMost(TenancyFixture.WAIT).untilAsserted(() -> assertThat(
        TenancyFixture.subjectsOn(TenancyFixture.parse(given.grants(ns, "conn")), "ontap"))
        .containsExactly("gus@gmail.com", "olga@restricted.com"));
    awaitCondition("restricted", ApiConstants.ACCOUNT_OWNERS, false, Reasons.OWNERS_BELOW_RECOMMENDED);
    String untouched = given.grants(ns, "conn").getMetadata().getResourceVersion();

    given.mergePatch(Organization.class, null, "restricted",
        "{\"spec\": {\"domainRestriction\": {\"mode\": \"DefaultDomains\"}}}");
    given.awaitReady(Member.class, ns, "gus", false, Reasons.DOMAIN_NOT_ALLOWED);
    await().atMost(TenancyFixture.WAIT).untilAsserted(() -> assertThat(
        TenancyFixture.subjectsOn(TenancyFixture.parse(given.grants(ns, "conn")), "ontap"))
        .containsExactly("olga@restricted.com"));
    assertThat(given.grants(ns, "conn").getMetadata().getResourceVersion()).isNotEqualTo(untouched);
    await().atMost(TenancyFixture.WAIT).untilAsserted(() -> {
      Organization org = client.resources(Organization.class).withName("restricted").get();
      assertThat(org.getStatus().getAllowedDomains()).containsExactly("restricted.com");
      assertThat(org.getStatus().getAccountOwners()).containsExactly("olga@restricted.com");
    });

    // A second owner from the listed domain: gus is back, and the organization has the recommended two.
    given.mergePatch(Organization.class, null, "restricted",
        "{\"spec\": {\"domainRestriction\": {\"mode\": \"DefaultDomainsAndListed\", \"domains\": [\"gmail.com\"]}}}");
    given.apply(ns, """
        apiVersion: iam.trellis.dev/v1alpha1
        kind: RoleBinding
        metadata: {name: gus-owner}
        spec:
          role: reporting-account-owner
          subject: {kind: Member, name: gus}
          scope: {kind: Organization}
        """);
    given.awaitReady(Member.class, ns, "gus", true, Reasons.READY);
    awaitCondition("restricted", ApiConstants.ACCOUNT_OWNERS, true, Reasons.OWNERS_RECOMMENDED);
  }

  @Test
  void duplicateAddressesAndConflictingFeatureRolesGrantNothingAndDeletingAMemberLeavesTheRest() {
    String ns = organization("people-mistakes");
    given.apply(ns, """
        apiVersion: iam.trellis.dev/v1alpha1
        kind: Member
        metadata: {name: pat}
        spec: {type: User, email: pat@mistakes.com}
        ---
        apiVersion: iam.trellis.dev/v1alpha1
        kind: RoleBinding
        metadata: {name: pat-user}
        spec:
          role: observability-user
          subject: {kind: Member, name: pat}
          scope: {kind: Organization}
        """);
    given.awaitReady(RoleBinding.class, ns, "pat-user", true, Reasons.READY);
    given.apply(ns, """
        apiVersion: iam.trellis.dev/v1alpha1
        kind: Member
        metadata: {name: pat-again}
        spec: {type: User, email: Pat@Mistakes.com}
        ---
        apiVersion: iam.trellis.dev/v1alpha1
        kind: RoleBinding
        metadata: {name: pat-again-admin}
        spec:
          role: organization-admin
          subject: {kind: Member, name: pat-again}
          scope: {kind: Organization}
        ---
        apiVersion: iam.trellis.dev/v1alpha1
        kind: RoleBinding
        metadata: {name: pat-admin}
        spec:
          role: observability-administrator
          subject: {kind: Member, name: pat}
          scope: {kind: Organization}
        """);
    given.awaitReady(Member.class, ns, "pat-again", false, Reasons.DUPLICATE_EMAIL);
    given.awaitReady(RoleBinding.class, ns, "pat-again-admin", false, Reasons.SUBJECT_INVALID);
    given.awaitReady(RoleBinding.class, ns, "pat-admin", false, Reasons.CONFLICTING_FEATURE_ROLES);
    // The mistakes of later objects take nothing from what already worked.
    given.awaitReady(RoleBinding.class, ns, "pat-user", true, Reasons.READY);
    await().atMost(TenancyFixture.WAIT).untilAsserted(() -> assertThat(
        rolesOf(TenancyFixture.parse(given.grants(ns, "conn")), "pat@mistakes.com"))
        .containsExactly("observability-user"));

    // Deleting a member removes its access, and nothing else: its bindings stay and say why they grant nothing.
    client.resources(Member.class).inNamespace(ns).withName("pat").delete();
    given.awaitReady(RoleBinding.class, ns, "pat-user", false, Reasons.SUBJECT_NOT_FOUND);
    given.awaitReady(RoleBinding.class, ns, "pat-admin", false, Reasons.SUBJECT_NOT_FOUND);
    // pat-again is now the only member with the address, and its own binding counts.
    given.awaitReady(Member.class, ns, "pat-again", true, Reasons.READY);
    await().atMost(TenancyFixture.WAIT).untilAsserted(() -> assertThat(
        TenancyFixture.subjectsOn(TenancyFixture.parse(given.grants(ns, "conn")), "ontap"))
        .containsExactly("Pat@Mistakes.com"));
    assertThat(client.resources(RoleBinding.class).inNamespace(ns).list().getItems()).hasSize(3);
  }

  @Test
  void theSchemaRefusesMalformedPeopleSettings() {
    String ns = organization("malformed");
    assertThatThrownBy(() -> given.apply(ns, """
        apiVersion: iam.trellis.dev/v1alpha1
        kind: Member
        metadata: {name: robot}
        spec: {type: ServiceAccount, invitation: {}}
        """)).isInstanceOf(KubernetesClientException.class).hasMessageContaining("spec.invitation is for User");
    assertThatThrownBy(() -> given.apply(ns, """
        apiVersion: iam.trellis.dev/v1alpha1
        kind: Member
        metadata: {name: zed}
        spec: {type: User, email: zed@malformed.com, invitation: {ttl: forever}}
        """)).isInstanceOf(KubernetesClientException.class).hasMessageContaining("ttl");
    assertThatThrownBy(() -> given.mergePatch(Organization.class, null, "malformed",
        "{\"spec\": {\"sso\": {\"enabled\": true}}}"))
        .isInstanceOf(KubernetesClientException.class).hasMessageContaining("needs spec.sso.domains");
    assertThatThrownBy(() -> given.mergePatch(Organization.class, null, "malformed",
        "{\"spec\": {\"domainRestriction\": {\"mode\": \"None\", \"domains\": [\"gmail.com\"]}}}"))
        .isInstanceOf(KubernetesClientException.class).hasMessageContaining("only for mode DefaultDomainsAndListed");
  }

  private Condition awaitCondition(String organization, String type, boolean status, String reason) {
    Condition[] found = new Condition[1];
    await().atMost(TenancyFixture.WAIT).untilAsserted(() -> {
      Organization org = client.resources(Organization.class).withName(organization).get();
      Condition c = org.getStatus() == null ? null : org.getStatus().condition(type).orElse(null);
      assertThat(c).as("%s of %s", type, organization).isNotNull();
      assertThat(c.isTrue()).as("%s of %s: %s", type, organization, c).isEqualTo(status);
      assertThat(c.getReason()).as("%s of %s: %s", type, organization, c).isEqualTo(reason);
      found[0] = c;
    });
    return found[0];
  }

  private static JsonNode entry(JsonNode doc, String subject) {
    for (JsonNode e : doc.get("entries")) {
      if (subject.equals(e.get("subject").asText())) {
        return e;
      }
    }
    throw new AssertionError("no entry for " + subject + " in " + doc);
  }

  private static Set<String> rolesOf(JsonNode doc, String subject) {
    Set<String> roles = new TreeSet<>();
    entry(doc, subject).get("grants").forEach(g -> roles.add(g.get("role").asText()));
    return roles;
  }

  private static void create(KubernetesClient as, String namespace, String yaml) {
    as.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8))).inNamespace(namespace).create();
  }

  private static KubernetesClient as(String user) throws Exception {
    return dev.trellis.testsupport.ControlPlane.get().clientAs(user);
  }
}
