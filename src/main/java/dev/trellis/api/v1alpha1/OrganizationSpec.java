package dev.trellis.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

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
