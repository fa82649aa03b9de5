package dev.trellis.model.security;

import java.util.List;

/**
 * An organization's access and password rules. As a request, an empty {@code allowedIpRanges} means "no
 * restriction of my own" and a null {@code password} means "no policy of my own". As an effective policy the
 * ranges are explicit (every address is {@code 0.0.0.0/0} and {@code ::/0}; empty allows nobody).
 */
public record SecurityPolicy(
    List<String> allowedIpRanges,
    boolean requireTwoFactor,
    boolean showCopyClipboard,
    boolean skipUserConsent,
    boolean blockDuplicateCloudAccounts,
    PasswordPolicy password) {

  public SecurityPolicy {
    allowedIpRanges = allowedIpRanges == null ? List.of() : List.copyOf(allowedIpRanges);
  }

  /**
   * The effective policy of a root organization that sets nothing: every address, no two-factor, the
   * permissive conveniences allowed, no password policy. Tightening this by a request gives the request.
   */
  public static SecurityPolicy unrestricted() {
    return new SecurityPolicy(IpRanges.ANY.stream().map(Cidr::toString).toList(), false, true, true, false, null);
  }

  /** A request that sets nothing of its own: its effective policy is its parent's, tightened by nothing. */
  public static SecurityPolicy inheritAll() {
    return new SecurityPolicy(List.of(), false, true, true, false, null);
  }
}
