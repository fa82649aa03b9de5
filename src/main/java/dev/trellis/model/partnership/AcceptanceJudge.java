package dev.trellis.model.partnership;

import static dev.trellis.api.v1alpha1.PartnershipPhase.Established;
import static dev.trellis.api.v1alpha1.PartnershipPhase.Paused;
import static dev.trellis.api.v1alpha1.PartnershipPhase.Terminated;

import dev.trellis.api.v1alpha1.PartnershipPhase;
import dev.trellis.model.Reasons;
import dev.trellis.model.verdict.Verdict;

/**
 * Where a PartnershipAcceptance stands: it mirrors the phase of the Partnership it accepts, and says why when
 * it matches none. An acceptance that was part of an established partnership becomes Terminated when the
 * customer or its Partnership goes away, as the Partnership itself would.
 */
public final class AcceptanceJudge {
  private AcceptanceJudge() {}

  /**
   * @param customerFound an Active organization has the orgId {@code spec.customerOrgId} names
   * @param partnershipFound that organization's namespace holds the Partnership {@code spec.partnership} names
   * @param partnershipNamesThisOrganization that Partnership's {@code spec.partnerOrgId} is this (the partner)
   *     organization's orgId
   * @param partnershipPhase that Partnership's phase; null when it has none yet, which counts as Initiated
   * @param previous the acceptance's own phase in its status; null when it has none
   * @return the acceptance's phase (null while it matches no partnership), reason and message
   */
  public static PartnershipTransition judge(boolean customerFound, boolean partnershipFound,
      boolean partnershipNamesThisOrganization, PartnershipPhase partnershipPhase, PartnershipPhase previous) {
    if (previous == Terminated) {
      // Final, like the partnership it mirrored: a new Partnership of the same name needs a new acceptance.
      return new PartnershipTransition(Terminated, Reasons.TERMINATED, "The partnership this acceptance accepted"
          + " ended for good; delete this acceptance, and create a new one to accept a new partnership.");
    }
    boolean wasEstablished = previous == Established || previous == Paused;
    if (!customerFound) {
      return wasEstablished
          ? new PartnershipTransition(Terminated, Reasons.CUSTOMER_GONE,
              "The customer organization was deleted or made inactive, so the partnership ended for good.")
          : new PartnershipTransition(null, Reasons.CUSTOMER_NOT_FOUND,
              "No Active organization has the orgId in spec.customerOrgId; check the orgId the customer shared"
                  + " (kubectl get org <customer> -o jsonpath='{.status.orgId}').");
    }
    if (!partnershipFound) {
      return wasEstablished
          ? new PartnershipTransition(Terminated, Reasons.PARTNERSHIP_WITHDRAWN,
              "The customer deleted the Partnership, so the partnership ended for good.")
          : new PartnershipTransition(null, Reasons.PARTNERSHIP_NOT_FOUND,
              "The customer organization has no Partnership with the name in spec.partnership; ask the customer"
                  + " for the name of the Partnership it created.");
    }
    if (!partnershipNamesThisOrganization) {
      return new PartnershipTransition(null, Reasons.NOT_INVITED,
          "The customer's Partnership names another organization as its partner: only the organization whose"
              + " orgId the customer named in spec.partnerOrgId can accept it.");
    }
    PartnershipPhase mirrored = partnershipPhase == null ? PartnershipPhase.Initiated : partnershipPhase;
    return switch (mirrored) {
      case Initiated -> new PartnershipTransition(mirrored, Reasons.PARTNERSHIP_NOT_ESTABLISHED,
          "The customer's Partnership is not established yet; it becomes Established once Trellis has matched it"
              + " with this acceptance.");
      case Established -> new PartnershipTransition(mirrored, Reasons.ESTABLISHED,
          "The partnership is established; the customer can give roles to the members listed here.");
      case Paused -> new PartnershipTransition(mirrored, Reasons.PAUSED,
          "The customer paused the partnership; the listed members' access to the customer is suspended until it"
              + " resumes it.");
      case Terminated -> new PartnershipTransition(mirrored, Reasons.TERMINATED,
          "The customer's Partnership is terminated for good, so the listed members have no access to the"
              + " customer; this acceptance can be deleted.");
    };
  }

  /** The acceptance's Ready condition: Ready only while the partnership it mirrors is Established. */
  public static Verdict ready(PartnershipTransition t) {
    if (t.phase() == Established) {
      return Verdict.ok(t.message());
    }
    if (t.phase() == Terminated) {
      return Verdict.invalid(Reasons.TERMINATED, t.message());
    }
    if (t.phase() == Paused) {
      return Verdict.invalid(Reasons.PAUSED, t.message());
    }
    return Verdict.invalid(t.reason(), t.message());
  }
}
