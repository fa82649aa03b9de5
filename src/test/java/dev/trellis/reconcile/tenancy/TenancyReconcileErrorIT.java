package dev.trellis.reconcile.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trellis.api.v1alpha1.ApiConstants;
import dev.trellis.api.v1alpha1.Condition;
import dev.trellis.api.v1alpha1.Project;
import dev.trellis.api.v1alpha1.RoleBinding;
import dev.trellis.model.Reasons;
import dev.trellis.testsupport.DumpOnFailure;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A reconcile of an organization's namespace that fails says so in the Ready condition of the objects waiting for
 * it, with the API server's message, and the next success replaces it with their verdicts; grants already written
 * stay.
 */
@QuarkusTest
@ExtendWith(DumpOnFailure.class)
class TenancyReconcileErrorIT {
  private static final String REFUSED = "status of project p refused by the test";

  KubernetesClient client = dev.trellis.testsupport.ControlPlane.get().admin();
  TenancyFixture given = new TenancyFixture(client);

  @Test
  void aFailedNamespaceReconcileSaysSoOnTheObjectsWaitingForItUntilOneSucceeds() throws Exception {
    String ns = given.organization("errs");
    given.oneAnalyst(ns, "ann", "ann@errs.example", null);
    awaitReady(ns, "p", "True", null);
    await().atMost(TenancyFixture.WAIT).until(() -> holders(given.document(ns, "c")).contains("ann@errs.example"));

    // A policy of the cluster's own refuses every status write to project p: each reconcile of the namespace that
    // has something new to say about p fails there.
    try (AutoCloseable policy = given.refuse("test-refuse-project-status", "iam.trellis.dev", "UPDATE",
        "projects/status", "object.metadata.name != 'p'", REFUSED,
        () -> client.resources(Project.class).inNamespace(ns).withName("p").dryRun().subresource("status")
            .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"status\":{\"observedGeneration\":0}}"))) {
      given.apply(ns, """
          apiVersion: iam.trellis.dev/v1alpha1
          kind: Folder
          metadata: {name: f}
          spec: {}
          """);
      given.mergePatch(Project.class, ns, "p", "{\"spec\":{\"folder\":\"f\"}}");
      given.apply(ns, """
          apiVersion: iam.trellis.dev/v1alpha1
          kind: Project
          metadata: {name: q}
          spec: {}
          """);
      // q was created after the failure began: no successful reconcile has judged it.
      Condition error = awaitReady(ns, "q", "False", Reasons.RECONCILE_ERROR);
      assertThat(error.getMessage()).startsWith("Trellis could not reconcile it (").contains(REFUSED)
          .endsWith("it retries with back-off.");
      // p's own status cannot be written: it keeps what it said, for the generation it said it of.
      Project p = client.resources(Project.class).inNamespace(ns).withName("p").get();
      assertThat(p.getStatus().getObservedGeneration()).isLessThan(p.getMetadata().getGeneration());
      assertThat(p.getStatus().condition(ApiConstants.READY).orElseThrow().isTrue()).isTrue();
      // Objects whose status is current keep it, and the grants written before stay.
      RoleBinding binding = client.resources(RoleBinding.class).inNamespace(ns).withName("ann-analyst").get();
      assertThat(binding.getStatus().condition(ApiConstants.READY).orElseThrow().isTrue()).isTrue();
      assertThat(holders(given.document(ns, "c"))).contains("ann@errs.example");
    }

    // The next success writes every verdict again.
    awaitReady(ns, "q", "True", "Ready");
    await().atMost(TenancyFixture.WAIT).untilAsserted(() -> {
      Project p = client.resources(Project.class).inNamespace(ns).withName("p").get();
      assertThat(p.getStatus().getObservedGeneration()).isEqualTo(p.getMetadata().getGeneration());
      assertThat(p.getStatus().condition(ApiConstants.READY).orElseThrow().isTrue()).isTrue();
    });
  }

  private Condition awaitReady(String ns, String project, String status, String reason) {
    Condition[] found = new Condition[1];
    await().atMost(TenancyFixture.WAIT).untilAsserted(() -> {
      Project p = client.resources(Project.class).inNamespace(ns).withName(project).get();
      assertThat(p.getStatus()).isNotNull();
      assertThat(p.getStatus().condition(ApiConstants.READY)).hasValueSatisfying(c -> {
        assertThat(c.getStatus()).isEqualTo(status);
        if (reason != null) {
          assertThat(c.getReason()).isEqualTo(reason);
        }
        found[0] = c;
      });
    });
    return found[0];
  }

  private static List<String> holders(JsonNode document) {
    List<String> subjects = new ArrayList<>();
    document.path("entries").forEach(e -> subjects.add(e.path("subject").asText()));
    return subjects;
  }
}
