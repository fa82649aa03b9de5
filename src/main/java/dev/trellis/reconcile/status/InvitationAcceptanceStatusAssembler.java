package dev.trellis.reconcile.status;

import dev.trellis.api.v1alpha1.InvitationAcceptance;
import dev.trellis.api.v1alpha1.InvitationAcceptanceStatus;
import dev.trellis.model.Reasons;
import dev.trellis.model.verdict.Verdict;
import dev.trellis.reconcile.support.Conditions;
import java.time.Clock;
import java.util.Optional;

/**
 * An invitation acceptance's status. While the admission policy that lets only invitees create acceptances is not
 * in force for it ({@code distrust} says why), it is AdmissionPolicyMissing — unless its member already records it
 * as the acceptance that counted, which stays counted whatever happened to the policy since. Otherwise Ready is
 * the model's verdict; empty when the resolution judged no such acceptance.
 */
public final class InvitationAcceptanceStatusAssembler {
  private InvitationAcceptanceStatusAssembler() {}

  public static Optional<InvitationAcceptanceStatus> assemble(InvitationAcceptance acceptance,
      Optional<String> distrust, boolean recordedByItsMember, Verdict judged, Clock clock) {
    Verdict verdict = distrust.filter(why -> !recordedByItsMember)
        .map(why -> Verdict.invalid(Reasons.ADMISSION_POLICY_MISSING, why))
        .orElse(judged);
    return Optional.ofNullable(verdict).map(v -> StatusAssembly.assemble(acceptance,
        InvitationAcceptanceStatus::new, s -> {}, Conditions.ready(v, acceptance), clock));
  }
}
