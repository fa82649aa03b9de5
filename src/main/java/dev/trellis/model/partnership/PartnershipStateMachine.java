package dev.trellis.model.partnership;

import static dev.trellis.api.v1alpha1.PartnershipPhase.Established;
import static dev.trellis.api.v1alpha1.PartnershipPhase.Initiated;
import static dev.trellis.api.v1alpha1.PartnershipPhase.Paused;
import static dev.trellis.api.v1alpha1.PartnershipPhase.Terminated;

import dev.trellis.api.v1alpha1.PartnershipPhase;
import dev.trellis.model.Reasons;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a partnership's phase is decided (DESIGN §2, Partnership): Initiated until a matching acceptance
 * exists, then Established, Paused while the customer pauses it, and Terminated for good.
 *
 * <p>Pure and clock-free: the reconciler observes the caches into a {@link PartnershipObservation}, passes the
 * phase recorded in the Partnership's status ({@code null} for a new partnership), and records the
 * transitions {@link #settle} returns in {@code status.history} with the time it chooses.
 */
public final class PartnershipStateMachine {
  /** More than the longest chain of changes (new, Established, Paused): a guard, never reached. */
  static final int MAX_STEPS = 4;

  private PartnershipStateMachine() {}

  /**
   * One step from {@code previous} ({@code null} for a partnership that has no phase yet). The rules, first
   * match wins:
   * <ol>
   *   <li>Terminated is final;
   *   <li>{@code spec.terminated} terminates ({@code TerminatedByCustomer});
   *   <li>a customer organization that is gone or inactive terminates ({@code CustomerGone}), whether or not the
   *       partnership was ever established;
   *   <li>after establishment, a partner that is gone ({@code PartnerGone}) or an acceptance that was withdrawn
   *       ({@code AcceptanceWithdrawn}) terminates;
   *   <li>a partnership naming the customer itself stays Initiated ({@code SelfPartnership});
   *   <li>before establishment: Initiated while the partner is not found or has not accepted, else
   *       Established ({@code Accepted});
   *   <li>Established and Paused follow {@code spec.paused} ({@code PausedByCustomer}, {@code Resumed}).
   * </ol>
   * The self rule comes after the termination rules but cannot meet an established partnership: both orgIds
   * are immutable, so a partnership naming its own customer never leaves Initiated.
   */
  public static PartnershipTransition next(PartnershipPhase previous, PartnershipObservation o) {
    if (previous == Terminated) {
      return new PartnershipTransition(Terminated, Reasons.TERMINATED,
          "The partnership is terminated for good; create a new Partnership to work with this partner again.");
    }
    if (o.terminatedRequested()) {
      return new PartnershipTransition(Terminated, Reasons.TERMINATED_BY_CUSTOMER,
          "The customer terminated the partnership (spec.terminated: true); it cannot be resumed, so create a new"
              + " Partnership to work with this partner again.");
    }
    if (!o.customerActive()) {
      return new PartnershipTransition(Terminated, Reasons.CUSTOMER_GONE,
          "The customer organization was deleted or made inactive, so the partnership ended for good.");
    }
    boolean wasEstablished = previous == Established || previous == Paused;
    if (wasEstablished && !o.partnerFound()) {
      return new PartnershipTransition(Terminated, Reasons.PARTNER_GONE,
          "The partner organization was deleted or made inactive, so the partnership ended for good.");
    }
    if (wasEstablished && !o.accepted()) {
      return new PartnershipTransition(Terminated, Reasons.ACCEPTANCE_WITHDRAWN,
          "The partner deleted its PartnershipAcceptance, so the partnership ended for good; create a new"
              + " Partnership if the partner wants to work with this organization again.");
    }
    if (o.self()) {
      return new PartnershipTransition(Initiated, Reasons.SELF_PARTNERSHIP,
          "spec.partnerOrgId is this organization's own orgId and an organization cannot partner with itself;"
              + " create a Partnership that names the partner's orgId instead.");
    }
    if (previous == null || previous == Initiated) {
      if (!o.partnerFound()) {
        return new PartnershipTransition(Initiated, Reasons.PARTNER_NOT_FOUND,
            "No Active organization has the orgId in spec.partnerOrgId; check the orgId the partner shared"
                + " (kubectl get org <partner> -o jsonpath='{.status.orgId}').");
      }
      if (!o.accepted()) {
        return new PartnershipTransition(Initiated, Reasons.AWAITING_ACCEPTANCE,
            "Waiting for the partner to accept: it creates a PartnershipAcceptance in its namespace that names"
                + " this organization's orgId and this Partnership.");
      }
      return new PartnershipTransition(Established, Reasons.ACCEPTED,
          "The partner accepted the partnership; the members its acceptance lists can now be given roles.");
    }
    if (previous == Established) {
      return o.pausedRequested()
          ? new PartnershipTransition(Paused, Reasons.PAUSED_BY_CUSTOMER,
              "The customer paused the partnership (spec.paused: true); the partner members' access is suspended"
                  + " until spec.paused is set back to false.")
          : new PartnershipTransition(Established, Reasons.ESTABLISHED,
              "The partnership is established; the members the partner's acceptance lists can be given roles.");
    }
    return o.pausedRequested()
        ? new PartnershipTransition(Paused, Reasons.PAUSED,
            "The partnership is paused; set spec.paused to false to give the partner members their access back.")
        : new PartnershipTransition(Established, Reasons.RESUMED,
            "The customer resumed the partnership; the partner members have their access back.");
  }

  /**
   * The transitions that take a partnership from {@code previous} to where {@code o} leaves it, in order:
   * {@link #next} applied until the phase stops changing. Only steps that change the phase are returned,
   * so the list is empty when nothing changed. For a new partnership ({@code previous == null}) the first
   * step always counts: creating a partnership is recorded as entering its first phase, which is Initiated
   * unless the acceptance already exists (Established, then Paused if it is paused) or it is created
   * terminated or in a customer organization that is gone.
   */
  public static List<PartnershipTransition> settle(PartnershipPhase previous, PartnershipObservation o) {
    List<PartnershipTransition> changes = new ArrayList<>();
    PartnershipPhase phase = previous;
    for (int step = 0; step < MAX_STEPS; step++) {
      PartnershipTransition t = next(phase, o);
      if (t.phase() == phase) {
        break;
      }
      changes.add(t);
      phase = t.phase();
    }
    return List.copyOf(changes);
  }

  /**
   * Where the partnership settles: the last change {@link #settle} returns, or, when nothing changes, the
   * step that keeps it in its phase (whose reason says why it stays there, such as AwaitingAcceptance).
   */
  public static PartnershipTransition current(PartnershipPhase previous, PartnershipObservation o) {
    List<PartnershipTransition> changes = settle(previous, o);
    return changes.isEmpty() ? next(previous, o) : changes.get(changes.size() - 1);
  }

  /** Whether a partnership in {@code phase} lets partner members in: only when it is Established. */
  public static boolean grants(PartnershipPhase phase) {
    return phase == Established;
  }
}
