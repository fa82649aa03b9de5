package dev.trellis.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** A customer organization a member can switch to through an established partnership, with its roles there. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class PartnerAccess {

  @JsonPropertyDescription("Name of the customer Organization.")
  private String organization;

  @JsonPropertyDescription("orgId of the customer Organization.")
  private String orgId;

  @JsonPropertyDescription("The customer organization's namespace, where its Partnership and RoleBindings live.")
  private String namespace;

  @JsonPropertyDescription("Name of the Partnership, in the customer's namespace, that gives the access.")
  private String partnership;

  @JsonPropertyDescription("The roles the customer gave this member, and where; empty when it gave none yet.")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  private List<PartnerRole> roles = new ArrayList<>();

  public PartnerAccess() {}

  public PartnerAccess(String organization, String orgId, String namespace, String partnership,
      List<PartnerRole> roles) {
    this.organization = organization;
    this.orgId = orgId;
    this.namespace = namespace;
    this.partnership = partnership;
    setRoles(roles);
  }

  public String getOrganization() {
    return organization;
  }

  public void setOrganization(String organization) {
    this.organization = organization;
  }

  public String getOrgId() {
    return orgId;
  }

  public void setOrgId(String orgId) {
    this.orgId = orgId;
  }

  public String getNamespace() {
    return namespace;
  }

  public void setNamespace(String namespace) {
    this.namespace = namespace;
  }

  public String getPartnership() {
    return partnership;
  }

  public void setPartnership(String partnership) {
    this.partnership = partnership;
  }

  public List<PartnerRole> getRoles() {
    return roles;
  }

  public void setRoles(List<PartnerRole> roles) {
    this.roles = roles == null ? new ArrayList<>() : roles;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PartnerAccess a && Objects.equals(organization, a.organization)
        && Objects.equals(orgId, a.orgId) && Objects.equals(namespace, a.namespace)
        && Objects.equals(partnership, a.partnership) && Objects.equals(roles, a.roles);
  }

  @Override
  public int hashCode() {
    return Objects.hash(organization, orgId, namespace, partnership, roles);
  }
}
