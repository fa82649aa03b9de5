package dev.trellis.reconcile.support;

import dev.trellis.api.v1alpha1.ApiConstants;
import dev.trellis.api.v1alpha1.Condition;
import dev.trellis.model.verdict.Verdict;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds Kubernetes conditions. A condition's {@code lastTransitionTime} moves only when its status
 * changes, so that re-reconciling an unchanged object produces an identical status and writes nothing.
 */
public final class Conditions {
  private Conditions() {}

  /** The conditions of {@code previous} with {@code desired} put in place of the one of the same type. */
  public static List<Condition> set(List<Condition> previous, Condition desired, Clock clock) {
    List<Condition> result = new ArrayList<>();
    boolean replaced = false;
    for (Condition old : previous == null ? List.<Condition>of() : previous) {
      if (old.getType().equals(desired.getType())) {
        result.add(withTransitionTime(desired, old, clock));
        replaced = true;
      } else {
        result.add(old);
      }
    }
    if (!replaced) {
      result.add(withTransitionTime(desired, null, clock));
    }
    return result;
  }

  /** {@code desired} with the transition time it gets next to {@code previous} (see {@link #set}). */
  public static Condition next(List<Condition> previous, Condition desired, Clock clock) {
    Condition old = previous == null ? null
        : previous.stream().filter(c -> c.getType().equals(desired.getType())).findFirst().orElse(null);
    return withTransitionTime(desired, old, clock);
  }

  /** A condition without its transition time, which {@link #set} fills in. */
  public static Condition of(String type, boolean status, String reason, String message, Long generation) {
    return new Condition(type, status ? "True" : "False", reason, message, null, generation);
  }

  /** The Ready condition of {@code resource} as the model's verdict says it should be. */
  public static Condition ready(Verdict verdict, HasMetadata resource) {
    return of(ApiConstants.READY, verdict.ready(), verdict.reason(), verdict.message(),
        resource.getMetadata().getGeneration());
  }

  private static Condition withTransitionTime(Condition desired, Condition old, Clock clock) {
    String time = old != null && old.getStatus().equals(desired.getStatus()) && old.getLastTransitionTime() != null
        ? old.getLastTransitionTime()
        : Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString();
    return new Condition(desired.getType(), desired.getStatus(), desired.getReason(), desired.getMessage(), time,
        desired.getObservedGeneration());
  }
}
