package dev.trellis.model.partnership;

import dev.trellis.api.v1alpha1.PartnershipPhase;
import dev.trellis.model.Reasons;
import dev.trellis.model.verdict.Verdict;

/**
 * A Partnership's Ready condition, from where its state machine settled: Ready only when Established.
 *
 * <p>Messages depend on the phase, not on the step that led there, so that the condition does not change
 * between the reconcile that made a transition and the next one. Two exceptions carry the step's own message:
 * Initiated, whose reasons (PartnerNotFound, SelfPartnership, AwaitingAcceptance) say what to do, and
 * Terminated, whose message says why when given the terminating transition (see
 * {@link PartnershipHistory#lastTransition}).
 */
public final class PartnershipReadiness {
  private PartnershipReadiness() {}

  public static Verdict ready(PartnershipTransition t) {
    if (t.phase() == null) {
      throw new IllegalArgumentException("a partnership's transition always has a phase: " + t);
    }
    return switch (t.phase()) {
      case Established -> Verdict.ok(
          "The partnership is established; the members the partner's acceptance lists can be given roles.");
      case Initiated -> Verdict.invalid(t.reason(), t.message());
      case Paused -> Verdict.invalid(Reasons.PAUSED,
          "The partnership is paused: the partner members' access is suspended; set spec.paused to false to"
              + " resume it.");
      case Terminated -> Verdict.invalid(Reasons.TERMINATED, t.message());
    };
  }

  /** The Ready verdict of {@code current}, or, for a Terminated partnership, of the step that terminated it. */
  public static Verdict ready(PartnershipTransition current, PartnershipTransition lastRecorded) {
    boolean keepWhy = current.phase() == PartnershipPhase.Terminated && lastRecorded != null
        && lastRecorded.phase() == PartnershipPhase.Terminated;
    return ready(keepWhy ? lastRecorded : current);
  }
}
