package dev.trellis.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trellis.api.v1alpha1.RoleBinding;
import dev.trellis.reconcile.tenancy.TenancyFixture;
import dev.trellis.testsupport.ControlPlane;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.ValidatingWebhookConfiguration;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code make bench-admission}: what Trellis's admission webhook adds to a RoleBinding create, on the real API
 * server with the operator under test. Creates {@value #N} bindings each way, one after another, and prints p50/p99
 * in milliseconds: without the webhook registered, through the RBAC path (a cluster administrator: one
 * SubjectAccessReview) and through the member path (Trellis judges the organization). Not part of {@code make test}.
 */
@QuarkusTest
class AdmissionLatencyRun {
  private static final int N = Integer.getInteger("trellis.bench.admission.n", 200);

  @Test
  void roleBindingCreateLatency() throws Exception {
    KubernetesClient admin = ControlPlane.get().admin();
    TenancyFixture given = new TenancyFixture(admin);
    String ns = given.organization("latency");
    given.apply(ns, """
        apiVersion: iam.trellis.dev/v1alpha1
        kind: Member
        metadata: {name: bob}
        spec: {type: User, email: bob@latency.example}
        ---
        apiVersion: iam.trellis.dev/v1alpha1
        kind: Member
        metadata: {name: dave}
        spec: {type: User, email: dave@latency.example}
        ---
        apiVersion: iam.trellis.dev/v1alpha1
        kind: RoleBinding
        metadata: {name: bob-admin}
        spec: {role: organization-admin, subject: {kind: Member, name: bob}, scope: {kind: Organization}}
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleBinding
        metadata: {name: bob-edits}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: admin}
        subjects: [{apiGroup: rbac.authorization.k8s.io, kind: User, name: bob@latency.example}]
        """);
    given.awaitReady(RoleBinding.class, ns, "bob-admin", true, "Ready");
    try (KubernetesClient bob = ControlPlane.get().clientAs("bob@latency.example")) {
      org.awaitility.Awaitility.await().atMost(TenancyFixture.WAIT).ignoreExceptions()
          .until(() -> create(bob, ns, "warm-up") >= 0);
      var webhooks = admin.admissionRegistration().v1().validatingWebhookConfigurations();
      ValidatingWebhookConfiguration registered = webhooks.withName("trellis-iam").get();
      List<Long> member = times(bob, ns, "member");
      List<Long> rbac = times(admin, ns, "rbac");
      webhooks.withName("trellis-iam").delete();
      org.awaitility.Awaitility.await().atMost(TenancyFixture.WAIT)
          .until(() -> webhooks.withName("trellis-iam").get() == null);
      List<Long> without;
      try {
        without = times(admin, ns, "none");
      } finally {
        registered.getMetadata().setResourceVersion(null);
        registered.getMetadata().setUid(null);
        registered.getMetadata().setManagedFields(null);
        admin.resource(registered).create();
      }
      System.out.printf("%nRoleBinding create, %d each, one after another (ms)%n", N);
      System.out.printf("| path | p50 | p99 |%n|---|---|---|%n");
      System.out.printf("| no webhook | %d | %d |%n", pct(without, 50), pct(without, 99));
      System.out.printf("| webhook, RBAC path (cluster administrator) | %d | %d |%n", pct(rbac, 50), pct(rbac, 99));
      System.out.printf("| webhook, member path (organization admin) | %d | %d |%n%n", pct(member, 50),
          pct(member, 99));
      assertThat(member).hasSize(N);
    }
  }

  private static List<Long> times(KubernetesClient as, String ns, String prefix) {
    List<Long> millis = new ArrayList<>();
    for (int i = 0; i < N; i++) {
      millis.add(create(as, ns, prefix + "-" + i));
    }
    Collections.sort(millis);
    return millis;
  }

  private static long create(KubernetesClient as, String ns, String name) {
    String yaml = """
        apiVersion: iam.trellis.dev/v1alpha1
        kind: RoleBinding
        metadata: {name: %s}
        spec: {role: super-viewer, subject: {kind: Member, name: dave}, scope: {kind: Organization}}
        """.formatted(name);
    long start = System.nanoTime();
    as.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8))).inNamespace(ns).create();
    return (System.nanoTime() - start) / 1_000_000;
  }

  private static long pct(List<Long> sorted, int percentile) {
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1));
  }
}
