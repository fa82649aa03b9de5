package dev.trellis.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.Objects;

/** An invitation by e-mail: the member joins only when the invitee accepts it in time. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class InvitationSpec {

  @JsonPropertyDescription(
    "How long the invitee has to accept, from the Member's creation: days, hours, minutes and seconds such as"
        + " 14d, 36h or 1h30m. Default 14d. After it the member is Expired and grants nothing.")
  @Default("14d")
  @Pattern(Validation.DURATION)
  @Size(min = 2, max = 32)
  @ValidationRule(value = "self != '0d' && self.matches('[1-9]')",
      message = "spec.invitation.ttl must be longer than zero, for example 14d")
  private String ttl;

  public String getTtl() {
    return ttl;
  }

  public void setTtl(String ttl) {
    this.ttl = ttl;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof InvitationSpec that && Objects.equals(ttl, that.ttl);
  }

  @Override
  public int hashCode() {
    return Objects.hashCode(ttl);
  }
}
