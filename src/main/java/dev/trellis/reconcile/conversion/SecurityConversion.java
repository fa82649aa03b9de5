package dev.trellis.reconcile.conversion;

import dev.trellis.api.v1alpha1.Organization;
import dev.trellis.api.v1alpha1.PasswordPolicySpec;
import dev.trellis.api.v1alpha1.SecuritySpec;
import dev.trellis.model.security.PasswordPolicy;
import dev.trellis.model.security.SecurityPolicy;
import dev.trellis.model.security.TreeSecurity;
import dev.trellis.model.tenancy.TenantTree;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Converts between the API's security spec and the model's policy, and builds the tree-wide resolution. */
public final class SecurityConversion {
  /** Custom password values left out: the loosest legal value, so that only what is written constrains. */
  private static final int DEFAULT_MIN_LENGTH = 8;

  private SecurityConversion() {}

  public static TreeSecurity tree(TenantTree tree, Collection<Organization> organizations) {
    Map<String, SecurityPolicy> requested = new HashMap<>();
    for (Organization o : organizations) {
      if (o.getSpec() != null && o.getSpec().getSecurity() != null) {
        requested.put(o.getMetadata().getName(), request(o.getSpec().getSecurity()));
      }
    }
    return new TreeSecurity(tree, requested);
  }

  static SecurityPolicy request(SecuritySpec spec) {
    return new SecurityPolicy(
        spec.getAllowedIpRanges() == null ? List.of() : spec.getAllowedIpRanges(),
        Boolean.TRUE.equals(spec.getRequireTwoFactor()),
        !Boolean.FALSE.equals(spec.getShowCopyClipboard()),
        !Boolean.FALSE.equals(spec.getSkipUserConsent()),
        Boolean.TRUE.equals(spec.getBlockDuplicateCloudAccounts()),
        password(spec.getPasswordPolicy()));
  }

  private static PasswordPolicy password(PasswordPolicySpec spec) {
    if (spec == null) {
      return null;
    }
    if (spec.getPreset() == PasswordPolicySpec.Preset.PCI_DSS) {
      return PasswordPolicy.pciDss();
    }
    return PasswordPolicy.custom(or(spec.getMinLength(), DEFAULT_MIN_LENGTH), or(spec.getMaxAgeDays(), 0),
        or(spec.getHistoryCount(), 0), Boolean.TRUE.equals(spec.getRequireUppercase()),
        Boolean.TRUE.equals(spec.getRequireLowercase()), Boolean.TRUE.equals(spec.getRequireDigit()),
        Boolean.TRUE.equals(spec.getRequireSpecial()), or(spec.getLockoutAttempts(), 0),
        or(spec.getLockoutMinutes(), 0), or(spec.getIdleTimeoutMinutes(), 0));
  }

  /** The effective policy as users read it in the status: every value explicit. */
  public static SecuritySpec status(SecurityPolicy effective, SecuritySpec own) {
    SecuritySpec out = new SecuritySpec();
    out.setAllowedIpRanges(effective.allowedIpRanges());
    out.setRequireTwoFactor(effective.requireTwoFactor());
    out.setShowCopyClipboard(effective.showCopyClipboard());
    out.setSkipUserConsent(effective.skipUserConsent());
    out.setBlockDuplicateCloudAccounts(effective.blockDuplicateCloudAccounts());
    out.setDuo(own == null ? null : own.getDuo());
    if (effective.password() != null) {
      PasswordPolicy p = effective.password().resolved();
      PasswordPolicySpec spec = new PasswordPolicySpec();
      spec.setPreset(p.preset() == dev.trellis.model.security.PasswordPreset.PCI_DSS
          ? PasswordPolicySpec.Preset.PCI_DSS : PasswordPolicySpec.Preset.Custom);
      spec.setMinLength(p.minLength());
      spec.setMaxAgeDays(p.maxAgeDays());
      spec.setHistoryCount(p.historyCount());
      spec.setRequireUppercase(p.requireUppercase());
      spec.setRequireLowercase(p.requireLowercase());
      spec.setRequireDigit(p.requireDigit());
      spec.setRequireSpecial(p.requireSpecial());
      spec.setLockoutAttempts(p.lockoutAttempts());
      spec.setLockoutMinutes(p.lockoutMinutes());
      spec.setIdleTimeoutMinutes(p.idleTimeoutMinutes());
      out.setPasswordPolicy(spec);
    }
    return out;
  }

  private static int or(Integer value, int fallback) {
    return value == null ? fallback : value;
  }
}
