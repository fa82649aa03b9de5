package dev.trellis.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
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

  public Phase getPhase() {
    return phase;
  }

  public void setPhase(Phase phase) {
    this.phase = phase;
  }

  @Override
  public boolean equals(Object o) {
    if (!super.equals(o)) return false;
    OrganizationStatus that = (OrganizationStatus) o;
    return Objects.equals(orgId, that.orgId)
        && Objects.equals(namespace, that.namespace)
        && phase == that.phase;
  }

  @Override
  public int hashCode() {
    return Objects.hash(super.hashCode(), orgId, namespace, phase);
  }
}
