package dev.trellis.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;
import java.util.Objects;

/** Password rules of an organization's members: the PCI DSS preset (fixed values) or custom values. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class PasswordPolicySpec {
  /** PCI_DSS: the preset of docs/tenancy.md, which cannot be modified; Custom: the values below. */
  public enum Preset {
    PCI_DSS, Custom
  }

  @JsonPropertyDescription("PCI_DSS applies the fixed PCI DSS v4.0 values (docs/tenancy.md); Custom applies the"
      + " values below.")
  @Required
  private Preset preset;

  @JsonPropertyDescription("Minimum number of characters (Custom).")
  @Min(1) @Max(128)
  private Integer minLength;

  @JsonPropertyDescription("Days after which a password must change; 0: never (Custom).")
  @Min(0) @Max(3650)
  private Integer maxAgeDays;

  @JsonPropertyDescription("How many previous passwords cannot be reused (Custom).")
  @Min(0) @Max(24)
  private Integer historyCount;

  @JsonPropertyDescription("Require an upper-case letter (Custom).")
  private Boolean requireUppercase;

  @JsonPropertyDescription("Require a lower-case letter (Custom).")
  private Boolean requireLowercase;

  @JsonPropertyDescription("Require a digit (Custom).")
  private Boolean requireDigit;

  @JsonPropertyDescription("Require a character that is neither a letter nor a digit (Custom).")
  private Boolean requireSpecial;

  @JsonPropertyDescription("Failed attempts before the account locks; 0: no lockout (Custom).")
  @Min(0) @Max(100)
  private Integer lockoutAttempts;

  @JsonPropertyDescription("Minutes an account stays locked (Custom).")
  @Min(0) @Max(10080)
  private Integer lockoutMinutes;

  @JsonPropertyDescription("Minutes of inactivity before signing in again; 0: none (Custom).")
  @Min(0) @Max(1440)
  private Integer idleTimeoutMinutes;

  public Preset getPreset() { return preset; }
  public void setPreset(Preset preset) { this.preset = preset; }
  public Integer getMinLength() { return minLength; }
  public void setMinLength(Integer minLength) { this.minLength = minLength; }
  public Integer getMaxAgeDays() { return maxAgeDays; }
  public void setMaxAgeDays(Integer maxAgeDays) { this.maxAgeDays = maxAgeDays; }
  public Integer getHistoryCount() { return historyCount; }
  public void setHistoryCount(Integer historyCount) { this.historyCount = historyCount; }
  public Boolean getRequireUppercase() { return requireUppercase; }
  public void setRequireUppercase(Boolean requireUppercase) { this.requireUppercase = requireUppercase; }
  public Boolean getRequireLowercase() { return requireLowercase; }
  public void setRequireLowercase(Boolean requireLowercase) { this.requireLowercase = requireLowercase; }
  public Boolean getRequireDigit() { return requireDigit; }
  public void setRequireDigit(Boolean requireDigit) { this.requireDigit = requireDigit; }
  public Boolean getRequireSpecial() { return requireSpecial; }
  public void setRequireSpecial(Boolean requireSpecial) { this.requireSpecial = requireSpecial; }
  public Integer getLockoutAttempts() { return lockoutAttempts; }
  public void setLockoutAttempts(Integer lockoutAttempts) { this.lockoutAttempts = lockoutAttempts; }
  public Integer getLockoutMinutes() { return lockoutMinutes; }
  public void setLockoutMinutes(Integer lockoutMinutes) { this.lockoutMinutes = lockoutMinutes; }
  public Integer getIdleTimeoutMinutes() { return idleTimeoutMinutes; }
  public void setIdleTimeoutMinutes(Integer idleTimeoutMinutes) { this.idleTimeoutMinutes = idleTimeoutMinutes; }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof PasswordPolicySpec p)) return false;
    return preset == p.preset && Objects.equals(minLength, p.minLength) && Objects.equals(maxAgeDays, p.maxAgeDays)
        && Objects.equals(historyCount, p.historyCount) && Objects.equals(requireUppercase, p.requireUppercase)
        && Objects.equals(requireLowercase, p.requireLowercase) && Objects.equals(requireDigit, p.requireDigit)
        && Objects.equals(requireSpecial, p.requireSpecial) && Objects.equals(lockoutAttempts, p.lockoutAttempts)
        && Objects.equals(lockoutMinutes, p.lockoutMinutes) && Objects.equals(idleTimeoutMinutes, p.idleTimeoutMinutes);
  }

  @Override
  public int hashCode() {
    return Objects.hash(preset, minLength, maxAgeDays, historyCount, requireUppercase, requireLowercase, requireDigit,
        requireSpecial, lockoutAttempts, lockoutMinutes, idleTimeoutMinutes);
  }
}
