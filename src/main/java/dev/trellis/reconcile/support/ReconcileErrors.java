package dev.trellis.reconcile.support;

import dev.trellis.api.v1alpha1.ApiConstants;
import dev.trellis.api.v1alpha1.Condition;
import dev.trellis.model.Reasons;
import io.fabric8.kubernetes.client.KubernetesClientException;

/** The Ready condition of an object whose reconcile failed: reason ReconcileError and what failed, in one sentence. */
public final class ReconcileErrors {
  private static final int MAX_MESSAGE = 400;

  private ReconcileErrors() {}

  /**
   * Whether the failure is worth a status: not a 409 Conflict, which is a write racing another (the operator's other
   * controller, a user) and is retried at once. Reporting it would flap Ready and raise a warning Event for nothing.
   */
  public static boolean worthReporting(Exception e) {
    return apiFailure(e).map(k -> k.getCode() != java.net.HttpURLConnection.HTTP_CONFLICT).orElse(true);
  }

  public static Condition ready(Exception e, Long generation) {
    return Conditions.of(ApiConstants.READY, false, Reasons.RECONCILE_ERROR, message(e), generation);
  }

  /** "Trellis could not reconcile it (409: the API server's message); it retries." */
  static String message(Exception e) {
    String what;
    KubernetesClientException k = apiFailure(e).orElse(null);
    if (k != null) {
      String said = k.getStatus() != null && k.getStatus().getMessage() != null ? k.getStatus().getMessage()
          : firstLine(k.getMessage());
      what = k.getCode() > 0 ? k.getCode() + ": " + said : said;
    } else {
      what = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + firstLine(e.getMessage()));
    }
    if (what.length() > MAX_MESSAGE) {
      what = what.substring(0, MAX_MESSAGE) + "…";
    }
    return "Trellis could not reconcile it (" + what + "); it retries with back-off.";
  }

  /** The API server's answer behind {@code e}: the first KubernetesClientException in its chain of causes. */
  private static java.util.Optional<KubernetesClientException> apiFailure(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
      if (cause instanceof KubernetesClientException k) {
        return java.util.Optional.of(k);
      }
    }
    return java.util.Optional.empty();
  }

  private static String firstLine(String text) {
    int end = text.indexOf('\n');
    return end < 0 ? text : text.substring(0, end);
  }
}
