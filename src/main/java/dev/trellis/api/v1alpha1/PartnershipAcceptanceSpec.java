package dev.trellis.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.ArrayList;
import java.util.List;

/** Which customer's partnership the partner accepts, and which of the partner's members take part. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class PartnershipAcceptanceSpec {

  @Required
  @JsonPropertyDescription(
    "orgId of the customer organization that created the Partnership, as the customer shared it."
        + " Immutable: to accept another customer's partnership, create another PartnershipAcceptance.")
  @Pattern(Validation.ORG_ID)
  @Size(min = 1, max = Validation.ORG_ID_MAX)
  @ValidationRule(value = Validation.IMMUTABLE,
      message = "spec.customerOrgId cannot be changed: create a new PartnershipAcceptance")
  private String customerOrgId;

  @Required
  @JsonPropertyDescription(
    "Name of the Partnership in the customer's namespace that this accepts. Its spec.partnerOrgId must be"
        + " this organization's orgId. Immutable.")
  @Pattern(Validation.NAME)
  @Size(max = Validation.NAME_MAX)
  @ValidationRule(value = Validation.IMMUTABLE,
      message = "spec.partnership cannot be changed: create a new PartnershipAcceptance")
  private String partnership;

  @JsonPropertyDescription(
    "Names of the Members, in this namespace, who take part in the partnership: the customer can give"
        + " roles to these members only. Removing a name ends that member's access to the customer.")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @Size(max = Validation.PARTNER_MEMBERS_MAX)
  @ValidationRule(value = Validation.UNIQUE_ITEMS, message = "spec.members must not name the same member twice")
  private List<@Pattern(Validation.NAME) @Size(max = Validation.NAME_MAX) String> members = new ArrayList<>();

  public String getCustomerOrgId() {
    return customerOrgId;
  }

  public void setCustomerOrgId(String customerOrgId) {
    this.customerOrgId = customerOrgId;
  }

  public String getPartnership() {
    return partnership;
  }

  public void setPartnership(String partnership) {
    this.partnership = partnership;
  }

  public List<String> getMembers() {
    return members;
  }

  public void setMembers(List<String> members) {
    this.members = members == null ? new ArrayList<>() : members;
  }
}
