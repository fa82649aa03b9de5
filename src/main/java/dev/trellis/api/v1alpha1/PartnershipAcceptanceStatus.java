package dev.trellis.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.Objects;

/** Where the accepted partnership stands, as the partner sees it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class PartnershipAcceptanceStatus extends TrellisStatus {

  @JsonPropertyDescription(
    "The phase of the accepted Partnership, mirrored: Initiated, Established, Paused or Terminated. Absent"
        + " while the acceptance matches no partnership (see the Ready condition).")
  private PartnershipPhase phase;

  @JsonPropertyDescription("Name of the customer Organization whose orgId spec.customerOrgId names, once found.")
  private String customerOrganization;

  public PartnershipPhase getPhase() {
    return phase;
  }

  public void setPhase(PartnershipPhase phase) {
    this.phase = phase;
  }

  public String getCustomerOrganization() {
    return customerOrganization;
  }

  public void setCustomerOrganization(String customerOrganization) {
    this.customerOrganization = customerOrganization;
  }

  @Override
  public boolean equals(Object o) {
    if (!super.equals(o)) return false;
    PartnershipAcceptanceStatus that = (PartnershipAcceptanceStatus) o;
    return phase == that.phase && Objects.equals(customerOrganization, that.customerOrganization);
  }

  @Override
  public int hashCode() {
    return Objects.hash(super.hashCode(), phase, customerOrganization);
  }
}
