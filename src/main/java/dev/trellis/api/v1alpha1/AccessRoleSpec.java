package dev.trellis.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.ArrayList;
import java.util.List;

/** The permissions of a role, where it may be granted, and whether partners' members may receive it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value = "has(self.feature) == has(self.level)",
    message = "spec.feature and spec.level go together: a feature role names both, other roles neither")
public class AccessRoleSpec {

  @JsonPropertyDescription("Human-readable name of the role, for example Operation support analyst.")
  @Size(max = Validation.DISPLAY_NAME_MAX)
  private String displayName;

  @JsonPropertyDescription("What the role is for, in a sentence or two.")
  @Size(max = Validation.DESCRIPTION_MAX)
  private String description;

  @JsonPropertyDescription(
    "Permissions the role gives, each <area>.<verb> from the catalogue in docs/access-roles.md, for example"
        + " resources.view or alerts.manage. A permission not in the catalogue makes the role Ready=False"
        + " (UnknownPermission).")
  @Size(max = Validation.PERMISSIONS_MAX)
  @ValidationRule(value = Validation.UNIQUE_ITEMS, message = "spec.permissions must not list a permission twice")
  private List<@Pattern(Validation.PERMISSION) @Size(max = Validation.PERMISSION_MAX) String> permissions =
      new ArrayList<>();

  @Required
  @JsonPropertyDescription(
    "Kinds of scope at which a RoleBinding may give this role: Organization, Folder and/or Project. At least"
        + " one.")
  @Size(min = 1, max = 3)
  @ValidationRule(value = Validation.UNIQUE_ITEMS, message = "spec.assignableAt must not list a scope kind twice")
  private List<Scope.Kind> assignableAt = new ArrayList<>();

  @JsonPropertyDescription(
    "Whether a customer may give this role to a partner's members (RoleBinding subject kind"
        + " PartnerMember). Default false: storage roles, for example, stay with the organization's own"
        + " members.")
  @Default("false")
  private Boolean assignableToPartners;

  @JsonPropertyDescription(
    "The product feature this role is for: Observability, WorkloadSecurity or Reporting. A member holds at"
        + " most one role per feature in an organization (a second one is ConflictingFeatureRoles). Absent for"
        + " roles that belong to no feature.")
  private Feature feature;

  @JsonPropertyDescription(
    "The level of a feature role: AccountOwner, Administrator, User or Guest. Members holding an AccountOwner"
        + " role at Organization scope are the organization's account owners. Set exactly when spec.feature is.")
  private FeatureLevel level;

  public String getDisplayName() {
    return displayName;
  }

  public void setDisplayName(String displayName) {
    this.displayName = displayName;
  }

  public String getDescription() {
    return description;
  }

  public void setDescription(String description) {
    this.description = description;
  }

  public List<String> getPermissions() {
    return permissions;
  }

  public void setPermissions(List<String> permissions) {
    this.permissions = permissions == null ? new ArrayList<>() : permissions;
  }

  public List<Scope.Kind> getAssignableAt() {
    return assignableAt;
  }

  public void setAssignableAt(List<Scope.Kind> assignableAt) {
    this.assignableAt = assignableAt == null ? new ArrayList<>() : assignableAt;
  }

  public Feature getFeature() {
    return feature;
  }

  public void setFeature(Feature feature) {
    this.feature = feature;
  }

  public FeatureLevel getLevel() {
    return level;
  }

  public void setLevel(FeatureLevel level) {
    this.level = level;
  }

  public Boolean getAssignableToPartners() {
    return assignableToPartners;
  }

  public void setAssignableToPartners(Boolean assignableToPartners) {
    this.assignableToPartners = assignableToPartners;
  }
}
