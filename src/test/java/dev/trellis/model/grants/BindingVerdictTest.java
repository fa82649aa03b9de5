package dev.trellis.model.grants;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trellis.api.v1alpha1.PartnershipPhase;
import dev.trellis.model.Grants;
import dev.trellis.model.OrgBuilder;
import dev.trellis.model.Reasons;
import dev.trellis.model.snapshot.BindingNode;
import dev.trellis.model.snapshot.MemberNode;
import dev.trellis.model.snapshot.MemberType;
import dev.trellis.model.snapshot.PartnershipView;
import dev.trellis.model.snapshot.RoleNode;
import dev.trellis.model.snapshot.ScopeKind;
import dev.trellis.model.snapshot.ScopeRef;
import dev.trellis.model.snapshot.SubjectRef;
import dev.trellis.model.verdict.BindingVerdict;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every reason a RoleBinding can report, and the partner-member path of rule 3. */
class BindingVerdictTest {
  static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");

  static OrgBuilder london() {
    return OrgBuilder.org("mrpaints")
        .folder("eu", "").project("london", "eu")
        .folder("loop", "loop").project("stuck", "loop")
        .connector("conn", List.of("london"), List.of())
        .resource("ontap-london", "conn", List.of("london"), List.of())
        .user("alice")
        .member(MemberNode.user("gone-dark", "dark@mrpaints.com").withDisabled(true))
        .member(new MemberNode("no-email", MemberType.User, null, null, false))
        .role(new RoleNode("broken", List.of("resources.teleport"), Set.of(ScopeKind.Project), true));
  }

  static BindingVerdict verdictOf(OrgBuilder b, BindingNode binding) {
    return GrantResolver.resolve(b.bind(binding).build(), NOW).verdicts().bindings().get(binding.name());
  }

  static BindingNode binding(String role, SubjectRef subject, ScopeRef scope) {
    return new BindingNode("b", role, subject, scope, null);
  }

  static final SubjectRef ALICE = SubjectRef.member("alice");
  static final ScopeRef LONDON = ScopeRef.project("london");

  @Test
  void validBindingIsReadyAndEffective() {
    BindingVerdict v = verdictOf(london(), binding("operation-support-analyst", ALICE, LONDON));

    assertThat(v.ready()).isTrue();
    assertThat(v.effective()).isTrue();
    assertThat(v.reason()).isEqualTo(Reasons.READY);
  }

  @Test
  void roleNotFound() {
    assertThat(verdictOf(london(), binding("no-such-role", ALICE, LONDON)).reason()).isEqualTo(Reasons.ROLE_NOT_FOUND);
  }

  @Test
  void roleThatIsNotReadyGrantsNothing() {
    BindingVerdict v = verdictOf(london(), binding("broken", ALICE, LONDON));
    assertThat(v.reason()).isEqualTo(Reasons.ROLE_INVALID);
    assertThat(v.message()).contains(Reasons.UNKNOWN_PERMISSION);
  }

  @Test
  void organizationAdminCannotBeGivenAtAProject() {
    assertThat(verdictOf(london(), binding("organization-admin", ALICE, LONDON)).reason())
        .isEqualTo(Reasons.ROLE_NOT_ASSIGNABLE_AT_SCOPE);
  }

  @Test
  void storageRolesCannotBeGivenToPartnerMembers() {
    BindingVerdict v = verdictOf(london(), binding("storage-admin", SubjectRef.partnerMember("gp", "krishna"), LONDON));
    assertThat(v.reason()).isEqualTo(Reasons.ROLE_NOT_ASSIGNABLE_TO_PARTNERS);
    assertThat(v.effective()).isFalse();
  }

  @Test
  void scopeNotFound() {
    assertThat(verdictOf(london(), binding("operation-support-analyst", ALICE, ScopeRef.project("paris"))).reason())
        .isEqualTo(Reasons.SCOPE_NOT_FOUND);
    assertThat(verdictOf(london(), binding("operation-support-analyst", ALICE, ScopeRef.folder("us"))).reason())
        .isEqualTo(Reasons.SCOPE_NOT_FOUND);
    assertThat(verdictOf(london(), binding("operation-support-analyst", ALICE, null)).reason())
        .isEqualTo(Reasons.SCOPE_NOT_FOUND);
  }

  @Test
  void scopeInvalidWhenItSitsOnOrBelowACycle() {
    assertThat(verdictOf(london(), binding("operation-support-analyst", ALICE, ScopeRef.folder("loop"))).reason())
        .isEqualTo(Reasons.SCOPE_INVALID);
    assertThat(verdictOf(london(), binding("operation-support-analyst", ALICE, ScopeRef.project("stuck"))).reason())
        .isEqualTo(Reasons.SCOPE_INVALID);
  }

  @Test
  void subjectNotFoundInvalidOrDisabled() {
    assertThat(verdictOf(london(), binding("operation-support-analyst", SubjectRef.member("bob"), LONDON)).reason())
        .isEqualTo(Reasons.SUBJECT_NOT_FOUND);
    assertThat(verdictOf(london(), binding("operation-support-analyst", SubjectRef.member("no-email"), LONDON))
        .reason()).isEqualTo(Reasons.SUBJECT_INVALID);
    assertThat(verdictOf(london(), binding("operation-support-analyst", SubjectRef.member("gone-dark"), LONDON))
        .reason()).isEqualTo(Reasons.SUBJECT_DISABLED);
    assertThat(verdictOf(london(), binding("operation-support-analyst", null, LONDON)).reason())
        .isEqualTo(Reasons.SUBJECT_NOT_FOUND);
  }

  @Test
  void expired() {
    BindingVerdict v = verdictOf(london(), new BindingNode("b", "operation-support-analyst", ALICE, LONDON,
        NOW.minusSeconds(5)));
    assertThat(v.reason()).isEqualTo(Reasons.EXPIRED);
    assertThat(v.message()).contains("spec.expiresAt");
  }

  @Test
  void validBindingThatReachesNothingIsReadyButNotEffective() {
    BindingVerdict v = verdictOf(london().project("empty", ""),
        binding("operation-support-analyst", ALICE, ScopeRef.project("empty")));
    assertThat(v.ready()).isTrue();
    assertThat(v.effective()).isFalse();
    assertThat(v.message()).contains("reaches no resource");
  }

  // Partner members (rule 3): today no partnerships exist, so only PartnershipNotFound is reachable in
  // practice; the rest is resolved from partnership records already.

  static final SubjectRef KRISHNA = SubjectRef.partnerMember("globalpartners", "krishna");

  static PartnershipView partnership(PartnershipPhase phase, List<String> listed, List<MemberNode> members) {
    return new PartnershipView("globalpartners", phase, "globalpartners", listed, members);
  }

  static final MemberNode KRISHNA_MEMBER = MemberNode.user("krishna", "krishna@globalpartners.com");

  @Test
  void partnerMemberWithoutPartnershipIsPartnershipNotFound() {
    assertThat(verdictOf(london(), binding("operation-support-analyst", KRISHNA, LONDON)).reason())
        .isEqualTo(Reasons.PARTNERSHIP_NOT_FOUND);
  }

  @ParameterizedTest
  @EnumSource(value = PartnershipPhase.class, names = {"Initiated", "Paused", "Terminated"})
  void partnerMemberLosesAccessUnlessThePartnershipIsEstablished(PartnershipPhase phase) {
    var b = london().partnership(partnership(phase, List.of("krishna"), List.of(KRISHNA_MEMBER)));
    assertThat(verdictOf(b, binding("operation-support-analyst", KRISHNA, LONDON)).reason())
        .isEqualTo(Reasons.PARTNERSHIP_NOT_ESTABLISHED);
  }

  @Test
  void partnerMemberNotListedInTheAcceptance() {
    var b =
        london().partnership(partnership(PartnershipPhase.Established, List.of("someone"), List.of(KRISHNA_MEMBER)));
    assertThat(verdictOf(b, binding("operation-support-analyst", KRISHNA, LONDON)).reason())
        .isEqualTo(Reasons.NOT_A_PARTNERSHIP_MEMBER);
  }

  @Test
  void partnerMemberListedButMissingOrDisabledInThePartnerOrganization() {
    var missing = london().partnership(partnership(PartnershipPhase.Established, List.of("krishna"), List.of()));
    assertThat(verdictOf(missing, binding("operation-support-analyst", KRISHNA, LONDON)).reason())
        .isEqualTo(Reasons.SUBJECT_NOT_FOUND);
    var disabled = london().partnership(partnership(PartnershipPhase.Established, List.of("krishna"),
        List.of(KRISHNA_MEMBER.withDisabled(true))));
    assertThat(verdictOf(disabled, binding("operation-support-analyst", KRISHNA, LONDON)).reason())
        .isEqualTo(Reasons.SUBJECT_DISABLED);
  }

  @Test
  void establishedPartnerMemberGetsAnEntryViaThePartnership() {
    var snap = london()
        .partnership(partnership(PartnershipPhase.Established, List.of("krishna"), List.of(KRISHNA_MEMBER)))
        .bind(new BindingNode("krishna-london-analyst", "operation-support-analyst", KRISHNA, LONDON, null))
        .build();

    Resolution r = GrantResolver.resolve(snap, NOW);

    assertThat(Grants.entries(r)).singleElement().satisfies(e -> {
      assertThat(e.subject()).isEqualTo("krishna@globalpartners.com");
      assertThat(e.subjectKind()).isEqualTo("User");
      assertThat(e.subjectOrganization()).isEqualTo("globalpartners");
      assertThat(e.permissions()).containsExactly("alerts.manage", "alerts.view", "monitoring.view", "resources.view");
      assertThat(e.grants()).containsExactly(new Grant("operation-support-analyst", "krishna-london-analyst",
          "Partnership/globalpartners", "Project/london", null));
    });
  }

  @Test
  void everyBindingMessageIsOneSentenceSayingHowToFixIt() {
    List.of(binding("nope", ALICE, LONDON), binding("organization-admin", ALICE, LONDON),
        binding("operation-support-analyst", SubjectRef.member("bob"), LONDON))
        .forEach(x -> {
          String m = verdictOf(london(), x).message();
          assertThat(m).endsWith(".").contains(";");
          assertThat(m.substring(0, m.length() - 1)).doesNotContain(". ");
        });
  }
}
