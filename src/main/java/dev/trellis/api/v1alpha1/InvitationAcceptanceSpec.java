package dev.trellis.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/** Which invitation is accepted, and by whom. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(value = Validation.IMMUTABLE,
    message = "an InvitationAcceptance cannot be changed; delete it and create another")
public class InvitationAcceptanceSpec {

  @Required
  @JsonPropertyDescription("Name of the invited Member in this namespace, for example alice.")
  @Pattern(Validation.NAME)
  @Size(max = Validation.NAME_MAX)
  private String member;

  @Required
  @JsonPropertyDescription(
    "The invitee's e-mail address: must equal the Member's spec.email and the Kubernetes username of whoever"
        + " creates this object (the admission policy trellis-invitation-acceptance refuses anyone else).")
  @Size(min = 3, max = Validation.EMAIL_MAX)
  @ValidationRule(value = Validation.EMAIL_RULE, message = "spec.email must be an e-mail address such as"
      + " alice@example.com")
  private String email;

  public String getMember() {
    return member;
  }

  public void setMember(String member) {
    this.member = member;
  }

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email;
  }
}
