package dev.trellis.model.verdict;

import dev.trellis.model.Reasons;

/**
 * The Ready condition an object should report, and whether grant resolution may use it.
 *
 * <p>{@code usable} differs from {@code ready} for resources and connectors whose lists name a missing or
 * duplicate project or folder: DESIGN says such a problem is reported (Ready=False) and ignored, so the
 * object is not Ready yet its valid associations keep granting. Every other invalid object is unusable.
 */
public record Verdict(boolean ready, boolean usable, String reason, String message) {

  /** A valid object. */
  public static Verdict ok(String message) {
    return new Verdict(true, true, Reasons.READY, message);
  }

  /** An invalid object that grants nothing. */
  public static Verdict invalid(String reason, String message) {
    return new Verdict(false, false, reason, message);
  }

  /** An object that reports a problem while its valid parts keep working. */
  public static Verdict degraded(String reason, String message) {
    return new Verdict(false, true, reason, message);
  }
}
