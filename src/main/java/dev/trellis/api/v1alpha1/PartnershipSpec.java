package dev.trellis.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/** Which organization the customer partners with, and whether the partnership is paused or over. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class PartnershipSpec {

  @Required
  @JsonPropertyDescription(
    "orgId of the partner organization, as the partner shared it (kubectl get org <name> -o"
        + " jsonpath='{.status.orgId}'). Immutable: to partner with another organization, create another"
        + " Partnership.")
  @Pattern(Validation.ORG_ID)
  @Size(min = 1, max = Validation.ORG_ID_MAX)
  @ValidationRule(value = Validation.IMMUTABLE,
      message = "spec.partnerOrgId cannot be changed: create a new Partnership for another partner")
  private String partnerOrgId;

  @JsonPropertyDescription(
    "true pauses an established partnership: the partner's members lose the access their role bindings"
        + " give (nothing is deleted) until it is set back to false.")
  @Default("false")
  private Boolean paused;

  @JsonPropertyDescription(
    "true ends the partnership for good: the partner's members lose their access and the partnership can"
        + " never be resumed. One way: once true it cannot be set back to false; create a new Partnership"
        + " instead.")
  @Default("false")
  @ValidationRule(value = Validation.ONE_WAY,
      message = "spec.terminated is one way: a terminated partnership cannot be resumed; create a new Partnership")
  private Boolean terminated;

  public String getPartnerOrgId() {
    return partnerOrgId;
  }

  public void setPartnerOrgId(String partnerOrgId) {
    this.partnerOrgId = partnerOrgId;
  }

  public Boolean getPaused() {
    return paused;
  }

  public void setPaused(Boolean paused) {
    this.paused = paused;
  }

  public Boolean getTerminated() {
    return terminated;
  }

  public void setTerminated(Boolean terminated) {
    this.terminated = terminated;
  }
}
