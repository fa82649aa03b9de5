package dev.trellis.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;

/** What the platform team declares about an organization. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value = "has(self.__namespace__) == has(oldSelf.__namespace__)"
        + " && (!has(self.__namespace__) || self.__namespace__ == oldSelf.__namespace__)",
    message = "spec.namespace cannot be changed after creation: the organization's objects live there")
public class OrganizationSpec {

  @JsonPropertyDescription("Human-readable name of the organization, shown to members and partners.")
  @Size(max = 256)
  private String displayName;

  @JsonPropertyDescription(
    "Namespace that Trellis creates for the organization and where its folders, projects, members,"
        + " role bindings, connectors and partnerships live. Defaults to org-<name>. Immutable.")
  @Pattern(Validation.LABEL)
  @Size(min = 1, max = Validation.LABEL_MAX)
  @ValidationRule(
      value = "!(self in ['default', 'kube-system', 'kube-public', 'kube-node-lease'])",
      message = "spec.namespace cannot be a Kubernetes system namespace")
  private String namespace;

  @JsonPropertyDescription(
    "The organization above this one in the tenant tree: a service provider above its managed service"
        + " providers, an MSP above its clients. The parent governs which packages and add-ons this"
        + " organization may have and tightens its security policy. Absent: a root organization.")
  @Pattern(Validation.NAME)
  @Size(max = Validation.NAME_MAX)
  private String parent;

  @JsonPropertyDescription("Contact and location details of the organization.")
  private AccountDetails account;

  @JsonPropertyDescription(
    "Product packages the organization subscribes to. HybridDiscoveryAndMonitoring is always on. Each"
        + " permission belongs to a package: grants drop the permissions of packages the organization lacks."
        + " Only packages the parent has take effect. Absent: the parent's packages (a root: all).")
  @Size(max = 3)
  @ValidationRule(value = Validation.UNIQUE_ITEMS, message = "spec.packages must not list a package twice")
  private List<ProductPackage> packages;

  @JsonPropertyDescription(
    "Add-ons, each of a package the organization has. Only add-ons the parent has take effect. Absent: the"
        + " parent's add-ons (a root: all).")
  @Size(max = 32)
  @ValidationRule(value = Validation.UNIQUE_ITEMS, message = "spec.addOns must not list an add-on twice")
  private List<AddOn> addOns;

  @JsonPropertyDescription(
    "Access and password rules. Below a parent they only tighten; the effective policy is in"
        + " status.effectiveSecurity and in the ConfigMap trellis-security of the organization's namespace.")
  private SecuritySpec security;

  @JsonPropertyDescription("How the console looks for the organization's users: titles, colours and images.")
  private BrandingSpec branding;

  @JsonPropertyDescription(
    "Single sign-on auto-provisioning: users of the federated e-mail domains get default roles without being"
        + " invited.")
  private SingleSignOnSpec sso;

  @JsonPropertyDescription("Which e-mail domains the organization's user members may come from.")
  private DomainRestrictionSpec domainRestriction;

  @JsonPropertyDescription(
    "Terminates the organization: Trellis deletes its namespace and everything in it, ends its"
        + " partnerships on both sides, and keeps the Organization as an Inactive record. One way; needs"
        + " spec.terminationConfirmation set to the organization's name.")
  @io.fabric8.generator.annotation.Default("false")
  @ValidationRule(value = Validation.ONE_WAY,
      message = "spec.terminated is one way: a terminated organization's data is gone; create a new organization")
  private Boolean terminated;

  @JsonPropertyDescription(
    "Refuses the deletion of the Organization while true (enforced by the admission policy"
        + " trellis-organization): deleting it deletes its namespace and everything in it. Set it to false first"
        + " to delete the organization on purpose.")
  @io.fabric8.generator.annotation.Default("true")
  private Boolean deletionProtection;

  @JsonPropertyDescription("Must equal metadata.name when spec.terminated is true: a guard against terminating by mistake.")
  @Size(max = Validation.NAME_MAX)
  private String terminationConfirmation;

  public String getParent() {
    return parent;
  }

  public void setParent(String parent) {
    this.parent = parent;
  }

  public SingleSignOnSpec getSso() {
    return sso;
  }

  public void setSso(SingleSignOnSpec sso) {
    this.sso = sso;
  }

  public DomainRestrictionSpec getDomainRestriction() {
    return domainRestriction;
  }

  public void setDomainRestriction(DomainRestrictionSpec domainRestriction) {
    this.domainRestriction = domainRestriction;
  }

  public BrandingSpec getBranding() {
    return branding;
  }

  public void setBranding(BrandingSpec branding) {
    this.branding = branding;
  }

  public SecuritySpec getSecurity() {
    return security;
  }

  public void setSecurity(SecuritySpec security) {
    this.security = security;
  }

  public List<ProductPackage> getPackages() {
    return packages;
  }

  public void setPackages(List<ProductPackage> packages) {
    this.packages = packages;
  }

  public List<AddOn> getAddOns() {
    return addOns;
  }

  public void setAddOns(List<AddOn> addOns) {
    this.addOns = addOns;
  }

  public AccountDetails getAccount() {
    return account;
  }

  public void setAccount(AccountDetails account) {
    this.account = account;
  }

  public Boolean getTerminated() {
    return terminated;
  }

  public void setTerminated(Boolean terminated) {
    this.terminated = terminated;
  }

  public Boolean getDeletionProtection() {
    return deletionProtection;
  }

  public void setDeletionProtection(Boolean deletionProtection) {
    this.deletionProtection = deletionProtection;
  }

  public String getTerminationConfirmation() {
    return terminationConfirmation;
  }

  public void setTerminationConfirmation(String terminationConfirmation) {
    this.terminationConfirmation = terminationConfirmation;
  }

  public String getDisplayName() {
    return displayName;
  }

  public void setDisplayName(String displayName) {
    this.displayName = displayName;
  }

  public String getNamespace() {
    return namespace;
  }

  public void setNamespace(String namespace) {
    this.namespace = namespace;
  }
}
