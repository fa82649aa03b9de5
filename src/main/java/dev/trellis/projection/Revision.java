package dev.trellis.projection;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The revision of a grants document: {@code sha256:} and the hex SHA-256 of its canonical form without revision. */
public final class Revision {

  private Revision() {}

  public static String of(String canonicalWithoutRevision) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256")
          .digest(canonicalWithoutRevision.getBytes(StandardCharsets.UTF_8));
      return "sha256:" + HexFormat.of().formatHex(hash);
    } catch (NoSuchAlgorithmException e) {
      // Every Java runtime must provide SHA-256.
      throw new IllegalStateException(e);
    }
  }
}
