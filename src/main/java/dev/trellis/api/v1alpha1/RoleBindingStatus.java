package dev.trellis.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.Objects;

/** Whether a role binding grants anything now, and if not, why (in the Ready condition). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class RoleBindingStatus extends TrellisStatus {

  @JsonPropertyDescription(
    "true only while the binding grants something now: its role, scope and subject are valid and it has"
        + " not expired.")
  private Boolean effective;

  public Boolean getEffective() {
    return effective;
  }

  public void setEffective(Boolean effective) {
    this.effective = effective;
  }

  @Override
  public boolean equals(Object o) {
    if (!super.equals(o)) return false;
    return Objects.equals(effective, ((RoleBindingStatus) o).effective);
  }

  @Override
  public int hashCode() {
    return Objects.hash(super.hashCode(), effective);
  }
}
