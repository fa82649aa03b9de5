package dev.trellis.model.members;

import dev.trellis.api.v1alpha1.MemberPhase;
import dev.trellis.model.Reasons;
import dev.trellis.model.snapshot.AcceptanceNode;
import dev.trellis.model.snapshot.InvitationNode;
import dev.trellis.model.snapshot.MemberNode;
import dev.trellis.model.verdict.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Invitations by e-mail (seed 003): an invited member is Invited until an InvitationAcceptance for it, with its
 * e-mail address, is created before the invitation expires; then Active for good. Without acceptance in time it
 * is Expired. Only the invitee can create an acceptance carrying their address: the admission policy compares
 * spec.email with the requesting user's Kubernetes username.
 */
public final class Invitations {
  /** The default time to accept, as seed 003 says: 14 days. */
  public static final Duration DEFAULT_TTL = Duration.ofDays(14);
  private static final Pattern TTL = Pattern.compile("^(?:(\\d+)d)?(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?$");

  private Invitations() {}

  /**
   * Parses a ttl such as 14d, 36h or 1h30m; absent means 14 days. Anything malformed is zero, so that an
   * invitation the schema should have refused expires at once rather than lasting forever.
   */
  public static Duration ttl(String value) {
    if (value == null || value.isEmpty()) {
      return DEFAULT_TTL;
    }
    Matcher m = TTL.matcher(value);
    if (!m.matches()) {
      return Duration.ZERO;
    }
    try {
      return Duration.ofDays(part(m, 1)).plusHours(part(m, 2)).plusMinutes(part(m, 3)).plusSeconds(part(m, 4));
    } catch (ArithmeticException | NumberFormatException e) {
      // The schema admits any number of digits: one past a long is malformed too.
      return Duration.ZERO;
    }
  }

  private static long part(Matcher m, int group) {
    return m.group(group) == null ? 0 : Long.parseLong(m.group(group));
  }

  /**
   * The invitation of a member created at {@code created} with {@code ttl}, accepted by the earliest acceptance
   * that names the member and its e-mail address and was created before the invitation expired.
   */
  public static InvitationNode invitation(String member, String email, Instant created, Duration ttl,
      Collection<AcceptanceNode> acceptances) {
    Instant expiresAt = expiry(created == null ? Instant.EPOCH : created, ttl);
    return acceptances.stream()
        .filter(a -> member.equals(a.member()) && sameAddress(email, a.email()) && a.created() != null
            && a.created().isBefore(expiresAt))
        .min(Comparator.comparing(AcceptanceNode::created).thenComparing(AcceptanceNode::name))
        .map(a -> new InvitationNode(expiresAt, a.created(), a.name()))
        .orElse(InvitationNode.pending(expiresAt));
  }

  /** When an invitation sent at {@code sent} ends; a ttl past the last instant Java can hold ends it at once. */
  static Instant expiry(Instant sent, Duration ttl) {
    try {
      return sent.plus(ttl);
    } catch (java.time.DateTimeException | ArithmeticException e) {
      return sent;
    }
  }

  /** Where a member stands at {@code now}. */
  public static MemberPhase phase(MemberNode m, Instant now) {
    InvitationNode inv = m.invitation();
    if (inv == null || inv.accepted()) {
      return MemberPhase.Active;
    }
    return now.isBefore(inv.expiresAt()) ? MemberPhase.Invited : MemberPhase.Expired;
  }

  /** The member's verdict as far as its invitation goes; empty when it is Active. */
  public static Optional<Verdict> problem(MemberNode m, Instant now) {
    return switch (phase(m, now)) {
      case Active -> Optional.empty();
      case Invited -> Optional.of(Verdict.invalid(Reasons.INVITATION_PENDING, "The invitation to " + m.email()
          + " awaits acceptance until " + m.invitation().expiresAt() + "; the invitee accepts it by creating an"
          + " InvitationAcceptance for member " + m.name() + " with their own identity."));
      case Expired -> Optional.of(Verdict.invalid(Reasons.INVITATION_EXPIRED, "The invitation to " + m.email()
          + " expired at " + m.invitation().expiresAt() + " without being accepted; delete the Member and create"
          + " it again to invite anew."));
    };
  }

  /** Whether an acceptance counts, and if not, why. */
  public static Verdict acceptance(AcceptanceNode a, Map<String, MemberNode> members) {
    MemberNode m = a.member() == null ? null : members.get(a.member());
    if (m == null) {
      return Verdict.invalid(Reasons.MEMBER_NOT_FOUND, "Member \"" + a.member() + "\" does not exist in this"
          + " namespace; accept the invitation of an existing member.");
    }
    if (m.invitation() == null) {
      return Verdict.invalid(Reasons.NOT_INVITED, "Member \"" + m.name() + "\" was declared without an invitation"
          + " (spec.invitation); there is nothing to accept.");
    }
    if (!sameAddress(m.email(), a.email())) {
      return Verdict.invalid(Reasons.NOT_INVITEE, "The invitation of member \"" + m.name() + "\" is for a different"
          + " e-mail address than " + a.email() + "; only the invitee can accept it.");
    }
    if (a.created() == null || !a.created().isBefore(m.invitation().expiresAt())) {
      return Verdict.invalid(Reasons.INVITATION_EXPIRED, "The invitation of member \"" + m.name() + "\" expired at "
          + m.invitation().expiresAt() + ", before this acceptance; ask for a new invitation.");
    }
    if (!a.name().equals(m.invitation().acceptance())) {
      return Verdict.invalid(Reasons.ALREADY_ACCEPTED, "InvitationAcceptance \"" + m.invitation().acceptance()
          + "\" accepted the invitation of member \"" + m.name() + "\" first; this one can be deleted.");
    }
    return new Verdict(true, true, Reasons.INVITATION_ACCEPTED, "Accepted the invitation of member \"" + m.name()
        + "\" at " + a.created() + ".");
  }

  /** E-mail addresses compare without regard to case. */
  public static boolean sameAddress(String a, String b) {
    return a != null && b != null && a.toLowerCase(Locale.ROOT).equals(b.toLowerCase(Locale.ROOT));
  }

  /** The domain of an e-mail address, lower case; empty for something that is not one. */
  public static String domainOf(String email) {
    if (email == null) {
      return "";
    }
    int at = email.lastIndexOf('@');
    return at < 0 ? "" : email.substring(at + 1).toLowerCase(Locale.ROOT);
  }
}
