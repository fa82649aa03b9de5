package dev.trellis.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The roles one partner member holds in the customer organization through its effective bindings. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class PartnerMemberRoles {

  @JsonPropertyDescription("Name of the Member in the partner organization.")
  private String member;

  @JsonPropertyDescription("The roles it holds here, and where; in role, then scope order.")
  private List<PartnerRole> roles = new ArrayList<>();

  public PartnerMemberRoles() {}

  public PartnerMemberRoles(String member, List<PartnerRole> roles) {
    this.member = member;
    setRoles(roles);
  }

  public String getMember() {
    return member;
  }

  public void setMember(String member) {
    this.member = member;
  }

  public List<PartnerRole> getRoles() {
    return roles;
  }

  public void setRoles(List<PartnerRole> roles) {
    this.roles = roles == null ? new ArrayList<>() : new ArrayList<>(roles);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PartnerMemberRoles that && Objects.equals(member, that.member)
        && Objects.equals(roles, that.roles);
  }

  @Override
  public int hashCode() {
    return Objects.hash(member, roles);
  }
}
