package dev.trellis.model.snapshot;

/** Who a role binding names: a member of this organization or a member of a partner organization. */
public enum SubjectKind {
  Member,
  PartnerMember
}
