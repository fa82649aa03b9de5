package dev.trellis.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.Objects;

/** Where an invitation stands: until when it can be accepted, and when and by whom it was. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class InvitationStatus {

  @JsonPropertyDescription("When the invitation expires if not accepted before: creation time plus spec.invitation.ttl.")
  private String expiresAt;

  @JsonPropertyDescription("When the invitee accepted: the creation time of the InvitationAcceptance that counts.")
  private String acceptedAt;

  @JsonPropertyDescription("The InvitationAcceptance that accepted the invitation.")
  private String acceptance;

  public InvitationStatus() {}

  public InvitationStatus(String expiresAt, String acceptedAt, String acceptance) {
    this.expiresAt = expiresAt;
    this.acceptedAt = acceptedAt;
    this.acceptance = acceptance;
  }

  public String getExpiresAt() {
    return expiresAt;
  }

  public void setExpiresAt(String expiresAt) {
    this.expiresAt = expiresAt;
  }

  public String getAcceptedAt() {
    return acceptedAt;
  }

  public void setAcceptedAt(String acceptedAt) {
    this.acceptedAt = acceptedAt;
  }

  public String getAcceptance() {
    return acceptance;
  }

  public void setAcceptance(String acceptance) {
    this.acceptance = acceptance;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof InvitationStatus that && Objects.equals(expiresAt, that.expiresAt)
        && Objects.equals(acceptedAt, that.acceptedAt) && Objects.equals(acceptance, that.acceptance);
  }

  @Override
  public int hashCode() {
    return Objects.hash(expiresAt, acceptedAt, acceptance);
  }
}
