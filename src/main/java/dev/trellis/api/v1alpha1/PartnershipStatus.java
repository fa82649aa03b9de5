package dev.trellis.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Where a partnership stands, with whom, who takes part, and how it got there. Empty lists are left out. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class PartnershipStatus extends TrellisStatus {

  @JsonPropertyDescription(
    "Initiated (waiting for the partner's acceptance), Established (partner members can be given roles),"
        + " Paused (their access is suspended) or Terminated (over for good).")
  private PartnershipPhase phase;

  @JsonPropertyDescription("Name of the partner Organization whose orgId spec.partnerOrgId names, once found.")
  private String partnerOrganization;

  @JsonPropertyDescription(
    "Names of the partner's Members currently in the partnership: those its PartnershipAcceptance lists.")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  private List<String> members = new ArrayList<>();

  @JsonPropertyDescription("The partner's members this organization's effective role bindings give roles to, with"
      + " those roles, in member order: each such member's status.partnerAccess lists them.")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  private List<PartnerMemberRoles> memberRoles = new ArrayList<>();

  @JsonPropertyDescription("When the partner's acceptance first established the partnership (RFC 3339).")
  private String establishedAt;

  @JsonPropertyDescription("The partnership's changes of phase, oldest first; only the most recent are kept.")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  private List<PartnershipHistoryEntry> history = new ArrayList<>();

  public PartnershipPhase getPhase() {
    return phase;
  }

  public void setPhase(PartnershipPhase phase) {
    this.phase = phase;
  }

  public String getPartnerOrganization() {
    return partnerOrganization;
  }

  public void setPartnerOrganization(String partnerOrganization) {
    this.partnerOrganization = partnerOrganization;
  }

  public List<String> getMembers() {
    return members;
  }

  public void setMembers(List<String> members) {
    this.members = members == null ? new ArrayList<>() : members;
  }

  public List<PartnerMemberRoles> getMemberRoles() {
    return memberRoles;
  }

  public void setMemberRoles(List<PartnerMemberRoles> memberRoles) {
    this.memberRoles = memberRoles == null ? new ArrayList<>() : memberRoles;
  }

  public String getEstablishedAt() {
    return establishedAt;
  }

  public void setEstablishedAt(String establishedAt) {
    this.establishedAt = establishedAt;
  }

  public List<PartnershipHistoryEntry> getHistory() {
    return history;
  }

  public void setHistory(List<PartnershipHistoryEntry> history) {
    this.history = history == null ? new ArrayList<>() : history;
  }

  @Override
  public boolean equals(Object o) {
    if (!super.equals(o)) return false;
    PartnershipStatus that = (PartnershipStatus) o;
    return phase == that.phase
        && Objects.equals(partnerOrganization, that.partnerOrganization)
        && Objects.equals(members, that.members)
        && Objects.equals(memberRoles, that.memberRoles)
        && Objects.equals(establishedAt, that.establishedAt)
        && Objects.equals(history, that.history);
  }

  @Override
  public int hashCode() {
    return Objects.hash(super.hashCode(), phase, partnerOrganization, members, memberRoles, establishedAt, history);
  }
}
