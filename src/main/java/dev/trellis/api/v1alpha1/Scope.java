package dev.trellis.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.Objects;

/** The part of an organization's hierarchy where a role binding applies. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value = "self.kind != 'Organization' || !has(self.name)",
    message = "an Organization scope takes no scope.name: it is the organization that owns the binding's"
        + " namespace")
@ValidationRule(
    value = "self.kind == 'Organization' || has(self.name)",
    message = "a Folder or Project scope needs scope.name: the Folder or Project the role applies to")
public class Scope {

  /** The levels of the hierarchy at which a role can be given. */
  public enum Kind { Organization, Folder, Project }

  @Required
  @JsonPropertyDescription(
    "Organization (everything in the organization), Folder (everything below the folder) or Project (the"
        + " resources associated with the project).")
  private Kind kind;

  @JsonPropertyDescription(
    "Name of the Folder or Project, in the binding's namespace. Must be absent for an Organization scope.")
  @Pattern(Validation.NAME)
  @Size(max = Validation.NAME_MAX)
  private String name;

  public Scope() {}

  public Scope(Kind kind, String name) {
    this.kind = kind;
    this.name = name;
  }

  public Kind getKind() {
    return kind;
  }

  public void setKind(Kind kind) {
    this.kind = kind;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Scope s && kind == s.kind && Objects.equals(name, s.name);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, name);
  }

  @Override
  public String toString() {
    return name == null ? String.valueOf(kind) : kind + "/" + name;
  }
}
