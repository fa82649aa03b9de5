package dev.trellis.reconcile.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.trellis.api.v1alpha1.ApiConstants;
import dev.trellis.api.v1alpha1.Connector;
import dev.trellis.api.v1alpha1.ManagedResource;
import dev.trellis.api.v1alpha1.Member;
import dev.trellis.api.v1alpha1.Organization;
import dev.trellis.api.v1alpha1.PartnerRole;
import dev.trellis.api.v1alpha1.Partnership;
import dev.trellis.api.v1alpha1.Project;
import dev.trellis.api.v1alpha1.RoleBinding;
import dev.trellis.reconcile.support.Sharding;
import dev.trellis.testsupport.ControlPlane;
import dev.trellis.testsupport.DumpOnFailure;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The operator as the second of two shards (trellis.sharding.shards=2, shard=1) on the real API server: it serves the
 * organizations whose namespaces fall in its shard, files their objects under its label and writes their grants; it
 * leaves the others' alone; and an object filed under another shard is filed back without its grants going away
 * meanwhile. Two processes sharing the organizations, partnerships across them included, are exercised by
 * {@code make shards-smoke}.
 */
@QuarkusTest
@TestProfile(ShardingIT.SecondOfTwo.class)
@ExtendWith(DumpOnFailure.class)
class ShardingIT {
  /** This test's operator: shard 1 of 2. */
  public static final class SecondOfTwo implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("trellis.sharding.shards", "2", "trellis.sharding.shard", "1");
    }
  }

  private static final Sharding SHARD = new Sharding(2, 1);
  private static final String FILED = "1-of-2";
  KubernetesClient client = ControlPlane.get().admin();
  TenancyFixture given = new TenancyFixture(client);

  /** An organization name whose namespace ({@code org-<name>}) this shard serves, or does not. */
  private static String name(String prefix, boolean served) {
    return IntStream.range(0, 1000).mapToObj(i -> prefix + i)
        .filter(n -> SHARD.serves("org-" + n) == served).findFirst().orElseThrow();
  }

  @Test
  void aShardServesItsOrganizationsFilesTheirObjectsAndLeavesTheOthersAlone() {
    String elsewhere = name("elsewhere", false);
    given.apply("""
        apiVersion: iam.trellis.dev/v1alpha1
        kind: Organization
        metadata: {name: %s}
        spec: {displayName: Elsewhere}
        """.formatted(elsewhere));
    String ns = given.organization(name("served", true));
    given.oneAnalyst(ns, "ann", "ann@served.example", null);
    await().atMost(TenancyFixture.WAIT).untilAsserted(
        () -> assertThat(TenancyFixture.subjectsOn(given.document(ns, "c"), "r"))
            .containsExactly("ann@served.example"));

    for (Class<? extends HasMetadata> kind : List.of(Project.class, Connector.class, ManagedResource.class,
        RoleBinding.class)) {
      assertThat(client.resources(kind).inNamespace(ns).list().getItems()).as(kind.getSimpleName())
          .isNotEmpty()
          .allSatisfy(o -> assertThat(o.getMetadata().getLabels()).containsEntry(Sharding.LABEL, FILED));
    }
    assertThat(given.grants(ns, "c").getMetadata().getLabels()).containsEntry(Sharding.LABEL, FILED);
    // The namespace says which shard serves it: the webhook configuration routes its reviews by that label.
    assertThat(client.namespaces().withName(ns).get().getMetadata().getLabels()).containsEntry(Sharding.LABEL, FILED);
    // Everything above happened after the other shard's organization was created: nobody here served it.
    assertThat(client.resources(Organization.class).withName(elsewhere).get().getStatus()).isNull();
    assertThat(client.namespaces().withName("org-" + elsewhere).get()).isNull();
  }

  @Test
  void anObjectFiledUnderAnotherShardIsFiledBackAndItsGrantsStayMeanwhile() {
    String ns = given.organization(name("refiled", true));
    given.oneAnalyst(ns, "ann", "ann@refiled.example", null);
    await().atMost(TenancyFixture.WAIT).untilAsserted(() -> assertThat(
        TenancyFixture.subjectsOn(given.document(ns, "c"), "r")).containsExactly("ann@refiled.example"));
    await().atMost(TenancyFixture.WAIT).untilAsserted(() -> assertThat(client.resources(RoleBinding.class)
        .inNamespace(ns).withName("ann-analyst").get().getMetadata().getLabels()).containsEntry(Sharding.LABEL, FILED));
    ConfigMap before = given.grants(ns, "c");
    // Every version of the document written from now on.
    List<ConfigMap> written = new CopyOnWriteArrayList<>();
    try (Watch watch = client.configMaps().inNamespace(ns).withField("metadata.name", "c-grants")
        .withResourceVersion(before.getMetadata().getResourceVersion()).watch(new Watcher<>() {
          @Override
          public void eventReceived(Action action, ConfigMap cm) {
            written.add(cm);
          }

          @Override
          public void onClose(WatcherException cause) {}
        })) {
      misfileTheBindingThenAddBob(ns);
      // A later change shows, so every event before it was handled.
      await().atMost(TenancyFixture.WAIT).untilAsserted(() -> assertThat(written).anySatisfy(cm -> assertThat(
          TenancyFixture.subjectsOn(TenancyFixture.parse(cm), "r")).contains("bob@refiled.example")));
    }
    assertThat(written).as("documents written after the binding was misfiled: ann's grant was there throughout")
        .allSatisfy(cm -> assertThat(TenancyFixture.subjectsOn(TenancyFixture.parse(cm), "r"))
            .contains("ann@refiled.example"));
  }

  private void misfileTheBindingThenAddBob(String ns) {
    // Filed under the other shard (a cluster administrator may; the admission policy stops everyone else), the binding
    // leaves this shard's caches, and no watch of unfiled objects sees it: the watch reports a deletion, which only
    // the API server can tell from one.
    given.mergePatch(RoleBinding.class, ns, "ann-analyst",
        "{\"metadata\":{\"labels\":{\"" + Sharding.LABEL + "\":\"0-of-2\"}}}");
    await().atMost(TenancyFixture.WAIT).untilAsserted(() -> assertThat(client.resources(RoleBinding.class)
        .inNamespace(ns).withName("ann-analyst").get().getMetadata().getLabels()).containsEntry(Sharding.LABEL, FILED));
    given.apply(ns, """
        apiVersion: iam.trellis.dev/v1alpha1
        kind: Member
        metadata: {name: bob}
        spec: {type: User, email: bob@refiled.example}
        ---
        apiVersion: iam.trellis.dev/v1alpha1
        kind: RoleBinding
        metadata: {name: bob-analyst}
        spec:
          role: operation-support-analyst
          subject: {kind: Member, name: bob}
          scope: {kind: Project, name: p}
        """);
  }

  @Test
  void aPartnerMemberSeesTheRolesACustomerOfAnotherShardGivesIt() {
    // The customer is served by the other shard, which no process runs here: set up what it would have written —
    // its namespace, its orgId, and its Partnership's status with the roles its bindings give the partner's member.
    String customerName = name("customer", false);
    given.apply("""
        apiVersion: iam.trellis.dev/v1alpha1
        kind: Organization
        metadata: {name: %s}
        spec: {displayName: Customer}
        """.formatted(customerName));
    Organization customer = client.resources(Organization.class).withName(customerName).get();
    String customerId = customer.getMetadata().getUid();
    String customerNs = customer.effectiveNamespace();
    // Created unlabelled first: once labelled for the customer, this process' webhook refuses writes in it (below).
    client.resource(new NamespaceBuilder().withNewMetadata().withName(customerNs).endMetadata().build()).create();
    client.resources(Organization.class).withName(customerName).subresource("status")
        .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"status\":{\"orgId\":\"" + customerId + "\"}}");

    String partnerNs = given.organization(name("partner", true));
    String partnerId = client.resources(Organization.class).withName(partnerNs.substring("org-".length())).get()
        .getStatus().getOrgId();
    given.apply(partnerNs, """
        apiVersion: iam.trellis.dev/v1alpha1
        kind: Member
        metadata: {name: krishna}
        spec: {type: User, email: krishna@partner.example}
        ---
        apiVersion: iam.trellis.dev/v1alpha1
        kind: PartnershipAcceptance
        metadata: {name: from-customer}
        spec: {customerOrgId: %s, partnership: msp, members: [krishna]}
        """.formatted(customerId));
    String offer = """
        apiVersion: iam.trellis.dev/v1alpha1
        kind: Partnership
        metadata: {name: %s}
        spec: {partnerOrgId: %s}
        """;
    given.apply(customerNs, offer.formatted("msp", partnerId));
    client.namespaces().withName(customerNs).edit(ns -> {
      ns.getMetadata().setLabels(Map.of(ApiConstants.ORGANIZATION_LABEL, customerName,
          ApiConstants.MANAGED_BY_LABEL, ApiConstants.MANAGED_BY));
      ns.getMetadata().setAnnotations(Map.of(ApiConstants.OWNER_UID_ANNOTATION, customerId));
      return ns;
    });
    // The webhook of this shard does not decide for another shard's namespaces: it refuses, naming the shard.
    await().atMost(TenancyFixture.WAIT).untilAsserted(() -> assertThatThrownBy(
        () -> given.apply(customerNs, offer.formatted("another", partnerId)))
        .hasMessageContaining("is served by Trellis shard 0-of-2, not by this one (1-of-2)"));
    client.resources(Partnership.class).inNamespace(customerNs).withName("msp").subresource("status")
        .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"status\":{\"memberRoles\":[{\"member\":\"krishna\","
            + "\"roles\":[{\"role\":\"operation-support-analyst\",\"scope\":\"Project/london\"}]}]}}");

    // This shard caches none of the customer's bindings: the member's access comes from the Partnership's status.
    await().atMost(TenancyFixture.WAIT).untilAsserted(() -> assertThat(client.resources(Member.class)
        .inNamespace(partnerNs).withName("krishna").get().getStatus().getPartnerAccess())
        .singleElement().satisfies(a -> {
          assertThat(a.getOrganization()).isEqualTo(customerName);
          assertThat(a.getNamespace()).isEqualTo(customerNs);
          assertThat(a.getPartnership()).isEqualTo("msp");
          assertThat(a.getRoles()).containsExactly(new PartnerRole("operation-support-analyst", "Project/london"));
        }));
  }
}
