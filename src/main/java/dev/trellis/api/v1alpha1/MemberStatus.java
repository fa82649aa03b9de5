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

  public List<PartnerAccess> getPartnerAccess() {
    return partnerAccess;
  }

  public void setPartnerAccess(List<PartnerAccess> partnerAccess) {
    this.partnerAccess = partnerAccess == null ? new ArrayList<>() : partnerAccess;
  }

  @Override
  public boolean equals(Object o) {
    if (!super.equals(o)) return false;
    return Objects.equals(partnerAccess, ((MemberStatus) o).partnerAccess);
  }

  @Override
  public int hashCode() {
    return Objects.hash(super.hashCode(), partnerAccess);
  }
}
