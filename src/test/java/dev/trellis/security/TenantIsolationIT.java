package dev.trellis.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.trellis.api.v1alpha1.ApiConstants;
import dev.trellis.api.v1alpha1.Connector;
import dev.trellis.api.v1alpha1.InvitationAcceptance;
import dev.trellis.api.v1alpha1.ManagedResource;
import dev.trellis.api.v1alpha1.Member;
import dev.trellis.api.v1alpha1.MemberPhase;
import dev.trellis.api.v1alpha1.Organization;
import dev.trellis.api.v1alpha1.OrganizationPartnership;
import dev.trellis.api.v1alpha1.Partnership;
import dev.trellis.api.v1alpha1.PartnershipPhase;
import dev.trellis.model.Reasons;
import dev.trellis.reconcile.support.Sharding;
import dev.trellis.reconcile.tenancy.TenancyFixture;
import dev.trellis.testsupport.ControlPlane;
import dev.trellis.testsupport.DumpOnFailure;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The tenant-isolation findings, each played by the attacker through impersonation with only the RBAC a platform
 * team would hand out, against the real API server and the operator running as its own ServiceAccount. Each test
 * asserts the refusal (or the report) and that nothing changed.
 */
@QuarkusTest
@ExtendWith(DumpOnFailure.class)
class TenantIsolationIT {

  /** The platform team: cluster administrator. */
  KubernetesClient client = ControlPlane.get().admin();
  TenancyFixture given;

  @BeforeEach
  void fixture() {
    given = new TenancyFixture(client);
  }

  // Finding 1: an Organization took over any namespace, and its deletion deleted it.

  @Test
  void anOrganizationNeverTakesOverANamespaceItDidNotCreate() throws IOException {
    client.resource(new NamespaceBuilder().withNewMetadata().withName("payments").endMetadata().build()).create();
    client.resource(new ConfigMapBuilder().withNewMetadata().withName("ledger").withNamespace("payments")
        .endMetadata().addToData("k", "v").build()).create();
    grantClusterRole("org-creator", "olivia@platform.example", """
        - apiGroups: [iam.trellis.dev]
          resources: [organizations]
          verbs: [get, list, create, update, patch, delete]
        """);

    try (KubernetesClient olivia = ControlPlane.get().clientAs("olivia@platform.example")) {
      assertThatThrownBy(() -> olivia.namespaces().withName("payments").delete())
          .isInstanceOf(KubernetesClientException.class).hasMessageContaining("forbidden");
      apply(olivia, """
          apiVersion: iam.trellis.dev/v1alpha1
          kind: Organization
          metadata: {name: takeover}
          spec: {namespace: payments}
          """);
      given.awaitReady(Organization.class, null, "takeover", false, Reasons.NAMESPACE_NOT_OWNED);
      Organization takeover = client.resources(Organization.class).withName("takeover").get();
      assertThat(takeover.getStatus().getOrgId()).as("an organization that owns no namespace has no orgId").isNull();
      assertThat(client.namespaces().withName("payments").get().getMetadata().getLabels())
          .doesNotContainKey(ApiConstants.ORGANIZATION_LABEL);

      // Deleting it, on purpose, deletes nothing of the namespace's.
      given.mergePatch(Organization.class, null, "takeover", "{\"spec\":{\"deletionProtection\":false}}");
      olivia.resources(Organization.class).withName("takeover").delete();
      await().atMost(TenancyFixture.WAIT).until(() -> client.resources(Organization.class).withName("takeover")
          .get() == null);
    }
    assertThat(client.namespaces().withName("payments").get().getMetadata().getDeletionTimestamp()).isNull();
    assertThat(client.configMaps().inNamespace("payments").withName("ledger").get()).isNotNull();
  }

  @Test
  void aNamespacePreparedForAFutureOrganizationIsAdoptedOnlyWhenAnAdministratorHandsItOver() {
    // Someone who may create namespaces prepares org-future with a RoleBinding of their own.
    client.resource(new NamespaceBuilder().withNewMetadata().withName("org-future").endMetadata().build()).create();
    given.apply("org-future", """
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleBinding
        metadata: {name: planted}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: admin}
        subjects: [{apiGroup: rbac.authorization.k8s.io, kind: User, name: planter@evil.example}]
        """);
    given.apply("""
        apiVersion: iam.trellis.dev/v1alpha1
        kind: Organization
        metadata: {name: future}
        spec: {displayName: Future}
        """);
    var condition = given.awaitReady(Organization.class, null, "future", false, Reasons.NAMESPACE_NOT_OWNED);
    assertThat(condition.getMessage()).contains("org-future").contains(ApiConstants.ADOPT_ANNOTATION + "=future");
    assertThat(client.namespaces().withName("org-future").get().getMetadata().getLabels())
        .doesNotContainKey(ApiConstants.ORGANIZATION_LABEL);

    // The cluster administrator, having checked the namespace, hands it over.
    client.namespaces().withName("org-future").edit(ns -> new NamespaceBuilder(ns).editMetadata()
        .addToAnnotations(ApiConstants.ADOPT_ANNOTATION, "future").endMetadata().build());
    given.awaitReady(Organization.class, null, "future", true, Reasons.READY);
    Organization future = client.resources(Organization.class).withName("future").get();
    var namespace = client.namespaces().withName("org-future").get();
    assertThat(namespace.getMetadata().getLabels()).containsEntry(ApiConstants.ORGANIZATION_LABEL, "future");
    assertThat(namespace.getMetadata().getAnnotations())
        .containsEntry(ApiConstants.OWNER_UID_ANNOTATION, future.getMetadata().getUid())
        .doesNotContainKey(ApiConstants.CREATED_FOR_ANNOTATION);
    assertThat(future.getStatus().getOrgId()).isEqualTo(future.getMetadata().getUid());

    // Adopted, not created: deleting the organization hands the namespace back instead of deleting it.
    given.mergePatch(Organization.class, null, "future", "{\"spec\":{\"deletionProtection\":false}}");
    client.resources(Organization.class).withName("future").delete();
    await().atMost(TenancyFixture.WAIT)
        .until(() -> client.resources(Organization.class).withName("future").get() == null);
    var released = client.namespaces().withName("org-future").get();
    assertThat(released.getMetadata().getDeletionTimestamp()).isNull();
    assertThat(released.getMetadata().getLabels()).doesNotContainKey(ApiConstants.ORGANIZATION_LABEL);
    assertThat(released.getMetadata().getAnnotations()).doesNotContainKey(ApiConstants.OWNER_UID_ANNOTATION);
  }

  @Test
  void anOrganizationIsProtectedFromDeletionUntilProtectionIsTurnedOff() {
    String ns = given.organization("precious");
    Organization precious = client.resources(Organization.class).withName("precious").get();
    assertThat(precious.getSpec().getDeletionProtection()).as("on by default").isTrue();
    assertThat(client.namespaces().withName(ns).get().getMetadata().getAnnotations())
        .containsEntry(ApiConstants.CREATED_FOR_ANNOTATION, precious.getMetadata().getUid());

    assertThatThrownBy(() -> client.resources(Organization.class).withName("precious").delete())
        .isInstanceOf(KubernetesClientException.class)
        .hasMessageContaining("is protected from deletion (spec.deletionProtection)");
    assertThat(client.resources(Organization.class).withName("precious").get().getMetadata().getDeletionTimestamp())
        .isNull();

    // Deleting it on purpose empties the namespace, role bindings included (the admission webhook lets the
    // namespace controller delete what is in a namespace being deleted).
    given.oneAnalyst(ns, "ann", "ann@precious.example", null);
    given.awaitReady(dev.trellis.api.v1alpha1.RoleBinding.class, ns, "ann-analyst", true, Reasons.READY);
    given.mergePatch(Organization.class, null, "precious", "{\"spec\":{\"deletionProtection\":false}}");
    client.resources(Organization.class).withName("precious").delete();
    await().atMost(TenancyFixture.WAIT).until(() -> client.namespaces().withName(ns).get() == null
        && client.resources(Organization.class).withName("precious").get() == null);
  }

  @Test
  void anOrganizationWhoseNameCannotNameANamespaceOrThatClaimsAnothersIsRefused() {
    assertRefused("""
        apiVersion: iam.trellis.dev/v1alpha1
        kind: Organization
        metadata: {name: acme.com}
        spec: {}
        """, "metadata.name must give a valid namespace name");
    assertRefused("""
        apiVersion: iam.trellis.dev/v1alpha1
        kind: Organization
        metadata: {name: %s}
        spec: {}
        """.formatted("a".repeat(60)), "metadata.name must give a valid namespace name");
    assertRefused("""
        apiVersion: iam.trellis.dev/v1alpha1
        kind: Organization
        metadata: {name: squatter}
        spec: {namespace: org-acme-msp}
        """, "spec.namespace org-<name> is reserved for the organization of that name");
    // With a namespace of its own choosing, a dotted name is fine.
    given.apply("""
        apiVersion: iam.trellis.dev/v1alpha1
        kind: Organization
        metadata: {name: dotted.example}
        spec: {namespace: dotted-example}
        """);
    given.awaitReady(Organization.class, null, "dotted.example", true, Reasons.READY);
  }

  // Finding 2: squatting a partner's namespace faked that partner's acceptance.

  @Test
  void anOrganizationThatDoesNotOwnItsNamespaceIsNobodysPartner() throws IOException {
    String customerNs = given.organization("trusting");
    String customerId = orgId("trusting");
    // taker owns shared-home first; mspvictim, asking for the same namespace, owns nothing.
    given.apply("""
        apiVersion: iam.trellis.dev/v1alpha1
        kind: Organization
        metadata: {name: taker}
        spec: {namespace: shared-home}
        """);
    given.awaitReady(Organization.class, null, "taker", true, Reasons.READY);
    given.apply("""
        apiVersion: iam.trellis.dev/v1alpha1
        kind: Organization
        metadata: {name: mspvictim}
        spec: {namespace: shared-home}
        """);
    given.awaitReady(Organization.class, null, "mspvictim", false, Reasons.NAMESPACE_CONFLICT);
    Organization victim = client.resources(Organization.class).withName("mspvictim").get();
    assertThat(victim.getStatus().getOrgId()).as("no orgId without a namespace of its own").isNull();

    // The customer was told mspvictim's id (its UID) out of band; taker's admin accepts in shared-home.
    given.apply(customerNs, """
        apiVersion: iam.trellis.dev/v1alpha1
        kind: Partnership
        metadata: {name: msp}
        spec: {partnerOrgId: %s}
        """.formatted(victim.getMetadata().getUid()));
    given.apply("shared-home", """
        apiVersion: iam.trellis.dev/v1alpha1
        kind: Member
        metadata: {name: ghost}
        spec: {type: User, email: ghost@evil.example}
        ---
        apiVersion: iam.trellis.dev/v1alpha1
        kind: PartnershipAcceptance
        metadata: {name: trusting}
        spec: {customerOrgId: %s, partnership: msp, members: [ghost]}
        """.formatted(customerId));
    given.awaitReady(Partnership.class, customerNs, "msp", false, Reasons.PARTNER_NOT_FOUND);
    assertThat(client.resources(Partnership.class).inNamespace(customerNs).withName("msp").get().getStatus()
        .getPhase()).isEqualTo(PartnershipPhase.Initiated);
  }

  // Finding 3: a child organization left its service provider on its own.

  @Test
  void onlyTheParentsAdministratorsPlaceAnOrganizationInOrTakeItOutOfTheirTree() throws IOException {
    given.organization("provider");
    given.apply("""
        apiVersion: iam.trellis.dev/v1alpha1
        kind: Organization
        metadata: {name: client-one}
        spec: {parent: provider}
        """);
    given.awaitReady(Organization.class, null, "client-one", true, Reasons.READY);
    grantClusterRole("client-one-admin", "chloe@client-one.example", """
        - apiGroups: [iam.trellis.dev]
          resources: [organizations]
          resourceNames: [client-one]
          verbs: [get, update, patch]
        - apiGroups: [iam.trellis.dev]
          resources: [organizations]
          verbs: [create]
        """);
    try (KubernetesClient chloe = ControlPlane.get().clientAs("chloe@client-one.example")) {
      assertThatThrownBy(() -> chloe.resources(Organization.class).withName("client-one")
          .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"spec\":{\"parent\":null}}"))
          .isInstanceOf(KubernetesClientException.class)
          .hasMessageContaining("needs the right to update organization provider");
      // Nor can she put an organization of hers below the provider.
      assertThatThrownBy(() -> apply(chloe, """
          apiVersion: iam.trellis.dev/v1alpha1
          kind: Organization
          metadata: {name: client-two}
          spec: {parent: provider}
          """)).isInstanceOf(KubernetesClientException.class)
          .hasMessageContaining("needs the right to update organization provider");
      // Her own settings she may still change.
      chloe.resources(Organization.class).withName("client-one")
          .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"spec\":{\"displayName\":\"Client One\"}}");
    }
    assertThat(client.resources(Organization.class).withName("client-one").get().getSpec().getParent())
        .isEqualTo("provider");
    assertThat(client.resources(Organization.class).withName("client-two").get()).isNull();

    // The provider's administrator may.
    grantClusterRole("provider-admin", "pat@provider.example", """
        - apiGroups: [iam.trellis.dev]
          resources: [organizations]
          resourceNames: [provider, client-one]
          verbs: [get, update, patch]
        """);
    try (KubernetesClient pat = ControlPlane.get().clientAs("pat@provider.example")) {
      pat.resources(Organization.class).withName("client-one")
          .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"spec\":{\"parent\":null}}");
    }
    assertThat(client.resources(Organization.class).withName("client-one").get().getSpec().getParent()).isNull();
  }

  // Finding 4: anyone who could write ConfigMaps in an organization's namespace froze its grants.

  @Test
  void onlyTheOperatorWritesGrantsConfigMaps() throws IOException {
    String ns = given.organization("sealed");
    analyst(ns);
    ConfigMap before = awaitGrants(ns);
    String original = before.getData().get("grants.json");
    // Every right over ConfigMaps in the namespace, as a namespace administrator has.
    given.apply(ns, """
        apiVersion: rbac.authorization.k8s.io/v1
        kind: Role
        metadata: {name: configmap-admin}
        rules:
          - apiGroups: [""]
            resources: [configmaps]
            verbs: [get, list, watch, create, update, patch, delete, deletecollection]
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleBinding
        metadata: {name: nina-configmap-admin}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: configmap-admin}
        subjects: [{apiGroup: rbac.authorization.k8s.io, kind: User, name: "nina@sealed.example"}]
        """);

    try (KubernetesClient nina = ControlPlane.get().clientAs("nina@sealed.example")) {
      // Her own ConfigMaps are hers (and once she can write one, RBAC is in force for her).
      await().atMost(TenancyFixture.WAIT).ignoreExceptions().until(() -> nina.resource(new ConfigMapBuilder()
          .withNewMetadata().withName("notes").withNamespace(ns).endMetadata().addToData("k", "v").build())
          .serverSideApply() != null);
      assertForbidden(() -> nina.configMaps().inNamespace(ns).withName("c-grants").edit(cm -> {
        cm.getData().put("grants.json", original.replace("ann@sealed.example", "nina@sealed.example"));
        cm.setImmutable(true);
        return cm;
      }));
      assertForbidden(() -> nina.configMaps().inNamespace(ns).withName("c-grants").delete());
      assertForbidden(() -> nina.resource(new ConfigMapBuilder().withNewMetadata().withName("other-grants")
          .withNamespace(ns).endMetadata().addToData("grants.json", "{}").build()).create());
      // Names of shards not written yet: v1alpha1's <c>-grants-<n> and v1alpha2's parts <c>-grants-<b>-<p>.
      for (String shard : List.of("c-grants-1", "c-grants-3-2")) {
        assertForbidden(() -> nina.resource(new ConfigMapBuilder().withNewMetadata().withName(shard)
            .withNamespace(ns).endMetadata().addToData("grants.json", "{}").build()).create());
      }
      assertForbidden(() -> nina.resource(new ConfigMapBuilder().withNewMetadata().withName("look-alike")
          .withNamespace(ns).addToLabels(ApiConstants.MANAGED_BY_LABEL, ApiConstants.MANAGED_BY)
          .addToLabels(ApiConstants.GROUP + "/connector", "c").endMetadata().build()).create());
    }
    ConfigMap after = given.grants(ns, "c");
    assertThat(after.getData().get("grants.json")).isEqualTo(original);
    assertThat(after.getImmutable()).isNotEqualTo(Boolean.TRUE);
    assertThat(client.configMaps().inNamespace(ns).withName("other-grants").get()).isNull();
  }

  @Test
  void aFrozenDocumentIsReplacedAndRevocationStillLands() {
    String ns = given.organization("thawed");
    analyst(ns);
    String original = awaitGrants(ns).getData().get("grants.json");
    // Without the admission policy (here: the cluster administrator, whom it lets through), a forged, immutable
    // document is replaced by the true one.
    client.configMaps().inNamespace(ns).withName("c-grants").edit(cm -> {
      cm.getData().put("grants.json", original.replace("ann@thawed.example", "mallory@thawed.example"));
      cm.setImmutable(true);
      return cm;
    });
    await().atMost(TenancyFixture.WAIT).untilAsserted(() -> {
      ConfigMap cm = given.grants(ns, "c");
      assertThat(cm).isNotNull();
      assertThat(cm.getImmutable()).isNotEqualTo(Boolean.TRUE);
      assertThat(cm.getData().get("grants.json")).isEqualTo(original);
    });
    // Revocation lands.
    client.resources(dev.trellis.api.v1alpha1.RoleBinding.class).inNamespace(ns).withName("ann-analyst").delete();
    await().atMost(TenancyFixture.WAIT)
        .untilAsserted(() -> assertThat(TenancyFixture.subjectsOn(given.document(ns, "c"), "r")).isEmpty());
  }

  @Test
  void aDocumentThatCannotBeWrittenMakesItsConnectorNotReadyAndTheOthersGoOn() throws Exception {
    String ns = given.organization("blocked");
    analyst(ns);
    awaitGrants(ns);
    // A policy of the cluster's own refuses the ConfigMap of a second connector, c2.
    try (AutoCloseable policy = given.refuse("test-refuse-c2-grants", "CREATE, UPDATE", "configmaps",
        "request.namespace != 'org-blocked' || request.name != 'c2-grants'", "c2-grants refused by the test",
        () -> client.resource(new ConfigMapBuilder().withNewMetadata().withName("c2-grants").withNamespace(ns)
            .endMetadata().build()).create())) {
      given.apply(ns, """
          apiVersion: iam.trellis.dev/v1alpha1
          kind: Connector
          metadata: {name: c2}
          spec: {projects: [p]}
          ---
          apiVersion: iam.trellis.dev/v1alpha1
          kind: ManagedResource
          metadata: {name: r2}
          spec: {type: Server, connector: c2, projects: [p]}
          """);
      var condition = given.awaitReady(Connector.class, ns, "c2", false, Reasons.GRANTS_NOT_WRITTEN);
      assertThat(condition.getMessage()).contains("c2-grants").contains("refused by the test");
      // The other connector's document and the statuses still move.
      given.mergePatch(Member.class, ns, "ann", "{\"spec\":{\"disabled\":true}}");
      await().atMost(TenancyFixture.WAIT)
          .untilAsserted(() -> assertThat(TenancyFixture.subjectsOn(given.document(ns, "c"), "r")).isEmpty());
      given.awaitReady(Connector.class, ns, "c", true, Reasons.READY);
    }
    // Once it can be written, it is.
    given.awaitReady(Connector.class, ns, "c2", true, Reasons.READY);
    assertThat(given.grants(ns, "c2")).isNotNull();
  }

  @Test
  void everyDocumentIsSignedWithAKeyAnyAuthenticatedReaderCanFetch() throws Exception {
    String ns = given.organization("signed");
    analyst(ns);
    ConfigMap grants = awaitGrants(ns);
    String json = grants.getData().get("grants.json");
    String signature = grants.getData().get(dev.trellis.projection.Signatures.SIGNATURE_KEY);
    String keyId = TenancyFixture.parse(grants).get("keyId").asText();

    // A connector, or anybody authenticated, reads the published keys (and nothing else of trellis-system).
    ConfigMap published;
    try (KubernetesClient reader = ControlPlane.get().clientAs("connector@signed.example")) {
      published = await().atMost(TenancyFixture.WAIT).ignoreExceptions().until(() -> reader.configMaps()
          .inNamespace("trellis-system").withName("trellis-signing-keys").get(), cm -> cm != null);
      assertThatThrownBy(() -> reader.secrets().inNamespace("trellis-system").withName("trellis-signing-key").get())
          .isInstanceOf(KubernetesClientException.class).hasMessageContaining("forbidden");
    }
    var keys = new com.fasterxml.jackson.databind.ObjectMapper().readTree(published.getData().get("keys.json"))
        .get("keys");
    String publicKey = null;
    for (var key : keys) {
      if (keyId.equals(key.get("keyId").asText())) {
        publicKey = key.get("publicKey").asText();
      }
    }
    assertThat(publicKey).as("the document's key %s is published: %s", keyId, keys).isNotNull();
    var key = dev.trellis.projection.Signatures.publicKey(publicKey);
    assertThat(dev.trellis.projection.Signatures.verify(key, json, signature)).isTrue();
    assertThat(dev.trellis.projection.Signatures.verify(key,
        json.replace("ann@signed.example", "mallory@signed.example"), signature)).isFalse();
  }

  @Test
  void onlyTheOperatorWritesStatuses() throws IOException {
    String ns = given.organization("honest");
    String orgId = orgId("honest");
    grantClusterRole("status-writer", "sam@honest.example", """
        - apiGroups: [iam.trellis.dev]
          resources: ["*", "*/status"]
          verbs: [get, list, update, patch]
        """);
    try (KubernetesClient sam = ControlPlane.get().clientAs("sam@honest.example")) {
      assertThatThrownBy(() -> sam.resources(Organization.class).withName("honest").subresource("status")
          .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"status\":{\"orgId\":\"forged\"}}"))
          .isInstanceOf(KubernetesClientException.class)
          .hasMessageContaining("is written by the Trellis operator alone");
    }
    assertThat(orgId("honest")).isEqualTo(orgId);
    assertThat(ns).isEqualTo("org-honest");
  }

  // Finding 5: any authenticated user revoked someone else's accepted invitation for good.

  @Test
  void anAcceptedInvitationStaysAcceptedAndOnlyTheInviteeDeletesTheirAcceptance() throws IOException {
    String ns = given.organization("welcoming");
    client.resource(new io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder().withNewMetadata()
        .withName("invitees").withNamespace(ns).endMetadata()
        .withNewRoleRef("rbac.authorization.k8s.io", "ClusterRole", "trellis-invitee")
        .addNewSubject().withKind("Group").withApiGroup("rbac.authorization.k8s.io").withName("system:authenticated")
        .endSubject().build()).serverSideApply();
    given.apply(ns, """
        apiVersion: iam.trellis.dev/v1alpha1
        kind: Member
        metadata: {name: erin}
        spec: {type: User, email: erin@welcoming.example, invitation: {ttl: 20s}}
        """);
    given.awaitReady(Member.class, ns, "erin", false, Reasons.INVITATION_PENDING);
    try (KubernetesClient erin = ControlPlane.get().clientAs("erin@welcoming.example")) {
      apply(erin, ns, """
          apiVersion: iam.trellis.dev/v1alpha1
          kind: InvitationAcceptance
          metadata: {name: erin}
          spec: {member: erin, email: erin@welcoming.example}
          """);
    }
    given.awaitReady(Member.class, ns, "erin", true, Reasons.READY);
    Member accepted = client.resources(Member.class).inNamespace(ns).withName("erin").get();
    Instant expires = Instant.parse(accepted.getStatus().getInvitation().getExpiresAt());

    try (KubernetesClient mallory = ControlPlane.get().clientAs("mallory@welcoming.example")) {
      assertThatThrownBy(() -> mallory.resources(Member.class).inNamespace(ns).list())
          .isInstanceOf(KubernetesClientException.class).hasMessageContaining("cannot list resource");
      assertThatThrownBy(() -> mallory.resources(InvitationAcceptance.class).inNamespace(ns).withName("erin").delete())
          .isInstanceOf(KubernetesClientException.class)
          .hasMessageContaining("only the invitee can delete their acceptance");
    }
    assertThatThrownBy(() -> client.resources(InvitationAcceptance.class).inNamespace(ns).withName("erin").delete())
        .isInstanceOf(KubernetesClientException.class)
        .hasMessageContaining("only the invitee can delete their acceptance");
    // Erin may delete her own; past the invitation's end she is still Active: the acceptance was counted.
    try (KubernetesClient erin = ControlPlane.get().clientAs("erin@welcoming.example")) {
      erin.resources(InvitationAcceptance.class).inNamespace(ns).withName("erin").delete();
    }
    await().atMost(TenancyFixture.WAIT)
        .until(() -> client.resources(InvitationAcceptance.class).inNamespace(ns).withName("erin").get() == null);
    await().atMost(TenancyFixture.WAIT).until(() -> Instant.now().isAfter(expires.plusSeconds(2)));
    given.mergePatch(Member.class, ns, "erin", "{\"metadata\":{\"labels\":{\"touched\":\"after-expiry\"}}}");
    await().atMost(TenancyFixture.WAIT).untilAsserted(() -> {
      Member erin = client.resources(Member.class).inNamespace(ns).withName("erin").get();
      assertThat(erin.getStatus().getPhase()).isEqualTo(MemberPhase.Active);
      assertThat(erin.getStatus().getInvitation().getAcceptance()).isEqualTo("erin");
    });
    given.awaitReady(Member.class, ns, "erin", true, Reasons.READY);

    // Re-installing the admission policy does not void an acceptance counted under it.
    given.apply(ns, """
        apiVersion: iam.trellis.dev/v1alpha1
        kind: Member
        metadata: {name: fred}
        spec: {type: User, email: fred@welcoming.example, invitation: {}}
        """);
    given.awaitReady(Member.class, ns, "fred", false, Reasons.INVITATION_PENDING);
    try (KubernetesClient fred = ControlPlane.get().clientAs("fred@welcoming.example")) {
      apply(fred, ns, """
          apiVersion: iam.trellis.dev/v1alpha1
          kind: InvitationAcceptance
          metadata: {name: fred}
          spec: {member: fred, email: fred@welcoming.example}
          """);
    }
    given.awaitReady(InvitationAcceptance.class, ns, "fred", true, Reasons.INVITATION_ACCEPTED);
    // A witness: an acceptance that was never counted, which the re-installed policy makes distrusted.
    try (KubernetesClient ivy = ControlPlane.get().clientAs("ivy@welcoming.example")) {
      apply(ivy, ns, """
          apiVersion: iam.trellis.dev/v1alpha1
          kind: InvitationAcceptance
          metadata: {name: ivy}
          spec: {member: ivy, email: ivy@welcoming.example}
          """);
    }
    given.awaitReady(InvitationAcceptance.class, ns, "ivy", false, Reasons.MEMBER_NOT_FOUND);
    var bindings = client.admissionRegistration().v1().validatingAdmissionPolicyBindings();
    bindings.withName("trellis-invitation-acceptance").delete();
    await().atMost(TenancyFixture.WAIT).until(() -> bindings.withName("trellis-invitation-acceptance").get() == null);
    try (var in = java.nio.file.Files.newInputStream(
        java.nio.file.Path.of("config", "admission", "invitation-acceptance-policy.yaml"))) {
      client.load(in).forceConflicts().serverSideApply();
    }
    given.awaitReady(InvitationAcceptance.class, ns, "ivy", false, Reasons.ADMISSION_POLICY_MISSING);
    given.mergePatch(Member.class, ns, "fred", "{\"metadata\":{\"labels\":{\"touched\":\"after-reinstall\"}}}");
    await().atMost(TenancyFixture.WAIT).untilAsserted(() -> {
      Member fred = client.resources(Member.class).inNamespace(ns).withName("fred").get();
      assertThat(fred.getMetadata().getLabels()).containsEntry("touched", "after-reinstall");
      assertThat(fred.getStatus().getPhase()).isEqualTo(MemberPhase.Active);
    });
    given.awaitReady(Member.class, ns, "fred", true, Reasons.READY);
    given.awaitReady(InvitationAcceptance.class, ns, "fred", true, Reasons.INVITATION_ACCEPTED);
  }

  // Finding 6: a ServiceAccount member could pose as a person.

  @Test
  void aServiceAccountIsNeverTakenForAPerson() {
    String ns = given.organization("robots");
    assertThatThrownBy(() -> given.apply(ns, """
        apiVersion: iam.trellis.dev/v1alpha1
        kind: Member
        metadata: {name: mallory}
        spec: {type: ServiceAccount, clientId: mallory@evil.example}
        """)).isInstanceOf(KubernetesClientException.class)
        .hasMessageContaining("spec.clientId cannot contain '@'");
    given.apply(ns, """
        apiVersion: iam.trellis.dev/v1alpha1
        kind: Member
        metadata: {name: backup}
        spec: {type: ServiceAccount, clientId: backup-robot}
        """);
    given.awaitReady(Member.class, ns, "backup", true, Reasons.READY);
    given.apply(ns, """
        apiVersion: iam.trellis.dev/v1alpha1
        kind: Member
        metadata: {name: backup-copy}
        spec: {type: ServiceAccount, clientId: backup-robot}
        """);
    given.awaitReady(Member.class, ns, "backup-copy", false, Reasons.DUPLICATE_CLIENT_ID);
    given.awaitReady(Member.class, ns, "backup", true, Reasons.READY);
  }

  // Partnership listings are bounded.

  @Test
  void offersFromAThirdOrganizationDoNotGrowTheVictimsStatusWithoutBound() {
    given.organization("popular");
    String spammerNs = given.organization("spammer");
    String victimId = orgId("popular");
    StringBuilder offers = new StringBuilder();
    for (int i = 0; i < 30; i++) {
      offers.append("""
          apiVersion: iam.trellis.dev/v1alpha1
          kind: Partnership
          metadata: {name: offer-%02d}
          spec: {partnerOrgId: %s}
          ---
          """.formatted(i, victimId));
    }
    given.apply(spammerNs, offers.toString());
    await().atMost(TenancyFixture.WAIT).untilAsserted(() -> {
      var spam = client.resources(Organization.class).withName("spammer").get().getStatus().getPartnerships();
      assertThat(spam).hasSize(30);
    });
    await().atMost(TenancyFixture.WAIT).untilAsserted(() -> {
      var listed = client.resources(Organization.class).withName("popular").get().getStatus().getPartnerships();
      assertThat(listed).isNotNull();
      assertThat(listed.stream().filter(p -> p.getSide() == OrganizationPartnership.Side.Partner)).hasSize(20);
    });
  }

  private String orgId(String organization) {
    return client.resources(Organization.class).withName(organization).get().getStatus().getOrgId();
  }

  /** One resource r of connector c on project p, and ann, operation support analyst on p. */
  @Test
  void onlyTheOperatorFilesAnObjectUnderAShard() throws IOException {
    String ns = given.organization("filed");
    // Every right over the namespace's resources, as a namespace administrator of the organization has.
    given.apply(ns, """
        apiVersion: rbac.authorization.k8s.io/v1
        kind: Role
        metadata: {name: resource-admin}
        rules:
          - apiGroups: [iam.trellis.dev]
            resources: [managedresources]
            verbs: [get, list, watch, create, update, patch, delete]
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleBinding
        metadata: {name: fay-resource-admin}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: resource-admin}
        subjects: [{apiGroup: rbac.authorization.k8s.io, kind: User, name: "fay@filed.example"}]
        """);
    String resource = """
        apiVersion: iam.trellis.dev/v1alpha1
        kind: ManagedResource
        metadata: {name: %s, namespace: %s%s}
        spec: {type: Server, connector: c, projects: [p]}
        """;
    String label = ", labels: {iam.trellis.dev/shard: 0-of-2}";
    try (KubernetesClient fay = ControlPlane.get().clientAs("fay@filed.example")) {
      // Without the label the resource is hers to create (and once she can, RBAC is in force for her).
      await().atMost(TenancyFixture.WAIT).ignoreExceptions()
          .until(() -> {
            apply(fay, resource.formatted("plain", ns, ""));
            return true;
          });
      // Filing it under a shard (where a sharded operator would not see it) is the operator's alone.
      assertShardLabelRefused(() -> apply(fay, resource.formatted("filed", ns, label)));
      assertShardLabelRefused(() -> shardLabel(fay, ns, "plain", "\"1-of-2\""));
      // The operator's ClusterRole may (the administrator here stands in for it); removing the label is anyone's.
      shardLabel(client, ns, "plain", "\"0-of-2\"");
      assertShardLabelRefused(() -> shardLabel(fay, ns, "plain", "\"1-of-2\""));
      shardLabel(fay, ns, "plain", "null");
      assertThat(client.resources(ManagedResource.class).inNamespace(ns).withName("plain").get().getMetadata()
          .getLabels()).doesNotContainKey(Sharding.LABEL);
    }
  }

  /** Sets the shard label of a ManagedResource to {@code json} (a quoted value, or null to remove it) as {@code as}. */
  private static void shardLabel(KubernetesClient as, String ns, String name, String json) {
    as.resources(ManagedResource.class).inNamespace(ns).withName(name).patch(PatchContext.of(PatchType.JSON_MERGE),
        "{\"metadata\":{\"labels\":{\"" + Sharding.LABEL + "\":" + json + "}}}");
  }

  private static void assertShardLabelRefused(Runnable write) {
    assertThatThrownBy(write::run).isInstanceOf(KubernetesClientException.class)
        .hasMessageContaining("is set by the Trellis operator alone")
        .satisfies(e -> assertThat(((KubernetesClientException) e).getCode()).isEqualTo(403));
  }

  private void analyst(String ns) {
    given.oneAnalyst(ns, "ann", "ann@" + ns.substring("org-".length()) + ".example", null);
  }

  private ConfigMap awaitGrants(String ns) {
    await().atMost(TenancyFixture.WAIT)
        .untilAsserted(() -> assertThat(TenancyFixture.subjectsOn(given.document(ns, "c"), "r")).hasSize(1));
    given.awaitReady(Connector.class, ns, "c", true, Reasons.READY);
    return given.grants(ns, "c");
  }

  private void grantClusterRole(String name, String user, String rules) {
    given.apply("""
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata: {name: test-%1$s}
        rules:
        %3$s
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata: {name: test-%1$s}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: test-%1$s}
        subjects: [{apiGroup: rbac.authorization.k8s.io, kind: User, name: "%2$s"}]
        """.formatted(name, user, rules));
  }

  private void assertRefused(String yaml, String message) {
    assertThatThrownBy(() -> given.apply(yaml)).isInstanceOf(KubernetesClientException.class)
        .hasMessageContaining(message);
  }

  /** Refused by the admission policy trellis-managed-configmaps (not merely by RBAC). */
  private static void assertForbidden(Runnable write) {
    assertThatThrownBy(write::run).isInstanceOf(KubernetesClientException.class)
        .hasMessageContaining("is written by the Trellis operator alone")
        .satisfies(e -> assertThat(((KubernetesClientException) e).getCode()).isEqualTo(403));
  }

  private static void apply(KubernetesClient as, String yaml) {
    as.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8))).create();
  }

  private static void apply(KubernetesClient as, String namespace, String yaml) {
    as.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8))).inNamespace(namespace).create();
  }
}
