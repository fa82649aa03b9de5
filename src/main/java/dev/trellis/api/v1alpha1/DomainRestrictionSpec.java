package dev.trellis.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.ArrayList;
import java.util.List;

/** Which e-mail domains the organization's user members may come from. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(value = "self.mode == 'DefaultDomainsAndListed' || !has(self.domains) || size(self.domains) == 0",
    message = "spec.domainRestriction.domains is only for mode DefaultDomainsAndListed")
public class DomainRestrictionSpec {

  /** The three choices of seed 003. */
  public enum Mode { None, DefaultDomains, DefaultDomainsAndListed }

  @JsonPropertyDescription(
    "None: users of any domain. DefaultDomains: only the domains of the account owners' e-mail addresses."
        + " DefaultDomainsAndListed: those plus spec.domainRestriction.domains. A user member of another"
        + " domain is DomainNotAllowed and grants nothing.")
  @Default("None")
  private Mode mode;

  @JsonPropertyDescription("Domains allowed besides the account owners', for mode DefaultDomainsAndListed.")
  @Size(max = Validation.DOMAINS_MAX)
  @ValidationRule(value = Validation.UNIQUE_ITEMS,
      message = "spec.domainRestriction.domains must not list a domain twice")
  private List<@Pattern(Validation.DOMAIN) @Size(max = Validation.DOMAIN_MAX) String> domains = new ArrayList<>();

  public Mode getMode() {
    return mode;
  }

  public void setMode(Mode mode) {
    this.mode = mode;
  }

  public List<String> getDomains() {
    return domains;
  }

  public void setDomains(List<String> domains) {
    this.domains = domains == null ? new ArrayList<>() : domains;
  }
}
