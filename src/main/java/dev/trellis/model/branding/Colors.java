package dev.trellis.model.branding;

import dev.trellis.model.Reasons;
import dev.trellis.model.verdict.Verdict;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Branding colours: {@code #RRGGBB} or {@code #RGB}, in either case. */
public final class Colors {

  /** The pattern a CRD schema can share. */
  public static final String PATTERN = "^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$";
  private static final Pattern COLOR = Pattern.compile(PATTERN);

  private Colors() {}

  public static boolean valid(String value) {
    return value != null && COLOR.matcher(value).matches();
  }

  /** {@code InvalidColor} naming the field, or empty when the value is a colour (or absent). */
  public static Optional<Verdict> check(String field, String value) {
    if (value == null || valid(value)) {
      return Optional.empty();
    }
    return Optional.of(Verdict.invalid(Reasons.INVALID_COLOR, field + " \"" + value
        + "\" is not a colour; write #RRGGBB or #RGB, such as #1a2b3c."));
  }

  /** The canonical form, lower-case {@code #rrggbb}: {@code #AbC} becomes {@code #aabbcc}. */
  public static String normalize(String value) {
    if (!valid(value)) {
      throw new IllegalArgumentException("not a colour: " + value);
    }
    String hex = value.substring(1).toLowerCase(Locale.ROOT);
    if (hex.length() == 3) {
      hex = "" + hex.charAt(0) + hex.charAt(0) + hex.charAt(1) + hex.charAt(1) + hex.charAt(2) + hex.charAt(2);
    }
    return "#" + hex;
  }
}
