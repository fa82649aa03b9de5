package dev.trellis.reconcile.status;

import static dev.trellis.reconcile.status.Fixtures.EARLIER;
import static dev.trellis.reconcile.status.Fixtures.T0;
import static dev.trellis.reconcile.status.Fixtures.named;
import static org.assertj.core.api.Assertions.assertThat;

import dev.trellis.api.v1alpha1.InvitationStatus;
import dev.trellis.api.v1alpha1.Member;
import dev.trellis.api.v1alpha1.MemberPhase;
import dev.trellis.api.v1alpha1.MemberStatus;
import dev.trellis.api.v1alpha1.PartnerAccess;
import dev.trellis.api.v1alpha1.PartnerRole;
import dev.trellis.model.members.AccessOutcome;
import dev.trellis.model.snapshot.InvitationNode;
import dev.trellis.model.verdict.Verdict;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MemberStatusAssemblerTest {
  private static final Verdict OK = Verdict.ok("fine");

  private static AccessOutcome access(Map<String, MemberPhase> phases, Map<String, InvitationNode> invitations) {
    return new AccessOutcome(phases, invitations, Map.of(), List.of(), OK, Set.of(), OK);
  }

  @Test
  void anInvitedMemberShowsItsPhaseAndPendingInvitation() {
    Member member = named(new Member(), "alice", 1);
    MemberStatus status = MemberStatusAssembler.assemble(member, OK,
        access(Map.of("alice", MemberPhase.Invited), Map.of("alice", InvitationNode.pending(T0))), null, EARLIER);
    assertThat(status.getPhase()).isEqualTo(MemberPhase.Invited);
    assertThat(status.getInvitation()).isEqualTo(new InvitationStatus(T0.toString(), null, null));
    assertThat(status.getPartnerAccess()).isNullOrEmpty();
  }

  @Test
  void anAcceptedInvitationNamesItsAcceptance() {
    Member member = named(new Member(), "alice", 1);
    MemberStatus status = MemberStatusAssembler.assemble(member, OK,
        access(Map.of("alice", MemberPhase.Active),
            Map.of("alice", new InvitationNode(T0, T0.minusSeconds(60), "alice-accepts"))),
        null, EARLIER);
    assertThat(status.getInvitation()).isEqualTo(
        new InvitationStatus(T0.toString(), T0.minusSeconds(60).toString(), "alice-accepts"));
  }

  @Test
  void aPartnerMemberListsTheCustomersItCanSwitchTo() {
    Member member = named(new Member(), "bob", 1);
    List<PartnerAccess> access = List.of(new PartnerAccess("acme", "uid-acme", "org-acme", "msp",
        List.of(new PartnerRole("viewer", "organization"))));
    MemberStatus status = MemberStatusAssembler.assemble(member, OK,
        access(Map.of("bob", MemberPhase.Active), Map.of()), access, EARLIER);
    assertThat(status.getPartnerAccess()).isEqualTo(access);
    assertThat(status.getInvitation()).isNull();
  }
}
