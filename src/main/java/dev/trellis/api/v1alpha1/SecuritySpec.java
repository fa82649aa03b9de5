package dev.trellis.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import java.util.List;
import java.util.Objects;

/**
 * An organization's access and password rules. Below a parent they only tighten: the effective policy is in
 * status.effectiveSecurity and in the ConfigMap trellis-security of the organization's namespace.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class SecuritySpec {
  @JsonPropertyDescription("Addresses members may sign in from, as CIDR ranges (IPv4 or IPv6) or single addresses."
      + " Intersected with the parent's. Empty: the parent's ranges (a root: every address).")
  @Size(max = 64)
  private List<@Pattern("^[0-9A-Fa-f:.]+(/[0-9]{1,3})?$") @Size(max = 64) String> allowedIpRanges;

  @JsonPropertyDescription("Require two-factor authentication. Once a parent requires it, every organization below does.")
  private Boolean requireTwoFactor;

  @JsonPropertyDescription("Duo Security multi-factor authentication; its keys stay in a Secret.")
  private DuoSpec duo;

  @JsonPropertyDescription("Show the copy-to-clipboard control. Allowed only if the parent allows it. Default true.")
  private Boolean showCopyClipboard;

  @JsonPropertyDescription("Skip the user consent form. Allowed only if the parent allows it. Default true.")
  private Boolean skipUserConsent;

  @JsonPropertyDescription("Refuse a cloud account that another organization already manages. Once a parent blocks"
      + " duplicates, every organization below does.")
  private Boolean blockDuplicateCloudAccounts;

  @JsonPropertyDescription("Password rules: the fixed PCI_DSS preset or Custom values. Below a parent, the stricter"
      + " of each value applies.")
  private PasswordPolicySpec passwordPolicy;

  public List<String> getAllowedIpRanges() { return allowedIpRanges; }
  public void setAllowedIpRanges(List<String> allowedIpRanges) { this.allowedIpRanges = allowedIpRanges; }
  public Boolean getRequireTwoFactor() { return requireTwoFactor; }
  public void setRequireTwoFactor(Boolean requireTwoFactor) { this.requireTwoFactor = requireTwoFactor; }
  public DuoSpec getDuo() { return duo; }
  public void setDuo(DuoSpec duo) { this.duo = duo; }
  public Boolean getShowCopyClipboard() { return showCopyClipboard; }
  public void setShowCopyClipboard(Boolean showCopyClipboard) { this.showCopyClipboard = showCopyClipboard; }
  public Boolean getSkipUserConsent() { return skipUserConsent; }
  public void setSkipUserConsent(Boolean skipUserConsent) { this.skipUserConsent = skipUserConsent; }
  public Boolean getBlockDuplicateCloudAccounts() { return blockDuplicateCloudAccounts; }
  public void setBlockDuplicateCloudAccounts(Boolean value) { this.blockDuplicateCloudAccounts = value; }
  public PasswordPolicySpec getPasswordPolicy() { return passwordPolicy; }
  public void setPasswordPolicy(PasswordPolicySpec passwordPolicy) { this.passwordPolicy = passwordPolicy; }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof SecuritySpec s)) return false;
    return Objects.equals(allowedIpRanges, s.allowedIpRanges) && Objects.equals(requireTwoFactor, s.requireTwoFactor)
        && Objects.equals(duo, s.duo) && Objects.equals(showCopyClipboard, s.showCopyClipboard)
        && Objects.equals(skipUserConsent, s.skipUserConsent)
        && Objects.equals(blockDuplicateCloudAccounts, s.blockDuplicateCloudAccounts)
        && Objects.equals(passwordPolicy, s.passwordPolicy);
  }

  @Override
  public int hashCode() {
    return Objects.hash(allowedIpRanges, requireTwoFactor, duo, showCopyClipboard, skipUserConsent,
        blockDuplicateCloudAccounts, passwordPolicy);
  }
}
