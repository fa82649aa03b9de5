package dev.trellis.reconcile.status;

import dev.trellis.api.v1alpha1.InvitationStatus;
import dev.trellis.api.v1alpha1.Member;
import dev.trellis.api.v1alpha1.MemberStatus;
import dev.trellis.api.v1alpha1.PartnerAccess;
import dev.trellis.model.members.AccessOutcome;
import dev.trellis.model.snapshot.InvitationNode;
import dev.trellis.model.verdict.Verdict;
import dev.trellis.reconcile.support.Conditions;
import java.time.Clock;
import java.util.List;

/**
 * A member's status: Ready as the model judged it, its phase and invitation from its organization's access
 * outcome, and the customer organizations it can switch to (its partner access, null when none).
 */
public final class MemberStatusAssembler {
  private MemberStatusAssembler() {}

  public static MemberStatus assemble(Member member, Verdict verdict, AccessOutcome access,
      List<PartnerAccess> partnerAccess, Clock clock) {
    String name = member.getMetadata().getName();
    InvitationNode invitation = access.invitations().get(name);
    return StatusAssembly.assemble(member, MemberStatus::new, s -> {
      s.setPartnerAccess(partnerAccess);
      s.setPhase(access.phases().get(name));
      s.setInvitation(invitation == null ? null : new InvitationStatus(invitation.expiresAt().toString(),
          invitation.acceptedAt() == null ? null : invitation.acceptedAt().toString(), invitation.acceptance()));
    }, Conditions.ready(verdict, member), clock);
  }
}
