package dev.trellis.model.grants;

import dev.trellis.api.v1alpha1.PartnershipPhase;
import dev.trellis.model.Reasons;
import dev.trellis.model.members.MemberValidator;
import dev.trellis.model.snapshot.BindingNode;
import dev.trellis.model.snapshot.MemberNode;
import dev.trellis.model.snapshot.PartnershipView;
import dev.trellis.model.snapshot.RoleNode;
import dev.trellis.model.snapshot.ScopeKind;
import dev.trellis.model.snapshot.ScopeRef;
import dev.trellis.model.snapshot.SubjectKind;
import dev.trellis.model.snapshot.SubjectRef;
import dev.trellis.model.verdict.Verdict;
import java.time.Instant;

/**
 * Checks rules 1-4 of DESIGN §3 for one binding, in that order (role, scope, subject, expiry), and reports
 * the first failure: a user fixes one thing at a time and sees the next.
 */
final class BindingValidator {

  private BindingValidator() {}

  static BindingCheck check(BindingNode b, OrgIndex idx, Instant now) {
    SubjectRef subject = b.subject();
    boolean partner = subject != null && subject.kind() == SubjectKind.PartnerMember;
    RoleNode role = b.role() == null ? null : idx.roles.get(b.role());
    if (role == null) {
      return fail(Reasons.ROLE_NOT_FOUND, "Role \"" + b.role()
          + "\" does not exist; create the AccessRole or set spec.role to an existing one.");
    }
    if (!idx.roleVerdicts.get(role.name()).ready()) {
      return fail(Reasons.ROLE_INVALID, "Role \"" + role.name() + "\" is not Ready ("
          + idx.roleVerdicts.get(role.name()).reason() + "); fix the role or choose another one.");
    }
    ScopeRef scope = b.scope();
    if (scope == null || scope.kind() == null) {
      return fail(Reasons.SCOPE_NOT_FOUND, "The binding has no scope; set spec.scope.kind to Organization, Folder or"
          + " Project.");
    }
    if (!role.assignableAt().contains(scope.kind())) {
      return fail(Reasons.ROLE_NOT_ASSIGNABLE_AT_SCOPE, "Role \"" + role.name() + "\" cannot be given at "
          + scope.kind() + " scope (assignable at " + role.assignableAt().stream().sorted().toList()
          + "); choose another scope or role.");
    }
    if (partner && !role.assignableToPartners()) {
      return fail(Reasons.ROLE_NOT_ASSIGNABLE_TO_PARTNERS, "Role \"" + role.name()
          + "\" cannot be given to partner members; choose a role whose spec.assignableToPartners is true.");
    }
    Verdict scopeProblem = scope(scope, idx);
    if (scopeProblem != null) {
      return BindingCheck.invalid(scopeProblem);
    }
    if (subject == null || subject.kind() == null || subject.name() == null) {
      return fail(Reasons.SUBJECT_NOT_FOUND, "The binding names no subject; set spec.subject.kind and"
          + " spec.subject.name.");
    }
    BindingCheck subjectCheck = partner ? partnerSubject(subject, idx, now) : memberSubject(subject, idx);
    if (subjectCheck.verdict() != null) {
      return subjectCheck;
    }
    if (b.expiresAt() != null && !b.expiresAt().isAfter(now)) {
      return fail(Reasons.EXPIRED, "The binding expired at " + b.expiresAt()
          + "; set a later spec.expiresAt or delete the binding.");
    }
    String until = b.expiresAt() == null ? "" : " until " + b.expiresAt();
    return new BindingCheck(Verdict.ok("Binding gives role \"" + role.name() + "\" to "
        + subjectCheck.subject().subject() + " at " + scope.label() + until + "."), role, subjectCheck.subject());
  }

  private static Verdict scope(ScopeRef scope, OrgIndex idx) {
    if (scope.kind() == ScopeKind.Organization) {
      return null;
    }
    String what = scope.kind() == ScopeKind.Folder ? "Folder" : "Project";
    boolean exists = scope.kind() == ScopeKind.Folder
        ? idx.hierarchy.folderExists(scope.name())
        : idx.hierarchy.projectExists(scope.name());
    if (!exists) {
      return Verdict.invalid(Reasons.SCOPE_NOT_FOUND, what + " \"" + scope.name()
          + "\" does not exist; create it or set spec.scope to an existing " + what.toLowerCase() + ".");
    }
    boolean valid = scope.kind() == ScopeKind.Folder
        ? idx.hierarchy.folderValid(scope.name())
        : idx.hierarchy.projectValid(scope.name());
    if (!valid) {
      String reason = (scope.kind() == ScopeKind.Folder
          ? idx.hierarchy.folderVerdicts() : idx.hierarchy.projectVerdicts()).get(scope.name()).reason();
      return Verdict.invalid(Reasons.SCOPE_INVALID, what + " \"" + scope.name() + "\" is not Ready (" + reason
          + "); fix its place in the hierarchy.");
    }
    return null;
  }

  private static BindingCheck memberSubject(SubjectRef s, OrgIndex idx) {
    MemberNode m = idx.members.get(s.name());
    if (m == null) {
      return fail(Reasons.SUBJECT_NOT_FOUND, "Member \"" + s.name()
          + "\" does not exist in this organization; create it or set spec.subject.name to an existing member.");
    }
    BindingCheck usable = usableMember(m, idx.memberVerdicts.get(m.name()), "Member \"" + m.name() + "\"");
    if (usable != null) {
      return usable;
    }
    return new BindingCheck(null, null, new ResolvedSubject(MemberValidator.subject(m, idx.organization()),
        MemberValidator.type(m).name(), idx.organization(), "Member/" + m.name()));
  }

  private static BindingCheck partnerSubject(SubjectRef s, OrgIndex idx, Instant now) {
    PartnershipView p = s.partnership() == null ? null : idx.partnerships.get(s.partnership());
    if (p == null) {
      return fail(Reasons.PARTNERSHIP_NOT_FOUND, "Partnership \"" + s.partnership()
          + "\" does not exist in this organization; create it or set spec.subject.partnership to an existing one.");
    }
    if (p.phase() != PartnershipPhase.Established) {
      return fail(Reasons.PARTNERSHIP_NOT_ESTABLISHED, "Partnership \"" + p.name() + "\" is " + p.phase()
          + ", not Established; grants resume once the partner accepts it and it is not paused.");
    }
    if (!p.listedMembers().contains(s.name())) {
      return fail(Reasons.NOT_A_PARTNERSHIP_MEMBER, "\"" + s.name() + "\" is not listed in the partner's acceptance"
          + " of partnership \"" + p.name() + "\"; ask " + p.partnerOrganization() + " to add the member to it.");
    }
    MemberNode m = p.partnerMembers().stream().filter(x -> s.name().equals(x.name())).findFirst().orElse(null);
    if (m == null) {
      return fail(Reasons.SUBJECT_NOT_FOUND, "Member \"" + s.name() + "\" does not exist in partner organization "
          + p.partnerOrganization() + "; ask the partner to create it or fix spec.subject.name.");
    }
    BindingCheck usable = usableMember(m, MemberValidator.judge(m, now),
        "Partner member \"" + m.name() + "\" of " + p.partnerOrganization());
    if (usable != null) {
      return usable;
    }
    return new BindingCheck(null, null, new ResolvedSubject(MemberValidator.subject(m, p.partnerOrganization()),
        MemberValidator.type(m).name(), p.partnerOrganization(), "Partnership/" + p.name()));
  }

  private static BindingCheck usableMember(MemberNode m, Verdict v, String who) {
    if (!v.ready()) {
      return fail(Reasons.SUBJECT_INVALID, who + " is not Ready (" + v.reason() + "); fix the member.");
    }
    if (m.disabled()) {
      return fail(Reasons.SUBJECT_DISABLED, who + " is disabled; enable it to restore this binding.");
    }
    return null;
  }

  private static BindingCheck fail(String reason, String message) {
    return BindingCheck.invalid(Verdict.invalid(reason, message));
  }
}
