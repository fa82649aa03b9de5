package dev.trellis.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.ArrayList;
import java.util.List;

/** Single sign-on auto-provisioning: every user of the federated domains gets the default roles. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(value = "!self.enabled || (has(self.domains) && size(self.domains) > 0 && has(self.defaultRoles)"
    + " && size(self.defaultRoles) > 0)",
    message = "enabled single sign-on needs spec.sso.domains and spec.sso.defaultRoles")
public class SingleSignOnSpec {

  @JsonPropertyDescription(
    "true gives every user of spec.sso.domains the default roles, at Organization scope, through a Domain"
        + " subject (*@domain) in the grants documents. Members with a role of their own keep it, also after"
        + " this is set back to false.")
  @Default("false")
  private Boolean enabled;

  @JsonPropertyDescription("The e-mail domains federated with the organization's identity provider, for example"
      + " mrpaints.com.")
  @Size(max = Validation.DOMAINS_MAX)
  @ValidationRule(value = Validation.UNIQUE_ITEMS, message = "spec.sso.domains must not list a domain twice")
  private List<@Pattern(Validation.DOMAIN) @Size(max = Validation.DOMAIN_MAX) String> domains = new ArrayList<>();

  @JsonPropertyDescription(
    "The role single sign-on users get, at most one per feature: names of AccessRoles with spec.feature, for"
        + " example observability-guest and reporting-user.")
  @Size(max = 3)
  @ValidationRule(value = Validation.UNIQUE_ITEMS, message = "spec.sso.defaultRoles must not list a role twice")
  private List<@Pattern(Validation.NAME) @Size(max = Validation.NAME_MAX) String> defaultRoles = new ArrayList<>();

  public Boolean getEnabled() {
    return enabled;
  }

  public void setEnabled(Boolean enabled) {
    this.enabled = enabled;
  }

  public List<String> getDomains() {
    return domains;
  }

  public void setDomains(List<String> domains) {
    this.domains = domains == null ? new ArrayList<>() : domains;
  }

  public List<String> getDefaultRoles() {
    return defaultRoles;
  }

  public void setDefaultRoles(List<String> defaultRoles) {
    this.defaultRoles = defaultRoles == null ? new ArrayList<>() : defaultRoles;
  }
}
