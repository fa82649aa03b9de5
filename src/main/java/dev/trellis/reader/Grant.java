package dev.trellis.reader;

import java.time.Instant;

/** One binding's contribution to an entry; {@code binding} is null for a single sign-on default role, {@code expiresAt} null for never. */
public record Grant(String role, String binding, String via, String scope, Instant expiresAt) {

  /** Whether this grant still counts at {@code now}: fail-closed, a grant expiring exactly at {@code now} does not. */
  public boolean inForce(Instant now) {
    return expiresAt == null || expiresAt.isAfter(now);
  }
}
