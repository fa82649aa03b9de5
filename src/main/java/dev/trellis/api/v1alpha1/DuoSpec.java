package dev.trellis.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import java.util.Objects;

/** Duo Security MFA settings; the integration and secret keys are read from a Secret, never written here. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class DuoSpec {
  @JsonPropertyDescription("Duo's API hostname, such as api-1a2b3c4d.duosecurity.com.")
  @Required
  @Pattern("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)+$")
  @Size(max = 253)
  private String apiHostname;

  @JsonPropertyDescription("Name of a Secret in the organization's namespace with the keys integrationKey and"
      + " secretKey.")
  @Required
  @Pattern(Validation.NAME)
  @Size(max = Validation.NAME_MAX)
  private String secretName;

  public String getApiHostname() { return apiHostname; }
  public void setApiHostname(String apiHostname) { this.apiHostname = apiHostname; }
  public String getSecretName() { return secretName; }
  public void setSecretName(String secretName) { this.secretName = secretName; }

  @Override
  public boolean equals(Object o) {
    return o instanceof DuoSpec d && Objects.equals(apiHostname, d.apiHostname)
        && Objects.equals(secretName, d.secretName);
  }

  @Override
  public int hashCode() {
    return Objects.hash(apiHostname, secretName);
  }
}
