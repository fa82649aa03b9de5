package dev.trellis.reconcile.status;

import dev.trellis.api.v1alpha1.PartnershipAcceptance;
import dev.trellis.api.v1alpha1.PartnershipAcceptanceStatus;
import dev.trellis.api.v1alpha1.PartnershipPhase;
import dev.trellis.model.Reasons;
import dev.trellis.model.partnership.AcceptanceJudge;
import dev.trellis.model.partnership.PartnershipTransition;
import dev.trellis.reconcile.support.Conditions;
import java.time.Clock;

/**
 * A partnership acceptance's status, on the partner's side: the customer organization, and the partnership's
 * phase mirrored as {@link AcceptanceJudge} reads it from what the acceptance refers to; or DuplicateAcceptance
 * when another acceptance of the same partnership, created earlier, is the one that counts.
 */
public final class PartnershipAcceptanceStatusAssembler {
  private PartnershipAcceptanceStatusAssembler() {}

  /**
   * What the acceptance refers to: the customer organization (null when no active one has the orgId), whether the
   * customer has the named partnership, whether it names this partner, and its phase (null when it does not).
   */
  public record Referred(String customerOrganization, boolean partnershipFound, boolean namesUs,
      PartnershipPhase phase) {}

  public static PartnershipAcceptanceStatus assemble(PartnershipAcceptance acceptance, Referred referred,
      Clock clock) {
    PartnershipPhase previous = acceptance.getStatus() == null ? null : acceptance.getStatus().getPhase();
    PartnershipTransition t = AcceptanceJudge.judge(referred.customerOrganization() != null,
        referred.partnershipFound(), referred.namesUs(), referred.phase(), previous);
    return StatusAssembly.assemble(acceptance, PartnershipAcceptanceStatus::new, s -> {
      s.setPhase(t.phase());
      s.setCustomerOrganization(referred.customerOrganization());
    }, Conditions.ready(AcceptanceJudge.ready(t), acceptance), clock);
  }

  /** The status of an acceptance that takes no part: {@code counting} accepts the same partnership. */
  public static PartnershipAcceptanceStatus duplicate(PartnershipAcceptance acceptance, String customerOrganization,
      String counting, Clock clock) {
    return StatusAssembly.assemble(acceptance, PartnershipAcceptanceStatus::new,
        s -> s.setCustomerOrganization(customerOrganization),
        StatusAssembly.notReady(Reasons.DUPLICATE_ACCEPTANCE, "PartnershipAcceptance " + counting
            + ", created earlier, already accepts partnership " + acceptance.getSpec().getPartnership()
            + " of this customer; this one takes no part: change that one and delete this.", acceptance),
        clock);
  }
}
