package dev.trellis.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.Objects;

/** Contact and location details of an organization, as a service provider records them for a tenant. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class AccountDetails {
  @JsonPropertyDescription("Address that receives the organization's notifications.")
  @Size(max = Validation.EMAIL_MAX)
  @ValidationRule(value = Validation.EMAIL_RULE, message = "account.notificationEmail must be an e-mail address")
  private String notificationEmail;

  @JsonPropertyDescription("A second address to reach the organization.")
  @Size(max = Validation.EMAIL_MAX)
  @ValidationRule(value = Validation.EMAIL_RULE, message = "account.alternateEmail must be an e-mail address")
  private String alternateEmail;

  @JsonPropertyDescription("Country, as an ISO 3166-1 alpha-2 code such as GB or US.")
  @Pattern("^[A-Z]{2}$")
  private String country;

  @JsonPropertyDescription("State, province or region.")
  @Size(max = 128)
  private String state;

  @JsonPropertyDescription("City.")
  @Size(max = 128)
  private String city;

  @JsonPropertyDescription("Street address.")
  @Size(max = 512)
  private String address;

  @JsonPropertyDescription("Postal code: letters, digits, spaces and dashes, such as 94043 or SW1A 1AA.")
  @Pattern("^[A-Za-z0-9][A-Za-z0-9 -]{0,10}[A-Za-z0-9]$")
  private String postalCode;

  @JsonPropertyDescription("Time zone, as an IANA time zone name such as Europe/London or America/New_York.")
  @Pattern("^(UTC|[A-Z][A-Za-z_]+(/[A-Z][A-Za-z0-9_+-]+){1,2})$")
  private String timezone;

  public String getNotificationEmail() { return notificationEmail; }
  public void setNotificationEmail(String notificationEmail) { this.notificationEmail = notificationEmail; }
  public String getAlternateEmail() { return alternateEmail; }
  public void setAlternateEmail(String alternateEmail) { this.alternateEmail = alternateEmail; }
  public String getCountry() { return country; }
  public void setCountry(String country) { this.country = country; }
  public String getState() { return state; }
  public void setState(String state) { this.state = state; }
  public String getCity() { return city; }
  public void setCity(String city) { this.city = city; }
  public String getAddress() { return address; }
  public void setAddress(String address) { this.address = address; }
  public String getPostalCode() { return postalCode; }
  public void setPostalCode(String postalCode) { this.postalCode = postalCode; }
  public String getTimezone() { return timezone; }
  public void setTimezone(String timezone) { this.timezone = timezone; }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof AccountDetails a)) return false;
    return Objects.equals(notificationEmail, a.notificationEmail) && Objects.equals(alternateEmail, a.alternateEmail)
        && Objects.equals(country, a.country) && Objects.equals(state, a.state) && Objects.equals(city, a.city)
        && Objects.equals(address, a.address) && Objects.equals(postalCode, a.postalCode)
        && Objects.equals(timezone, a.timezone);
  }

  @Override
  public int hashCode() {
    return Objects.hash(notificationEmail, alternateEmail, country, state, city, address, postalCode, timezone);
  }
}
