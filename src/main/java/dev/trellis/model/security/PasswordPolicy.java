package dev.trellis.model.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The password rules of an organization's users. Zero means "no such rule" for {@code maxAgeDays} (never
 * expires), {@code historyCount}, {@code lockoutAttempts} (never locks) and {@code idleTimeoutMinutes}.
 * With preset {@code PCI_DSS} the values are those of {@link #PCI_DSS_VALUES} whatever the fields say.
 */
public record PasswordPolicy(
    PasswordPreset preset,
    int minLength,
    int maxAgeDays,
    int historyCount,
    boolean requireUppercase,
    boolean requireLowercase,
    boolean requireDigit,
    boolean requireSpecial,
    int lockoutAttempts,
    int lockoutMinutes,
    int idleTimeoutMinutes) {

  public static final int MAX_LENGTH = 128;
  public static final int MAX_AGE_DAYS = 3650;
  public static final int MAX_HISTORY = 24;
  public static final int MAX_LOCKOUT_ATTEMPTS = 100;
  public static final int MAX_LOCKOUT_MINUTES = 10080;
  public static final int MAX_IDLE_MINUTES = 1440;

  /**
   * PCI DSS v4.0 requirement 8: at least 12 characters with letters and digits (8.3.6; upper and lower case
   * both required here, which satisfies "alphabetic"), changed at least every 90 days (8.3.9), not one of the
   * last 4 (8.3.7), locked after at most 10 failed attempts (8.3.4) for at least 30 minutes (8.3.4), and
   * re-authentication after 15 idle minutes (8.2.8).
   */
  public static final PasswordPolicy PCI_DSS_VALUES =
      new PasswordPolicy(PasswordPreset.PCI_DSS, 12, 90, 4, true, true, true, false, 10, 30, 15);

  /** The PCI DSS preset. */
  public static PasswordPolicy pciDss() {
    return PCI_DSS_VALUES;
  }

  /** A custom policy. */
  public static PasswordPolicy custom(int minLength, int maxAgeDays, int historyCount, boolean requireUppercase,
      boolean requireLowercase, boolean requireDigit, boolean requireSpecial, int lockoutAttempts,
      int lockoutMinutes, int idleTimeoutMinutes) {
    return new PasswordPolicy(PasswordPreset.Custom, minLength, maxAgeDays, historyCount, requireUppercase,
        requireLowercase, requireDigit, requireSpecial, lockoutAttempts, lockoutMinutes, idleTimeoutMinutes);
  }

  /** The values that apply: the preset's for {@code PCI_DSS} (a null preset counts as Custom). */
  public PasswordPolicy resolved() {
    return preset == PasswordPreset.PCI_DSS ? PCI_DSS_VALUES
        : preset == null ? withPreset(PasswordPreset.Custom) : this;
  }

  /** What is out of range in a custom policy, in one sentence, or empty. The preset is always valid. */
  public Optional<String> problem() {
    if (preset == PasswordPreset.PCI_DSS) {
      return Optional.empty();
    }
    List<String> bad = new ArrayList<>();
    range(bad, "minLength", minLength, 1, MAX_LENGTH);
    range(bad, "maxAgeDays", maxAgeDays, 0, MAX_AGE_DAYS);
    range(bad, "historyCount", historyCount, 0, MAX_HISTORY);
    range(bad, "lockoutAttempts", lockoutAttempts, 0, MAX_LOCKOUT_ATTEMPTS);
    range(bad, "lockoutMinutes", lockoutMinutes, 0, MAX_LOCKOUT_MINUTES);
    range(bad, "idleTimeoutMinutes", idleTimeoutMinutes, 0, MAX_IDLE_MINUTES);
    return bad.isEmpty() ? Optional.empty()
        : Optional.of("The password policy is out of range: " + String.join(", ", bad) + ".");
  }

  /**
   * The stricter of two policies, rule by rule: the longer minimum length and history, every character class
   * either requires, the shorter maximum age, idle timeout and attempts before lockout (zero, "no rule",
   * loses to any limit), the longer lockout. The preset is PCI_DSS only if the result equals it.
   */
  public PasswordPolicy stricter(PasswordPolicy other) {
    PasswordPolicy a = resolved();
    PasswordPolicy b = other.resolved();
    PasswordPolicy merged = new PasswordPolicy(PasswordPreset.Custom,
        Math.max(a.minLength, b.minLength),
        tighterLimit(a.maxAgeDays, b.maxAgeDays),
        Math.max(a.historyCount, b.historyCount),
        a.requireUppercase || b.requireUppercase,
        a.requireLowercase || b.requireLowercase,
        a.requireDigit || b.requireDigit,
        a.requireSpecial || b.requireSpecial,
        tighterLimit(a.lockoutAttempts, b.lockoutAttempts),
        Math.max(a.lockoutMinutes, b.lockoutMinutes),
        tighterLimit(a.idleTimeoutMinutes, b.idleTimeoutMinutes));
    return merged.withPreset(PasswordPreset.PCI_DSS).equals(PCI_DSS_VALUES) ? PCI_DSS_VALUES : merged;
  }

  /** Whether this policy is at least as strict as the other on every rule. */
  public boolean atLeastAsStrictAs(PasswordPolicy other) {
    PasswordPolicy a = resolved();
    return a.stricter(other).withPreset(a.preset).equals(a);
  }

  PasswordPolicy withPreset(PasswordPreset p) {
    return new PasswordPolicy(p, minLength, maxAgeDays, historyCount, requireUppercase, requireLowercase,
        requireDigit, requireSpecial, lockoutAttempts, lockoutMinutes, idleTimeoutMinutes);
  }

  private static int tighterLimit(int a, int b) {
    if (a == 0) {
      return b;
    }
    return b == 0 ? a : Math.min(a, b);
  }

  private static void range(List<String> bad, String name, int value, int min, int max) {
    if (value < min || value > max) {
      bad.add(name + " " + value + " is not from " + min + " to " + max);
    }
  }
}
