package dev.trellis.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/** Who a member is and how grants name them. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value = "self.type != 'User' || (has(self.email) && size(self.email) > 0)",
    message = "a User member needs spec.email: it is the subject that grants name")
@ValidationRule(
    value = "self.type == 'ServiceAccount' || !has(self.clientId) || size(self.clientId) == 0",
    message = "spec.clientId is for ServiceAccount members only: a User is named by spec.email")
@ValidationRule(value = "!has(self.invitation) || self.type == 'User'",
    message = "spec.invitation is for User members: an invitation goes to an e-mail address")
@ValidationRule(value = "has(self.invitation) == has(oldSelf.invitation)"
    + " && (!has(self.invitation) || (self.invitation == oldSelf.invitation && self.email == oldSelf.email))",
    message = "spec.invitation and the invited spec.email cannot be added, removed or changed: only the invitee"
        + " accepts an invitation; to invite again, delete the Member and create it anew")
public class MemberSpec {

  /** The two kinds of member. */
  public enum Type { User, ServiceAccount }

  @Required
  @JsonPropertyDescription("User (a person, named by e-mail) or ServiceAccount (an application, named by client ID).")
  private Type type;

  @JsonPropertyDescription(
    "E-mail address of a User, such as alice@mrpaints.com: the subject that grants name. Required for users.")
  @Size(max = Validation.EMAIL_MAX)
  @ValidationRule(value = Validation.EMAIL_RULE, message = "spec.email must be an e-mail address such as"
      + " alice@example.com")
  @ValidationRule(value = Validation.VISIBLE_RULE, message = "spec.email cannot contain control or invisible"
      + " characters (such as NUL, zero-width spaces or right-to-left overrides): two addresses would look alike")
  private String email;

  @JsonPropertyDescription(
    "Client ID of a ServiceAccount: the subject that grants name, unique in the organization and without '@'."
        + " Empty or absent: <organization>/<member name>, for example mrpaints/backup-robot. Users have none.")
  @Size(max = Validation.NAME_MAX)
  @ValidationRule(value = "!self.matches('[@\uFF20\uFE6B]')", message = "spec.clientId cannot contain '@' or a"
      + " look-alike of it: a service account must not look like a person's e-mail address")
  @ValidationRule(value = Validation.VISIBLE_RULE, message = "spec.clientId cannot contain control or invisible"
      + " characters (such as NUL, zero-width spaces or right-to-left overrides)")
  private String clientId;

  @JsonPropertyDescription(
    "true suspends the member: its role bindings grant nothing (reason SubjectDisabled) until it is set"
        + " back to false. Nothing is deleted.")
  @Default("false")
  private Boolean disabled;

  @JsonPropertyDescription(
    "Invites the user by e-mail instead of declaring the membership: the member is Invited and grants nothing"
        + " until the invitee creates an InvitationAcceptance with their own Kubernetes identity, and Expired"
        + " if that does not happen within the ttl. Absent: the member is Active at once.")
  private InvitationSpec invitation;

  public InvitationSpec getInvitation() {
    return invitation;
  }

  public void setInvitation(InvitationSpec invitation) {
    this.invitation = invitation;
  }

  public Type getType() {
    return type;
  }

  public void setType(Type type) {
    this.type = type;
  }

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email;
  }

  public String getClientId() {
    return clientId;
  }

  public void setClientId(String clientId) {
    this.clientId = clientId;
  }

  public Boolean getDisabled() {
    return disabled;
  }

  public void setDisabled(Boolean disabled) {
    this.disabled = disabled;
  }
}
