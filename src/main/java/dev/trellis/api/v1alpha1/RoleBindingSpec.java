package dev.trellis.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.crdv2.generator.v1.SchemaCustomizer;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** Which role, to whom, where, and until when. */
@JsonInclude(JsonInclude.Include.NON_NULL)
// format: date-time makes the API server reject what is not an RFC 3339 instant.
@SchemaCustomizer(value = StringFormat.class, input = "expiresAt=date-time")
public class RoleBindingSpec {

  @Required
  @JsonPropertyDescription("Name of the AccessRole to give. The role must be assignable at the scope's kind.")
  @Pattern(Validation.NAME)
  @Size(max = Validation.NAME_MAX)
  private String role;

  @Required
  @JsonPropertyDescription("Who receives the role.")
  private Subject subject;

  @Required
  @JsonPropertyDescription(
    "Where the role applies: the whole organization, a folder and everything below it, or a project.")
  private Scope scope;

  @JsonPropertyDescription(
    "Optional RFC 3339 instant, such as 2026-12-31T00:00:00Z, at which the binding stops granting anything"
        + " (reason Expired), with no other event needed. Absent: no end.")
  private String expiresAt;

  public String getRole() {
    return role;
  }

  public void setRole(String role) {
    this.role = role;
  }

  public Subject getSubject() {
    return subject;
  }

  public void setSubject(Subject subject) {
    this.subject = subject;
  }

  public Scope getScope() {
    return scope;
  }

  public void setScope(Scope scope) {
    this.scope = scope;
  }

  public String getExpiresAt() {
    return expiresAt;
  }

  public void setExpiresAt(String expiresAt) {
    this.expiresAt = expiresAt;
  }
}
