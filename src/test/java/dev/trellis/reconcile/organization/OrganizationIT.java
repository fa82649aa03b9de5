package dev.trellis.reconcile.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.trellis.api.v1alpha1.ApiConstants;
import dev.trellis.api.v1alpha1.Condition;
import dev.trellis.api.v1alpha1.Organization;
import dev.trellis.api.v1alpha1.OrganizationSpec;
import dev.trellis.api.v1alpha1.OrganizationStatus.Phase;
import dev.trellis.testsupport.ControlPlane;
import dev.trellis.testsupport.DumpOnFailure;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@QuarkusTest
@ExtendWith(DumpOnFailure.class)
class OrganizationIT {
  private static final Duration WAIT = Duration.ofSeconds(60);

  /** An administrator's client: the operator under test has its own, with the chart's rights only. */
  KubernetesClient client = dev.trellis.testsupport.ControlPlane.get().admin();

  @BeforeAll
  static void realServer() {
    assertThat(ControlPlane.get().version()).startsWith("v1.");
  }

  @Test
  void organizationGetsALabelledNamespaceAndAStableOrgId() {
    Organization org = client.resource(organization("paintshop", null)).create();

    Organization ready = awaitReady("paintshop", "True");
    assertThat(ready.getStatus().getOrgId()).isEqualTo(org.getMetadata().getUid());
    assertThat(ready.getStatus().getNamespace()).isEqualTo("org-paintshop");
    assertThat(ready.getStatus().getPhase()).isEqualTo(Phase.Active);
    assertThat(ready.getStatus().getObservedGeneration()).isEqualTo(ready.getMetadata().getGeneration());
    Namespace namespace = client.namespaces().withName("org-paintshop").get();
    assertThat(namespace.getMetadata().getLabels())
        .containsEntry(ApiConstants.ORGANIZATION_LABEL, "paintshop")
        .containsEntry(ApiConstants.MANAGED_BY_LABEL, "trellis");
    await().atMost(WAIT).untilAsserted(() -> assertThat(client.v1().events().inNamespace("default").list().getItems())
        .anyMatch(e -> "paintshop".equals(e.getInvolvedObject().getName()) && "Ready".equals(e.getReason())));

    // A spec change is observed, and the orgId stays what partners were told.
    mergePatch("paintshop", "{\"spec\":{\"displayName\":\"Paint Shop Ltd\"}}");
    await().atMost(WAIT).untilAsserted(() -> {
      Organization updated = client.resources(Organization.class).withName("paintshop").get();
      assertThat(updated.getMetadata().getGeneration()).isEqualTo(2L);
      assertThat(updated.getStatus().getObservedGeneration()).isEqualTo(2L);
      assertThat(updated.getStatus().getOrgId()).isEqualTo(org.getMetadata().getUid());
    });
  }

  @Test
  void namespaceLabelledForAnotherOrganizationIsNeverAdopted() {
    client.resource(organization("sharer", "shared-space")).create();
    awaitReady("sharer", "True");

    client.resource(organization("intruder", "shared-space")).create();
    Organization intruder = awaitReady("intruder", "False");
    Condition ready = intruder.getStatus().condition(ApiConstants.READY).orElseThrow();
    assertThat(ready.getReason()).isEqualTo("NamespaceConflict");
    assertThat(ready.getMessage()).contains("shared-space").contains("sharer");
    assertThat(client.namespaces().withName("shared-space").get().getMetadata().getLabels())
        .containsEntry(ApiConstants.ORGANIZATION_LABEL, "sharer");

    // The intruder's settings never reach the namespace it does not own.
    assertThat(client.configMaps().inNamespace("shared-space").withName("trellis-security").get().getMetadata()
        .getLabels()).containsEntry(ApiConstants.ORGANIZATION_LABEL, "sharer");

    assertThat(intruder.getStatus().getOrgId()).as("no orgId without a namespace of its own").isNull();

    // Deleting the intruder must not delete the namespace it never owned.
    mergePatch("intruder", "{\"spec\":{\"deletionProtection\":false}}");
    client.resources(Organization.class).withName("intruder").delete();
    await().atMost(WAIT).until(() -> client.resources(Organization.class).withName("intruder").get() == null);
    assertThat(client.namespaces().withName("shared-space").get().getMetadata().getDeletionTimestamp()).isNull();
  }

  @Test
  void existingNamespaceIsAdoptedOnlyWhenMarkedForTheOrganization() {
    client.resource(new NamespaceBuilder().withNewMetadata().withName("pre-existing").endMetadata().build()).create();
    client.resource(organization("adopter", "pre-existing")).create();
    awaitReady("adopter", "False");
    assertThat(client.namespaces().withName("pre-existing").get().getMetadata().getLabels())
        .doesNotContainKey(ApiConstants.ORGANIZATION_LABEL);
    client.namespaces().withName("pre-existing").edit(ns -> new NamespaceBuilder(ns).editMetadata()
        .addToAnnotations(ApiConstants.ADOPT_ANNOTATION, "adopter").endMetadata().build());
    awaitReady("adopter", "True");
    assertThat(client.namespaces().withName("pre-existing").get().getMetadata().getLabels())
        .containsEntry(ApiConstants.ORGANIZATION_LABEL, "adopter");
  }

  @Test
  void deletingTheOrganizationDeletesItsNamespaceAndEverythingInIt() {
    client.resource(organization("shortlived", null)).create();
    awaitReady("shortlived", "True");
    client.resource(new ConfigMapBuilder().withNewMetadata().withName("data").withNamespace("org-shortlived")
        .endMetadata().addToData("k", "v").build()).create();

    mergePatch("shortlived", "{\"spec\":{\"deletionProtection\":false}}");
    client.resources(Organization.class).withName("shortlived").delete();

    await().atMost(WAIT).untilAsserted(() -> {
      assertThat(client.namespaces().withName("org-shortlived").get()).isNull();
      assertThat(client.resources(Organization.class).withName("shortlived").get()).isNull();
    });
  }

  @Test
  void apiServerRejectsASystemNamespaceAndANamespaceChange() {
    assertThatThrownBy(() -> client.resource(organization("sneaky", "kube-system")).create())
        .isInstanceOf(KubernetesClientException.class)
        .hasMessageContaining("spec.namespace cannot be a Kubernetes system namespace");

    client.resource(organization("settled", "settled-home")).create();
    assertThatThrownBy(() -> mergePatch("settled", "{\"spec\":{\"namespace\":\"elsewhere\"}}"))
        .isInstanceOf(KubernetesClientException.class)
        .hasMessageContaining("spec.namespace cannot be changed after creation");
  }

  private void mergePatch(String name, String patch) {
    new dev.trellis.reconcile.tenancy.TenancyFixture(client).mergePatch(Organization.class, null, name, patch);
  }

  @Test
  void aFailedReconcileSaysSoInReadyUntilOneSucceeds() throws Exception {
    // A policy of the cluster's own refuses the organization's namespace: the operator's create call fails.
    try (AutoCloseable policy = new dev.trellis.reconcile.tenancy.TenancyFixture(client).refuse(
        "test-refuse-org-refused", "CREATE", "namespaces", "object.metadata.name != 'org-refused'",
        "org-refused refused by the test", () -> client.namespaces()
            .resource(new NamespaceBuilder().withNewMetadata().withName("org-refused").endMetadata().build())
            .dryRun().create())) {
      client.resource(organization("refused", null)).create();
      await().atMost(WAIT).untilAsserted(() -> {
        Organization org = client.resources(Organization.class).withName("refused").get();
        assertThat(org.getStatus()).isNotNull();
        assertThat(org.getStatus().condition(ApiConstants.READY)).hasValueSatisfying(c -> {
          assertThat(c.getStatus()).isEqualTo("False");
          assertThat(c.getReason()).isEqualTo(dev.trellis.model.Reasons.RECONCILE_ERROR);
          assertThat(c.getMessage()).startsWith("Trellis could not reconcile it (").contains("refused by the test")
              .endsWith("it retries with back-off.");
        });
      });
    }
    // The next success writes Ready from the organization's state again.
    Organization ready = awaitReady("refused", "True");
    assertThat(ready.getStatus().condition(ApiConstants.READY).orElseThrow().getReason()).isEqualTo("Ready");
    assertThat(client.namespaces().withName("org-refused").get()).isNotNull();
  }

  private Organization awaitReady(String name, String status) {
    await().atMost(WAIT).untilAsserted(() -> {
      Organization org = client.resources(Organization.class).withName(name).get();
      assertThat(org.getStatus()).isNotNull();
      assertThat(org.getStatus().condition(ApiConstants.READY))
          .hasValueSatisfying(c -> assertThat(c.getStatus()).isEqualTo(status));
    });
    return client.resources(Organization.class).withName(name).get();
  }

  static Organization organization(String name, String namespace) {
    Organization org = new Organization();
    org.getMetadata().setName(name);
    OrganizationSpec spec = new OrganizationSpec();
    spec.setDisplayName(name);
    spec.setNamespace(namespace);
    org.setSpec(spec);
    return org;
  }
}
