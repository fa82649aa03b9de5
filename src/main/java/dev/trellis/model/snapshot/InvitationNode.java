package dev.trellis.model.snapshot;

import java.time.Instant;

/**
 * A member's invitation: until when it may be accepted and, once accepted in time, when and by which
 * InvitationAcceptance ({@code acceptedAt} and {@code acceptance} null while nobody has).
 */
public record InvitationNode(Instant expiresAt, Instant acceptedAt, String acceptance) {

  /** An invitation nobody has accepted yet. */
  public static InvitationNode pending(Instant expiresAt) {
    return new InvitationNode(expiresAt, null, null);
  }

  public boolean accepted() {
    return acceptedAt != null;
  }
}
