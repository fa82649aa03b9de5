package dev.trellis.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** What Trellis observed about a member, including the customer organizations it can switch to. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class MemberStatus extends TrellisStatus {

  @JsonPropertyDescription(
    "The customer organizations this member can switch to through established partnerships, with the roles"
        + " each customer gave it. Absent when there are none.")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  private List<PartnerAccess> partnerAccess = new ArrayList<>();

  @JsonPropertyDescription("Invited (waiting for the invitee), Active, or Expired (the invitation ran out).")
  private MemberPhase phase;

  @JsonPropertyDescription("Where the invitation stands, for a member created with spec.invitation.")
  private InvitationStatus invitation;

  public MemberPhase getPhase() {
    return phase;
  }

  public void setPhase(MemberPhase phase) {
    this.phase = phase;
  }

  public InvitationStatus getInvitation() {
    return invitation;
  }

  public void setInvitation(InvitationStatus invitation) {
    this.invitation = invitation;
  }

  public List<PartnerAccess> getPartnerAccess() {
    return partnerAccess;
  }

  public void setPartnerAccess(List<PartnerAccess> partnerAccess) {
    this.partnerAccess = partnerAccess == null ? new ArrayList<>() : partnerAccess;
  }

  @Override
  public boolean equals(Object o) {
    if (!super.equals(o)) return false;
    MemberStatus that = (MemberStatus) o;
    return Objects.equals(partnerAccess, that.partnerAccess) && phase == that.phase
        && Objects.equals(invitation, that.invitation);
  }

  @Override
  public int hashCode() {
    return Objects.hash(super.hashCode(), partnerAccess, phase, invitation);
  }
}
