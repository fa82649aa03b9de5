package dev.trellis.model.snapshot;

/** A member of an organization: a user (identified by email) or a service account (by client id). */
public record MemberNode(String name, MemberType type, String email, String clientId, boolean disabled) {

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
    return new MemberNode(name, type, email, clientId, value);
  }
}
