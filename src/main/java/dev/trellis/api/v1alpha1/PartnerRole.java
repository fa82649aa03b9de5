package dev.trellis.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.Objects;

/** A role a partner member holds in a customer organization, and where. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class PartnerRole {

  @JsonPropertyDescription("Name of the AccessRole.")
  private String role;

  @JsonPropertyDescription("Where the role applies in the customer organization: Organization, Folder/<name> or"
      + " Project/<name>.")
  private String scope;

  public PartnerRole() {}

  public PartnerRole(String role, String scope) {
    this.role = role;
    this.scope = scope;
  }

  public String getRole() {
    return role;
  }

  public void setRole(String role) {
    this.role = role;
  }

  public String getScope() {
    return scope;
  }

  public void setScope(String scope) {
    this.scope = scope;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PartnerRole r && Objects.equals(role, r.role) && Objects.equals(scope, r.scope);
  }

  @Override
  public int hashCode() {
    return Objects.hash(role, scope);
  }

  @Override
  public String toString() {
    return role + "@" + scope;
  }
}
