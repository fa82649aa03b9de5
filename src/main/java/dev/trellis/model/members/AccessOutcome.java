package dev.trellis.model.members;

import dev.trellis.api.v1alpha1.MemberPhase;
import dev.trellis.model.snapshot.InvitationNode;
import dev.trellis.model.verdict.Verdict;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What an organization's resolution says about its people: each member's phase and invitation, each
 * InvitationAcceptance's verdict, the account owners' addresses with their verdict, the allowed domains (null
 * when unrestricted) and the single sign-on verdict.
 */
public record AccessOutcome(
    Map<String, MemberPhase> phases,
    Map<String, InvitationNode> invitations,
    Map<String, Verdict> acceptances,
    List<String> owners,
    Verdict ownersVerdict,
    Set<String> allowedDomains,
    Verdict singleSignOn) {

  /** At least two account owners are recommended (seed 003). */
  public static final int RECOMMENDED_OWNERS = 2;
}
