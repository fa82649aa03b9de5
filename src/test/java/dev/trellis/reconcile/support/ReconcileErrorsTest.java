package dev.trellis.reconcile.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import org.junit.jupiter.api.Test;

class ReconcileErrorsTest {
  private static KubernetesClientException refused(int code, String message) {
    return new KubernetesClientException(new StatusBuilder().withCode(code).withMessage(message).build());
  }

  @Test
  void theMessageGivesTheApiServersAnswerInOneSentence() {
    var condition = ReconcileErrors.ready(refused(403, "namespaces \"org-x\" is forbidden: refused by policy"), 3L);
    assertThat(condition.getReason()).isEqualTo("ReconcileError");
    assertThat(condition.getStatus()).isEqualTo("False");
    assertThat(condition.getMessage()).isEqualTo("Trellis could not reconcile it (403: namespaces \"org-x\" is"
        + " forbidden: refused by policy); it retries with back-off.");
    // Wrapped, the API server's answer is still found.
    assertThat(ReconcileErrors.message(new IllegalStateException("outer", refused(500, "etcd timeout"))))
        .contains("(500: etcd timeout)");
    assertThat(ReconcileErrors.message(new NullPointerException("x is null\nat somewhere")))
        .isEqualTo("Trellis could not reconcile it (NullPointerException: x is null); it retries with back-off.");
    assertThat(ReconcileErrors.message(new IllegalStateException("y".repeat(1000)))).hasSizeLessThan(500);
  }

  @Test
  void aConflictIsNotReported() {
    assertThat(ReconcileErrors.worthReporting(refused(409, "the object has been modified"))).isFalse();
    assertThat(ReconcileErrors.worthReporting(new RuntimeException(refused(409, "modified")))).isFalse();
    assertThat(ReconcileErrors.worthReporting(refused(403, "forbidden"))).isTrue();
    assertThat(ReconcileErrors.worthReporting(new IllegalStateException("bug"))).isTrue();
  }
}
