package dev.trellis.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.Objects;

/** One partnership of an organization, seen from its side: as the customer or as the partner. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class OrganizationPartnership {

  /** Which side of the partnership the organization is on. */
  public enum Side { Customer, Partner }

  @JsonPropertyDescription(
    "Customer (this organization created the Partnership) or Partner (it was named by another"
        + " organization's Partnership).")
  private Side side;

  @JsonPropertyDescription("Name of the Partnership, in the customer organization's namespace.")
  private String partnership;

  @JsonPropertyDescription("Name of the other Organization; absent while no organization has its orgId.")
  private String counterpart;

  @JsonPropertyDescription("orgId of the other Organization.")
  private String counterpartOrgId;

  @JsonPropertyDescription("The partnership's phase: Initiated, Established, Paused or Terminated.")
  private PartnershipPhase phase;

  public OrganizationPartnership() {}

  public OrganizationPartnership(Side side, String partnership, String counterpart, String counterpartOrgId,
      PartnershipPhase phase) {
    this.side = side;
    this.partnership = partnership;
    this.counterpart = counterpart;
    this.counterpartOrgId = counterpartOrgId;
    this.phase = phase;
  }

  public Side getSide() {
    return side;
  }

  public void setSide(Side side) {
    this.side = side;
  }

  public String getPartnership() {
    return partnership;
  }

  public void setPartnership(String partnership) {
    this.partnership = partnership;
  }

  public String getCounterpart() {
    return counterpart;
  }

  public void setCounterpart(String counterpart) {
    this.counterpart = counterpart;
  }

  public String getCounterpartOrgId() {
    return counterpartOrgId;
  }

  public void setCounterpartOrgId(String counterpartOrgId) {
    this.counterpartOrgId = counterpartOrgId;
  }

  public PartnershipPhase getPhase() {
    return phase;
  }

  public void setPhase(PartnershipPhase phase) {
    this.phase = phase;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof OrganizationPartnership p && side == p.side && Objects.equals(partnership, p.partnership)
        && Objects.equals(counterpart, p.counterpart) && Objects.equals(counterpartOrgId, p.counterpartOrgId)
        && phase == p.phase;
  }

  @Override
  public int hashCode() {
    return Objects.hash(side, partnership, counterpart, counterpartOrgId, phase);
  }
}
