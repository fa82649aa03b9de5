package dev.trellis.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** What Trellis observed and decided about an organization. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class OrganizationStatus extends TrellisStatus {

  /** Lifecycle phases of an organization. */
  public enum Phase { Active, Terminating, Inactive }

  @JsonPropertyDescription(
    "Stable, unique identifier of the organization, never reused. Share it with a customer so that"
        + " they can name this organization as a partner.")
  private String orgId;

  @JsonPropertyDescription("The namespace the organization owns.")
  private String namespace;

  @JsonPropertyDescription("Active, Terminating (being deleted) or Inactive (terminated, kept as a record).")
  private Phase phase;

  @JsonPropertyDescription("The organizations whose spec.parent names this one, sorted.")
  private List<String> children;

  @JsonPropertyDescription("When the organization was terminated and its data deleted (RFC 3339).")
  private String terminatedAt;

  @JsonPropertyDescription("The packages in effect: those asked for that the parent has.")
  private List<ProductPackage> effectivePackages;

  @JsonPropertyDescription("The add-ons in effect: those asked for that the parent has, of effective packages.")
  private List<AddOn> effectiveAddOns;

  @JsonPropertyDescription("The security policy in effect: this organization's, tightened by every organization above it.")
  private SecuritySpec effectiveSecurity;

  @JsonPropertyDescription(
    "This organization's partnerships, as customer (Partnerships in its namespace) and as partner"
        + " (Partnerships of other organizations that name its orgId). Absent when there are none.")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  private List<OrganizationPartnership> partnerships = new ArrayList<>();

  @JsonPropertyDescription(
    "E-mail addresses of the account owners: Active user members holding an AccountOwner feature role at"
        + " Organization scope, sorted. At least two are recommended (condition AccountOwners).")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  private List<String> accountOwners = new ArrayList<>();

  @JsonPropertyDescription(
    "The e-mail domains user members may come from under spec.domainRestriction, sorted. Absent when any"
        + " domain may.")
  private List<String> allowedDomains;

  public List<String> getAccountOwners() {
    return accountOwners;
  }

  public void setAccountOwners(List<String> accountOwners) {
    this.accountOwners = accountOwners == null ? new ArrayList<>() : accountOwners;
  }

  public List<String> getAllowedDomains() {
    return allowedDomains;
  }

  public void setAllowedDomains(List<String> allowedDomains) {
    this.allowedDomains = allowedDomains;
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

  public List<String> getChildren() {
    return children;
  }

  public void setChildren(List<String> children) {
    this.children = children;
  }

  public List<ProductPackage> getEffectivePackages() {
    return effectivePackages;
  }

  public void setEffectivePackages(List<ProductPackage> effectivePackages) {
    this.effectivePackages = effectivePackages;
  }

  public SecuritySpec getEffectiveSecurity() {
    return effectiveSecurity;
  }

  public void setEffectiveSecurity(SecuritySpec effectiveSecurity) {
    this.effectiveSecurity = effectiveSecurity;
  }

  public List<AddOn> getEffectiveAddOns() {
    return effectiveAddOns;
  }

  public void setEffectiveAddOns(List<AddOn> effectiveAddOns) {
    this.effectiveAddOns = effectiveAddOns;
  }

  public String getTerminatedAt() {
    return terminatedAt;
  }

  public void setTerminatedAt(String terminatedAt) {
    this.terminatedAt = terminatedAt;
  }

  public Phase getPhase() {
    return phase;
  }

  public void setPhase(Phase phase) {
    this.phase = phase;
  }

  public List<OrganizationPartnership> getPartnerships() {
    return partnerships;
  }

  public void setPartnerships(List<OrganizationPartnership> partnerships) {
    this.partnerships = partnerships == null ? new ArrayList<>() : partnerships;
  }

  @Override
  public boolean equals(Object o) {
    if (!super.equals(o)) return false;
    OrganizationStatus that = (OrganizationStatus) o;
    return Objects.equals(orgId, that.orgId)
        && Objects.equals(namespace, that.namespace)
        && phase == that.phase
        && Objects.equals(children, that.children)
        && Objects.equals(terminatedAt, that.terminatedAt)
        && Objects.equals(effectivePackages, that.effectivePackages)
        && Objects.equals(effectiveAddOns, that.effectiveAddOns)
        && Objects.equals(effectiveSecurity, that.effectiveSecurity)
        && Objects.equals(partnerships, that.partnerships)
        && Objects.equals(accountOwners, that.accountOwners)
        && Objects.equals(allowedDomains, that.allowedDomains);
  }

  @Override
  public int hashCode() {
    return Objects.hash(super.hashCode(), orgId, namespace, phase, children, terminatedAt, effectivePackages,
        effectiveAddOns,
        effectiveSecurity, partnerships, accountOwners, allowedDomains);
  }
}
