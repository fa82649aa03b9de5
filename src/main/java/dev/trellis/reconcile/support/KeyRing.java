package dev.trellis.reconcile.support;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The public keys a connector may verify grants documents with: the current signing key, and each earlier one for
 * {@link #RETAIN} after it was replaced, so documents signed just before a rotation stay verifiable while the
 * operator re-signs them.
 */
public record KeyRing(List<Key> keys) {
  /** How long a replaced key stays published. */
  public static final Duration RETAIN = Duration.ofDays(30);

  /** One published key: its id, the public key (X.509 DER, base64), since when it signs, and when it stopped. */
  public record Key(String keyId, String algorithm, String publicKey, String since, String retiredAt) {}

  public KeyRing {
    keys = List.copyOf(keys);
  }

  /**
   * The ring once {@code current} signs at {@code now}: it is added (or kept, unretired); any other key still
   * unretired is retired now; keys retired longer than {@link #RETAIN} ago are dropped. Sorted by id.
   */
  public KeyRing with(String keyId, String publicKey, Instant now) {
    List<Key> out = new ArrayList<>();
    boolean present = false;
    for (Key k : keys) {
      if (k.keyId().equals(keyId)) {
        out.add(new Key(keyId, k.algorithm(), publicKey, k.since(), null));
        present = true;
      } else if (k.retiredAt() == null) {
        out.add(new Key(k.keyId(), k.algorithm(), k.publicKey(), k.since(), now.toString()));
      } else if (!retiredBefore(k, now.minus(RETAIN))) {
        out.add(k);
      }
    }
    if (!present) {
      out.add(new Key(keyId, "Ed25519", publicKey, now.toString(), null));
    }
    out.sort(Comparator.comparing(Key::keyId));
    return new KeyRing(out);
  }

  private static boolean retiredBefore(Key k, Instant limit) {
    try {
      return Instant.parse(k.retiredAt()).isBefore(limit);
    } catch (RuntimeException e) {
      return true; // a retirement Trellis cannot read is not kept
    }
  }
}
