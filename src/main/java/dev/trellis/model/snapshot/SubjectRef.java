package dev.trellis.model.snapshot;

/** The subject of a role binding; {@code partnership} is used only for {@link SubjectKind#PartnerMember}. */
public record SubjectRef(SubjectKind kind, String name, String partnership) {

  /** A member of the binding's own organization. */
  public static SubjectRef member(String name) {
    return new SubjectRef(SubjectKind.Member, name, null);
  }

  /** A member of the partner organization of the named partnership. */
  public static SubjectRef partnerMember(String partnership, String name) {
    return new SubjectRef(SubjectKind.PartnerMember, name, partnership);
  }
}
