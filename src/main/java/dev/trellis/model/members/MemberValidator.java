package dev.trellis.model.members;

import dev.trellis.model.Reasons;
import dev.trellis.model.snapshot.MemberNode;
import dev.trellis.model.snapshot.MemberType;
import dev.trellis.model.verdict.Verdict;
import java.time.Instant;

/** Judges a member and names the subject it appears as in grants. */
public final class MemberValidator {

  private MemberValidator() {}

  /**
   * The member on its own at {@code now}: a user needs an e-mail address, an invited member an acceptance in
   * time. A disabled member is still Ready: it is well formed; bindings naming it report SubjectDisabled.
   */
  public static Verdict judge(MemberNode m, Instant now) {
    if (type(m) == MemberType.User && blank(m.email())) {
      return Verdict.invalid(Reasons.EMAIL_REQUIRED,
          "User member has no spec.email; set it, since a user's email is its subject in grants.");
    }
    if (type(m) == MemberType.ServiceAccount && m.clientId() != null && m.clientId().contains("@")) {
      // The schema refuses this; an object stored before that rule still must not pose as a person in grants.
      return Verdict.invalid(Reasons.CLIENT_ID_INVALID, "Service account client ID " + m.clientId()
          + " contains '@' and could be taken for a person's e-mail address; choose a client ID without '@'.");
    }
    var invitation = Invitations.problem(m, now);
    if (invitation.isPresent()) {
      return invitation.get();
    }
    if (m.disabled()) {
      return Verdict.ok("Member is disabled and grants nothing; set spec.disabled to false to restore its access.");
    }
    return Verdict.ok("Member is valid.");
  }

  /** The subject string of a member of {@code organization}: a user's email, a service account's client id. */
  public static String subject(MemberNode m, String organization) {
    if (type(m) == MemberType.User) {
      return m.email();
    }
    return blank(m.clientId()) ? organization + "/" + m.name() : m.clientId();
  }

  /** The member's type; an absent type means User, the spec's default. */
  public static MemberType type(MemberNode m) {
    return m.type() == null ? MemberType.User : m.type();
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
