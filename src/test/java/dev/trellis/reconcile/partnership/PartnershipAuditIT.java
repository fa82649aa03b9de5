package dev.trellis.reconcile.partnership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trellis.api.v1alpha1.Organization;
import dev.trellis.reconcile.tenancy.TenancyFixture;
import dev.trellis.testsupport.ControlPlane;
import dev.trellis.testsupport.DumpOnFailure;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** "Who did what and when" comes from the API server's own audit log, written under config/audit/. */
@QuarkusTest
@ExtendWith(DumpOnFailure.class)
class PartnershipAuditIT {

  /** An administrator's client: the operator under test has its own, with the chart's rights only. */
  KubernetesClient client = dev.trellis.testsupport.ControlPlane.get().admin();

  @Test
  void auditLogNamesWhoCreatedThePartnershipAndWhoAcceptedIt() throws Exception {
    TenancyFixture given = new TenancyFixture(client);
    String customer = given.organization("audited");
    String partner = given.organization("auditedmsp");
    allow("alice@audited.com", customer);
    allow("raj@auditedmsp.com", partner);
    // Kubernetes RBAC lets them write in their namespace; Trellis lets them manage partnerships as members.
    partnershipAdmin(given, customer, "alice", "alice@audited.com");
    partnershipAdmin(given, partner, "raj", "raj@auditedmsp.com");

    String partnerId = client.resources(Organization.class).withName("auditedmsp").get().getStatus().getOrgId();
    String customerId = client.resources(Organization.class).withName("audited").get().getStatus().getOrgId();
    try (KubernetesClient alice = as("alice@audited.com")) {
      apply(alice, customer, """
          apiVersion: iam.trellis.dev/v1alpha1
          kind: Partnership
          metadata: {name: auditedmsp}
          spec: {partnerOrgId: %s}
          """.formatted(partnerId));
    }
    try (KubernetesClient raj = as("raj@auditedmsp.com")) {
      apply(raj, partner, """
          apiVersion: iam.trellis.dev/v1alpha1
          kind: PartnershipAcceptance
          metadata: {name: audited}
          spec: {customerOrgId: %s, partnership: auditedmsp, members: []}
          """.formatted(customerId));
    }

    await().atMost(TenancyFixture.WAIT).untilAsserted(() -> {
      List<JsonNode> events = auditEvents();
      assertThat(events).anySatisfy(e -> assertWrite(e, "partnerships", customer, "auditedmsp", "alice@audited.com"));
      assertThat(events)
          .anySatisfy(e -> assertWrite(e, "partnershipacceptances", partner, "audited", "raj@auditedmsp.com"));
    });
  }

  private static void partnershipAdmin(TenancyFixture given, String ns, String member, String email) {
    given.apply(ns, """
        apiVersion: iam.trellis.dev/v1alpha1
        kind: Member
        metadata: {name: %1$s}
        spec: {type: User, email: %2$s}
        ---
        apiVersion: iam.trellis.dev/v1alpha1
        kind: RoleBinding
        metadata: {name: %1$s-partnerships}
        spec:
          role: partnership-admin
          subject: {kind: Member, name: %1$s}
          scope: {kind: Organization}
        """.formatted(member, email));
    given.awaitReady(dev.trellis.api.v1alpha1.RoleBinding.class, ns, member + "-partnerships", true, "Ready");
  }

  private static void assertWrite(JsonNode event, String resource, String namespace, String name, String user) {
    assertThat(event.path("objectRef").path("resource").asText()).isEqualTo(resource);
    assertThat(event.path("objectRef").path("namespace").asText()).isEqualTo(namespace);
    assertThat(event.path("objectRef").path("name").asText()).isEqualTo(name);
    assertThat(event.path("objectRef").path("subresource").isMissingNode()).isTrue();
    assertThat(event.path("verb").asText()).isIn("create", "patch");
    assertThat(event.path("impersonatedUser").path("username").asText()).isEqualTo(user);
    assertThat(event.path("stage").asText()).isEqualTo("ResponseComplete");
    assertThat(event.path("responseStatus").path("code").asInt()).isBetween(200, 201);
    assertThat(event.path("requestReceivedTimestamp").asText()).isNotEmpty();
    assertThat(event.path("requestObject").isObject()).as("request level: the body is recorded").isTrue();
  }

  private static List<JsonNode> auditEvents() throws Exception {
    return ControlPlane.get().auditEvents();
  }

  /** Lets {@code user} manage partnerships and acceptances in {@code namespace}, as RBAC would. */
  private void allow(String user, String namespace) {
    client.resource(new ClusterRoleBuilder().withNewMetadata().withName("trellis-partnership-editor").endMetadata()
        .addNewRule().withApiGroups("iam.trellis.dev").withResources("partnerships", "partnershipacceptances")
        .withVerbs("get", "list", "watch", "create", "patch", "update", "delete").endRule().build())
        .serverSideApply();
    client.resource(new RoleBindingBuilder().withNewMetadata().withName("partnership-editor").withNamespace(namespace)
        .endMetadata().withNewRoleRef("rbac.authorization.k8s.io", "ClusterRole", "trellis-partnership-editor")
        .addNewSubject().withKind("User").withApiGroup("rbac.authorization.k8s.io").withName(user).endSubject()
        .build()).serverSideApply();
  }

  private static KubernetesClient as(String user) throws Exception {
    return ControlPlane.get().clientAs(user);
  }

  private static void apply(KubernetesClient as, String namespace, String yaml) {
    as.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8))).inNamespace(namespace)
        .serverSideApply();
  }
}
