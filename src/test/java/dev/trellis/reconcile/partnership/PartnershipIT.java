package dev.trellis.reconcile.partnership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trellis.api.v1alpha1.ManagedResource;
import dev.trellis.api.v1alpha1.Member;
import dev.trellis.api.v1alpha1.Organization;
import dev.trellis.api.v1alpha1.OrganizationPartnership;
import dev.trellis.api.v1alpha1.Partnership;
import dev.trellis.api.v1alpha1.PartnershipAcceptance;
import dev.trellis.api.v1alpha1.PartnershipPhase;
import dev.trellis.api.v1alpha1.RoleBinding;
import dev.trellis.reconcile.tenancy.TenancyFixture;
import dev.trellis.testsupport.DumpOnFailure;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The seed story of partnerships on the real API server: a customer (paintco) and a managed service
 * provider (globalmsp); after every step, the connector's document and the statuses are asserted.
 */
@QuarkusTest
@ExtendWith(DumpOnFailure.class)
class PartnershipIT {
  private static final String KRISHNA = "krishna@globalmsp.com";

  /** An administrator's client: the operator under test has its own, with the chart's rights only. */
  KubernetesClient client = dev.trellis.testsupport.ControlPlane.get().admin();

  TenancyFixture given;

  @BeforeEach
  void fixture() {
    given = new TenancyFixture(client);
  }

  @Test
  void partnerMemberGetsLeastPrivilegeOnlyWhileThePartnershipIsEstablished() {
    String customer = given.organization("paintco");
    String partner = given.organization("globalmsp");
    String customerId = orgId("paintco");
    String partnerId = orgId("globalmsp");
    given.apply(customer, """
        apiVersion: iam.trellis.dev/v1alpha1
        kind: Project
        metadata: {name: london}
        spec: {}
        ---
        apiVersion: iam.trellis.dev/v1alpha1
        kind: Project
        metadata: {name: paris}
        spec: {}
        ---
        apiVersion: iam.trellis.dev/v1alpha1
        kind: Connector
        metadata: {name: conn-eu}
        spec: {projects: [london, paris]}
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
        """);
    given.apply(partner, """
        apiVersion: iam.trellis.dev/v1alpha1
        kind: Member
        metadata: {name: krishna}
        spec: {type: User, email: krishna@globalmsp.com}
        ---
        apiVersion: iam.trellis.dev/v1alpha1
        kind: Member
        metadata: {name: raj}
        spec: {type: User, email: raj@globalmsp.com}
        """);

    // 1. The customer initiates with the orgId the partner shared, and grants krishna least privilege.
    given.apply(customer, """
        apiVersion: iam.trellis.dev/v1alpha1
        kind: Partnership
        metadata: {name: globalmsp}
        spec: {partnerOrgId: %s}
        ---
        apiVersion: iam.trellis.dev/v1alpha1
        kind: RoleBinding
        metadata: {name: krishna-london-analyst}
        spec:
          role: operation-support-analyst
          subject: {kind: PartnerMember, partnership: globalmsp, name: krishna}
          scope: {kind: Project, name: london}
        """.formatted(partnerId));
    given.awaitReady(Partnership.class, customer, "globalmsp", false, "AwaitingAcceptance");
    assertPhase(customer, PartnershipPhase.Initiated);
    given.awaitReady(RoleBinding.class, customer, "krishna-london-analyst", false, "PartnershipNotEstablished");
    assertThat(subjects(customer)).doesNotContain(KRISHNA);
    // The partner sees the offer before it accepts.
    await().atMost(TenancyFixture.WAIT).untilAsserted(() -> assertThat(partnerships("globalmsp")).singleElement()
        .satisfies(p -> {
          assertThat(p.getSide()).isEqualTo(OrganizationPartnership.Side.Partner);
          assertThat(p.getCounterpart()).isEqualTo("paintco");
          assertThat(p.getPhase()).isEqualTo(PartnershipPhase.Initiated);
        }));

    // 2. The partner accepts, listing nobody yet: trust is established, but krishna is not in it.
    given.apply(partner, """
        apiVersion: iam.trellis.dev/v1alpha1
        kind: PartnershipAcceptance
        metadata: {name: paintco}
        spec: {customerOrgId: %s, partnership: globalmsp, members: []}
        """.formatted(customerId));
    given.awaitReady(Partnership.class, customer, "globalmsp", true, "Ready");
    given.awaitReady(PartnershipAcceptance.class, partner, "paintco", true, "Ready");
    given.awaitReady(RoleBinding.class, customer, "krishna-london-analyst", false, "NotAPartnershipMember");
    Partnership established = client.resources(Partnership.class).inNamespace(customer).withName("globalmsp").get();
    assertThat(established.getStatus().getPhase()).isEqualTo(PartnershipPhase.Established);
    assertThat(established.getStatus().getPartnerOrganization()).isEqualTo("globalmsp");
    assertThat(established.getStatus().getEstablishedAt()).isNotNull();
    assertThat(established.getStatus().getHistory()).extracting(h -> h.getPhase())
        .containsExactly(PartnershipPhase.Initiated, PartnershipPhase.Established);
    await().atMost(TenancyFixture.WAIT).untilAsserted(() -> {
      assertThat(partnerships("paintco")).singleElement().satisfies(p -> {
        assertThat(p.getSide()).isEqualTo(OrganizationPartnership.Side.Customer);
        assertThat(p.getCounterpart()).isEqualTo("globalmsp");
        assertThat(p.getPhase()).isEqualTo(PartnershipPhase.Established);
      });
      assertThat(partnerships("globalmsp")).singleElement().satisfies(p -> {
        assertThat(p.getSide()).isEqualTo(OrganizationPartnership.Side.Partner);
        assertThat(p.getCounterpart()).isEqualTo("paintco");
      });
    });

    // 3. The partner adds krishna: he reaches ontap-london only, through the partnership.
    patch(PartnershipAcceptance.class, partner, "paintco", "{\"spec\":{\"members\":[\"krishna\"]}}");
    given.awaitReady(RoleBinding.class, customer, "krishna-london-analyst", true, "Ready");
    await().atMost(TenancyFixture.WAIT).untilAsserted(() -> {
      JsonNode document = given.document(customer, "conn-eu");
      assertThat(TenancyFixture.subjectsOn(document, "ontap-london")).containsExactly(KRISHNA);
      assertThat(TenancyFixture.subjectsOn(document, "ontap-paris")).isEmpty();
      JsonNode entry = document.get("entries").get(0);
      assertThat(entry.get("subjectOrganization").asText()).isEqualTo("globalmsp");
      assertThat(entry.get("grants").get(0).get("via").asText()).isEqualTo("Partnership/globalmsp");
      assertThat(entry.get("grants").get(0).get("scope").asText()).isEqualTo("Project/london");
    });
    await().atMost(TenancyFixture.WAIT).untilAsserted(() -> {
      var access = client.resources(Member.class).inNamespace(partner).withName("krishna").get()
          .getStatus().getPartnerAccess();
      assertThat(access).singleElement().satisfies(a -> {
        assertThat(a.getOrganization()).isEqualTo("paintco");
        assertThat(a.getOrgId()).isEqualTo(customerId);
        assertThat(a.getNamespace()).isEqualTo(customer);
        assertThat(a.getPartnership()).isEqualTo("globalmsp");
        assertThat(a.getRoles()).singleElement().satisfies(r -> {
          assertThat(r.getRole()).isEqualTo("operation-support-analyst");
          assertThat(r.getScope()).isEqualTo("Project/london");
        });
      });
      assertThat(client.resources(Partnership.class).inNamespace(customer).withName("globalmsp").get()
          .getStatus().getMembers()).containsExactly("krishna");
      // The customer publishes what it gives him on the Partnership (what a partner served by another shard reads).
      assertThat(client.resources(Partnership.class).inNamespace(customer).withName("globalmsp").get()
          .getStatus().getMemberRoles()).singleElement().satisfies(m -> {
            assertThat(m.getMember()).isEqualTo("krishna");
            assertThat(m.getRoles()).singleElement().satisfies(r -> {
              assertThat(r.getRole()).isEqualTo("operation-support-analyst");
              assertThat(r.getScope()).isEqualTo("Project/london");
            });
          });
    });

    // 3b. A change in the customer that names none of the partner's objects — the only resource of the project a
    // binding of his is scoped to leaves it, so the binding reaches nothing — still reaches his access list: the
    // partner learns his roles from the Partnership's status.
    given.apply(customer, """
        apiVersion: iam.trellis.dev/v1alpha1
        kind: RoleBinding
        metadata: {name: krishna-paris-incidents}
        spec:
          role: incident-manager
          subject: {kind: PartnerMember, partnership: globalmsp, name: krishna}
          scope: {kind: Project, name: paris}
        """);
    await().atMost(TenancyFixture.WAIT).untilAsserted(() -> assertThat(krishnasRoles(partner))
        .containsExactly("incident-manager@Project/paris", "operation-support-analyst@Project/london"));
    patch(ManagedResource.class, customer, "ontap-paris", "{\"spec\":{\"projects\":[\"london\"]}}");
    await().atMost(TenancyFixture.WAIT).untilAsserted(() -> assertThat(krishnasRoles(partner))
        .containsExactly("operation-support-analyst@Project/london"));
    client.resources(RoleBinding.class).inNamespace(customer).withName("krishna-paris-incidents").delete();
    patch(ManagedResource.class, customer, "ontap-paris", "{\"spec\":{\"projects\":[\"paris\"]}}");

    // 4. Pausing suspends his access at once; resuming restores it.
    patch(Partnership.class, customer, "globalmsp", "{\"spec\":{\"paused\":true}}");
    given.awaitReady(Partnership.class, customer, "globalmsp", false, "Paused");
    given.awaitReady(RoleBinding.class, customer, "krishna-london-analyst", false, "PartnershipNotEstablished");
    await().atMost(TenancyFixture.WAIT).untilAsserted(() -> assertThat(subjects(customer)).doesNotContain(KRISHNA));
    await().atMost(TenancyFixture.WAIT).untilAsserted(() -> assertThat(
        client.resources(Member.class).inNamespace(partner).withName("krishna").get().getStatus().getPartnerAccess())
        .isNullOrEmpty());
    await().atMost(TenancyFixture.WAIT).untilAsserted(() -> assertThat(client.resources(Partnership.class)
        .inNamespace(customer).withName("globalmsp").get().getStatus().getMemberRoles()).isNullOrEmpty());
    patch(Partnership.class, customer, "globalmsp", "{\"spec\":{\"paused\":false}}");
    given.awaitReady(Partnership.class, customer, "globalmsp", true, "Ready");
    await().atMost(TenancyFixture.WAIT).untilAsserted(() -> assertThat(subjects(customer)).contains(KRISHNA));

    // 5. Disabling krishna in his own organization removes his access to the customer's resources.
    patch(Member.class, partner, "krishna", "{\"spec\":{\"disabled\":true}}");
    given.awaitReady(RoleBinding.class, customer, "krishna-london-analyst", false, "SubjectDisabled");
    await().atMost(TenancyFixture.WAIT).untilAsserted(() -> assertThat(subjects(customer)).doesNotContain(KRISHNA));
    patch(Member.class, partner, "krishna", "{\"spec\":{\"disabled\":false}}");
    await().atMost(TenancyFixture.WAIT).untilAsserted(() -> assertThat(subjects(customer)).contains(KRISHNA));

    // 6. Terminating is final: access ends, both sides say so, and the API server refuses to undo it.
    patch(Partnership.class, customer, "globalmsp", "{\"spec\":{\"terminated\":true}}");
    given.awaitReady(Partnership.class, customer, "globalmsp", false, "Terminated");
    await().atMost(TenancyFixture.WAIT).untilAsserted(() -> assertThat(subjects(customer)).doesNotContain(KRISHNA));
    await().atMost(TenancyFixture.WAIT).untilAsserted(() -> assertThat(
        client.resources(PartnershipAcceptance.class).inNamespace(partner).withName("paintco").get()
            .getStatus().getPhase())
        .isEqualTo(PartnershipPhase.Terminated));
    assertThat(client.resources(Partnership.class).inNamespace(customer).withName("globalmsp").get()
        .getStatus().getHistory()).extracting(h -> h.getReason()).contains("TerminatedByCustomer");
    assertThatThrownBy(() -> patch(Partnership.class, customer, "globalmsp", "{\"spec\":{\"terminated\":false}}"))
        .isInstanceOf(KubernetesClientException.class).hasMessageContaining("spec.terminated is one way");
    assertThatThrownBy(() -> patch(Partnership.class, customer, "globalmsp", "{\"spec\":{\"partnerOrgId\":\"x\"}}"))
        .isInstanceOf(KubernetesClientException.class).hasMessageContaining("spec.partnerOrgId cannot be changed");
    assertThat(client.v1().events().inNamespace(partner).list().getItems())
        .anyMatch(
            e -> "paintco".equals(e.getInvolvedObject().getName()) && "TerminatedByCustomer".equals(e.getReason()));
  }

  @Test
  void aThirdOrganizationCanNeitherEstablishNorJoinAPartnershipItWasNotInvitedTo() {
    String customer = given.organization("bakery");
    String invited = given.organization("trustedmsp");
    String intruder = given.organization("intruder");
    String customerId = orgId("bakery");
    given.apply(customer, """
        apiVersion: iam.trellis.dev/v1alpha1
        kind: Partnership
        metadata: {name: trusted}
        spec: {partnerOrgId: %s}
        ---
        apiVersion: iam.trellis.dev/v1alpha1
        kind: Partnership
        metadata: {name: typo}
        spec: {partnerOrgId: 00000000-0000-0000-0000-000000000000}
        ---
        apiVersion: iam.trellis.dev/v1alpha1
        kind: Partnership
        metadata: {name: myself}
        spec: {partnerOrgId: %s}
        ---
        apiVersion: iam.trellis.dev/v1alpha1
        kind: RoleBinding
        metadata: {name: spy-viewer}
        spec:
          role: super-viewer
          subject: {kind: PartnerMember, partnership: trusted, name: spy}
          scope: {kind: Organization}
        """.formatted(orgId("trustedmsp"), customerId));
    given.apply(intruder, """
        apiVersion: iam.trellis.dev/v1alpha1
        kind: Member
        metadata: {name: spy}
        spec: {type: User, email: spy@intruder.com}
        ---
        apiVersion: iam.trellis.dev/v1alpha1
        kind: PartnershipAcceptance
        metadata: {name: bakery}
        spec: {customerOrgId: %s, partnership: trusted, members: [spy]}
        ---
        apiVersion: iam.trellis.dev/v1alpha1
        kind: PartnershipAcceptance
        metadata: {name: nothing}
        spec: {customerOrgId: %s, partnership: no-such-partnership, members: [spy]}
        """.formatted(customerId, customerId));

    given.awaitReady(PartnershipAcceptance.class, intruder, "bakery", false, "NotInvited");
    given.awaitReady(PartnershipAcceptance.class, intruder, "nothing", false, "PartnershipNotFound");
    given.awaitReady(Partnership.class, customer, "trusted", false, "AwaitingAcceptance");
    given.awaitReady(Partnership.class, customer, "typo", false, "PartnerNotFound");
    given.awaitReady(Partnership.class, customer, "myself", false, "SelfPartnership");
    given.awaitReady(RoleBinding.class, customer, "spy-viewer", false, "PartnershipNotEstablished");
    assertThat(client.resources(Member.class).inNamespace(intruder).withName("spy").get().getStatus()
        .getPartnerAccess()).isNullOrEmpty();

    // Once the invited partner accepts, the intruder's member is still not in the partnership.
    given.apply(invited, """
        apiVersion: iam.trellis.dev/v1alpha1
        kind: PartnershipAcceptance
        metadata: {name: bakery}
        spec: {customerOrgId: %s, partnership: trusted, members: []}
        """.formatted(customerId));
    given.awaitReady(Partnership.class, customer, "trusted", true, "Ready");
    given.awaitReady(RoleBinding.class, customer, "spy-viewer", false, "NotAPartnershipMember");
    given.awaitReady(PartnershipAcceptance.class, intruder, "bakery", false, "NotInvited");
  }

  @Test
  void withdrawingTheAcceptanceTerminatesAnEstablishedPartnership() {
    String customer = given.organization("florist");
    String partner = given.organization("flowermsp");
    given.apply(customer, """
        apiVersion: iam.trellis.dev/v1alpha1
        kind: Partnership
        metadata: {name: flowermsp}
        spec: {partnerOrgId: %s}
        """.formatted(orgId("flowermsp")));
    given.apply(partner, """
        apiVersion: iam.trellis.dev/v1alpha1
        kind: PartnershipAcceptance
        metadata: {name: florist}
        spec: {customerOrgId: %s, partnership: flowermsp, members: []}
        """.formatted(orgId("florist")));
    given.awaitReady(Partnership.class, customer, "flowermsp", true, "Ready");

    client.resources(PartnershipAcceptance.class).inNamespace(partner).withName("florist").delete();
    given.awaitReady(Partnership.class, customer, "flowermsp", false, "Terminated");
    assertThat(client.resources(Partnership.class).inNamespace(customer).withName("flowermsp").get()
        .getStatus().getHistory()).extracting(h -> h.getReason()).contains("AcceptanceWithdrawn");

    // Accepting again does not bring a terminated partnership back.
    given.apply(partner, """
        apiVersion: iam.trellis.dev/v1alpha1
        kind: PartnershipAcceptance
        metadata: {name: florist}
        spec: {customerOrgId: %s, partnership: flowermsp, members: []}
        """.formatted(orgId("florist")));
    given.awaitReady(PartnershipAcceptance.class, partner, "florist", false, "Terminated");
    assertPhase(customer, "flowermsp", PartnershipPhase.Terminated);
  }

  @Test
  void aSecondAcceptanceOfOnePartnershipIsReportedAndTakesNoPart() {
    String customer = given.organization("tulip");
    String partner = given.organization("tulipmsp");
    given.apply(customer, """
        apiVersion: iam.trellis.dev/v1alpha1
        kind: Partnership
        metadata: {name: tulipmsp}
        spec: {partnerOrgId: %s}
        """.formatted(orgId("tulipmsp")));
    given.apply(partner, """
        apiVersion: iam.trellis.dev/v1alpha1
        kind: PartnershipAcceptance
        metadata: {name: tulip}
        spec: {customerOrgId: %s, partnership: tulipmsp, members: []}
        """.formatted(orgId("tulip")));
    given.awaitReady(Partnership.class, customer, "tulipmsp", true, "Ready");
    // Created in a later second, and first by name: the creation time decides, not the name or the cache's order.
    java.time.Instant created = java.time.Instant.parse(client.resources(PartnershipAcceptance.class)
        .inNamespace(partner).withName("tulip").get().getMetadata().getCreationTimestamp());
    org.awaitility.Awaitility.await().until(() -> java.time.Instant.now().isAfter(created.plusSeconds(1)));
    given.apply(partner, """
        apiVersion: iam.trellis.dev/v1alpha1
        kind: PartnershipAcceptance
        metadata: {name: a-later-one}
        spec: {customerOrgId: %s, partnership: tulipmsp, members: []}
        """.formatted(orgId("tulip")));
    given.awaitReady(PartnershipAcceptance.class, partner, "a-later-one", false, "DuplicateAcceptance");
    assertThat(client.resources(PartnershipAcceptance.class).inNamespace(partner).withName("a-later-one").get()
        .getStatus().getConditions().get(0).getMessage()).contains("PartnershipAcceptance tulip, created earlier");
    given.awaitReady(PartnershipAcceptance.class, partner, "tulip", true, "Ready");
    assertPhase(customer, "tulipmsp", PartnershipPhase.Established);
  }

  private List<String> subjects(String namespace) {
    List<String> subjects = new java.util.ArrayList<>();
    given.document(namespace, "conn-eu").get("entries").forEach(e -> subjects.add(e.get("subject").asText()));
    return subjects;
  }

  private List<OrganizationPartnership> partnerships(String org) {
    var status = client.resources(Organization.class).withName(org).get().getStatus();
    return status.getPartnerships() == null ? List.of() : status.getPartnerships();
  }

  private String orgId(String org) {
    return client.resources(Organization.class).withName(org).get().getStatus().getOrgId();
  }

  /** krishna's roles in his one customer, "role@scope", as his Member's status lists them. */
  private List<String> krishnasRoles(String partner) {
    var access = client.resources(Member.class).inNamespace(partner).withName("krishna").get().getStatus()
        .getPartnerAccess();
    assertThat(access).hasSize(1);
    return access.get(0).getRoles().stream().map(r -> r.getRole() + "@" + r.getScope()).toList();
  }

  private void assertPhase(String namespace, PartnershipPhase phase) {
    assertPhase(namespace, "globalmsp", phase);
  }

  private void assertPhase(String namespace, String name, PartnershipPhase phase) {
    assertThat(client.resources(Partnership.class).inNamespace(namespace).withName(name).get().getStatus().getPhase())
        .isEqualTo(phase);
  }

  private <R extends io.fabric8.kubernetes.api.model.HasMetadata> void patch(
      Class<R> kind, String ns, String name, String patch) {
    given.mergePatch(kind, ns, name, patch);
  }
}
