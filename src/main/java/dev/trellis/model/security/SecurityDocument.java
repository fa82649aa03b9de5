package dev.trellis.model.security;

import java.util.List;
import java.util.Map;

/**
 * The effective security policy as the gateways read it: ConfigMap data with one key, {@code security.json},
 * holding canonical JSON (keys sorted, no whitespace), so that the same policy always gives the same bytes.
 */
public final class SecurityDocument {

  /** The ConfigMap key. */
  public static final String KEY = "security.json";

  private SecurityDocument() {}

  /** The ConfigMap data of an effective policy. */
  public static Map<String, String> render(SecurityPolicy effective) {
    return Map.of(KEY, json(effective));
  }

  /** The canonical JSON of an effective policy. */
  public static String json(SecurityPolicy p) {
    StringBuilder out = new StringBuilder("{");
    out.append("\"allowedIpRanges\":").append(strings(p.allowedIpRanges()));
    out.append(",\"blockDuplicateCloudAccounts\":").append(p.blockDuplicateCloudAccounts());
    out.append(",\"password\":").append(p.password() == null ? "null" : password(p.password().resolved()));
    out.append(",\"requireTwoFactor\":").append(p.requireTwoFactor());
    out.append(",\"showCopyClipboard\":").append(p.showCopyClipboard());
    out.append(",\"skipUserConsent\":").append(p.skipUserConsent());
    return out.append('}').toString();
  }

  private static String password(PasswordPolicy w) {
    return "{\"historyCount\":" + w.historyCount()
        + ",\"idleTimeoutMinutes\":" + w.idleTimeoutMinutes()
        + ",\"lockoutAttempts\":" + w.lockoutAttempts()
        + ",\"lockoutMinutes\":" + w.lockoutMinutes()
        + ",\"maxAgeDays\":" + w.maxAgeDays()
        + ",\"minLength\":" + w.minLength()
        + ",\"preset\":\"" + w.preset().name() + "\""
        + ",\"requireDigit\":" + w.requireDigit()
        + ",\"requireLowercase\":" + w.requireLowercase()
        + ",\"requireSpecial\":" + w.requireSpecial()
        + ",\"requireUppercase\":" + w.requireUppercase()
        + "}";
  }

  /** A JSON array of CIDR strings; CIDRs contain no character that needs escaping. */
  private static String strings(List<String> values) {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        sb.append(',');
      }
      sb.append('"').append(values.get(i).replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
    }
    return sb.append(']').toString();
  }
}
