package dev.trellis.model.security;

import dev.trellis.model.Reasons;
import dev.trellis.model.verdict.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Inheritance of security policies down the tenant tree: a child can only tighten what its parent enforces.
 *
 * <ul>
 *   <li>IP ranges: the addresses both allow (an empty request inherits the parent's ranges);
 *   <li>restrictive flags (two-factor, block duplicate cloud accounts) are OR-ed: once on, on below;
 *   <li>permissive flags (show copy clipboard, skip user consent) are AND-ed: once off, off below;
 *   <li>password rules: the stricter value of each (see {@link PasswordPolicy#stricter}).
 * </ul>
 */
public final class SecurityPolicies {

  private SecurityPolicies() {}

  /**
   * The policy an organization enforces.
   *
   * <p>Failing closed: an invalid range allows no address (the valid ones still apply); ranges that share no
   * address with the parent's leave the organization allowing nobody ({@code NoAllowedAddresses}); an
   * out-of-range custom password policy is replaced by the PCI DSS preset. The verdict names the first
   * problem (an invalid range, then no address, then the password policy); every problem still takes effect.
   *
   * @param parentEffective the parent's effective policy, or {@code null} for a root organization
   */
  public static EffectiveSecurity effective(SecurityPolicy child, SecurityPolicy parentEffective) {
    SecurityPolicy parent = parentEffective == null ? SecurityPolicy.unrestricted() : parentEffective;
    List<String> problems = new ArrayList<>();
    String reason = null;

    List<Cidr> parentRanges = parseValid(parent.allowedIpRanges(), new ArrayList<>());
    List<Cidr> ranges;
    if (child.allowedIpRanges().isEmpty()) {
      ranges = parentRanges;
    } else {
      List<String> invalid = new ArrayList<>();
      List<Cidr> own = parseValid(child.allowedIpRanges(), invalid);
      if (!invalid.isEmpty()) {
        reason = Reasons.INVALID_CIDR;
        problems.add(invalid.get(0));
      }
      ranges = IpRanges.intersect(own, parentRanges);
    }
    if (ranges.isEmpty()) {
      if (reason == null) {
        reason = Reasons.NO_ALLOWED_ADDRESSES;
      }
      problems.add(parentRanges.isEmpty()
          ? "The parent organization allows no IP address, so nobody can sign in here either."
          : "No IP address is allowed both by spec.security.allowedIpRanges and by the parent organization ("
              + String.join(", ", parentRanges.stream().map(Cidr::toString).toList())
              + "), so nobody can sign in; list ranges inside the parent's.");
    }

    PasswordPolicy password = child.password();
    if (password != null) {
      Optional<String> problem = password.problem();
      if (problem.isPresent()) {
        if (reason == null) {
          reason = Reasons.INVALID_PASSWORD_POLICY;
        }
        problems.add(problem.get().substring(0, problem.get().length() - 1)
            + "; the PCI_DSS preset applies until it is corrected.");
        password = PasswordPolicy.PCI_DSS_VALUES;
      }
    }
    PasswordPolicy effectivePassword = password == null ? parent.password()
        : parent.password() == null ? password.resolved() : password.stricter(parent.password());

    SecurityPolicy policy = new SecurityPolicy(
        ranges.stream().map(Cidr::toString).toList(),
        child.requireTwoFactor() || parent.requireTwoFactor(),
        child.showCopyClipboard() && parent.showCopyClipboard(),
        child.skipUserConsent() && parent.skipUserConsent(),
        child.blockDuplicateCloudAccounts() || parent.blockDuplicateCloudAccounts(),
        effectivePassword);
    Verdict verdict = reason == null ? Verdict.ok("Security policy is in effect.")
        : Verdict.degraded(reason, problems.get(0));
    return new EffectiveSecurity(policy, verdict);
  }

  /** One sentence per invalid range, in the order given; empty when every range is a valid CIDR. */
  public static List<String> problems(List<String> ranges) {
    List<String> invalid = new ArrayList<>();
    parseValid(ranges, invalid);
    return invalid;
  }

  private static List<Cidr> parseValid(List<String> ranges, List<String> invalid) {
    List<Cidr> out = new ArrayList<>();
    for (String r : ranges) {
      Optional<String> problem = Cidr.problem(r);
      if (problem.isPresent()) {
        invalid.add(problem.get());
      } else {
        out.add(Cidr.parse(r));
      }
    }
    return IpRanges.normalize(out);
  }
}
