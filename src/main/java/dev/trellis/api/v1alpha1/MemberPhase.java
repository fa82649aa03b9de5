package dev.trellis.api.v1alpha1;

/** Where a member stands: invited and waiting, active, or an invitation that ran out. */
public enum MemberPhase {
  /** Created with spec.invitation and not accepted yet: grants nothing. */
  Invited,
  /** Declared without an invitation, or invited and accepted in time. */
  Active,
  /** Invited and not accepted within spec.invitation.ttl: grants nothing. */
  Expired
}
