package dev.trellis.model.snapshot;

import java.time.Instant;

/**
 * A member of an organization: a user (identified by email) or a service account (by client id). {@code created}
 * orders members that share an e-mail address (creation times have whole seconds: within one second the member
 * that was already Ready, {@code wasReady}, counts as first); {@code invitation} is null for a member declared
 * without one.
 */
public record MemberNode(String name, MemberType type, String email, String clientId, boolean disabled,
    Instant created, InvitationNode invitation, boolean wasReady) {

  /** A member declared without an invitation, of unknown creation time. */
  public MemberNode(String name, MemberType type, String email, String clientId, boolean disabled) {
    this(name, type, email, clientId, disabled, null, null, false);
  }

  /** A user member. */
  public static MemberNode user(String name, String email) {
    return new MemberNode(name, MemberType.User, email, null, false);
  }

  /** A service account member with the default client id. */
  public static MemberNode serviceAccount(String name) {
    return new MemberNode(name, MemberType.ServiceAccount, null, null, false);
  }

  /** The same member, disabled or enabled. */
  public MemberNode withDisabled(boolean value) {
    return new MemberNode(name, type, email, clientId, value, created, invitation, wasReady);
  }

  /** The same member, created at {@code at}. */
  public MemberNode withCreated(Instant at) {
    return new MemberNode(name, type, email, clientId, disabled, at, invitation, wasReady);
  }

  /** The same member, Ready before or not. */
  public MemberNode withWasReady(boolean value) {
    return new MemberNode(name, type, email, clientId, disabled, created, invitation, value);
  }

  /** The same member, with an invitation. */
  public MemberNode withInvitation(InvitationNode value) {
    return new MemberNode(name, type, email, clientId, disabled, created, value, wasReady);
  }
}
