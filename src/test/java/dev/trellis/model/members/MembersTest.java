package dev.trellis.model.members;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trellis.api.v1alpha1.DomainRestrictionSpec.Mode;
import dev.trellis.api.v1alpha1.Feature;
import dev.trellis.api.v1alpha1.FeatureLevel;
import dev.trellis.api.v1alpha1.MemberPhase;
import dev.trellis.model.Grants;
import dev.trellis.model.OrgBuilder;
import dev.trellis.model.Reasons;
import dev.trellis.model.grants.GrantEntry;
import dev.trellis.model.grants.GrantResolver;
import dev.trellis.model.grants.Resolution;
import dev.trellis.model.permissions.FeatureRoles;
import dev.trellis.model.snapshot.AcceptanceNode;
import dev.trellis.model.snapshot.AccessPolicy;
import dev.trellis.model.snapshot.BindingNode;
import dev.trellis.model.snapshot.MemberNode;
import dev.trellis.model.snapshot.ScopeRef;
import dev.trellis.model.snapshot.SubjectRef;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Seed 003 on the model: invitations, one role per feature, owners, domain restriction, single sign-on. */
class MembersTest {
  static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");
  static final Instant NOW = T0.plus(Duration.ofDays(1));

  /** mrpaints: one connector and two resources, everything at Organization scope reaches both. */
  static OrgBuilder org() {
    return OrgBuilder.org("mrpaints")
        .connector("conn", List.of(), List.of())
        .resource("ontap-a", "conn", List.of(), List.of())
        .resource("ontap-b", "conn", List.of(), List.of());
  }

  static MemberNode invited(String name, String email) {
    return MemberNode.user(name, email).withCreated(T0)
        .withInvitation(Invitations.invitation(name, email, T0, Invitations.DEFAULT_TTL, List.of()));
  }

  static MemberNode invited(String name, String email, AcceptanceNode... acceptances) {
    return MemberNode.user(name, email).withCreated(T0)
        .withInvitation(Invitations.invitation(name, email, T0, Invitations.DEFAULT_TTL, List.of(acceptances)));
  }

  static BindingNode bind(String name, String role, String member, Instant created) {
    return new BindingNode(name, role, SubjectRef.member(member), ScopeRef.organization(), null, created);
  }

  static Set<String> rolesOf(Resolution r, String subject, String resource) {
    Set<String> roles = new TreeSet<>();
    Grants.entries(r).stream().filter(e -> e.subject().equals(subject) && e.resource().equals(resource))
        .forEach(e -> e.grants().forEach(g -> roles.add(g.role())));
    return roles;
  }

  @Nested
  class InvitationTtl {
    @ParameterizedTest
    @CsvSource({"14d, PT336H", "36h, PT36H", "1h30m, PT1H30M", "10s, PT10S", "1d2h3m4s, PT26H3M4S"})
    void parsesDaysHoursMinutesSeconds(String ttl, Duration expected) {
      assertThat(Invitations.ttl(ttl)).isEqualTo(expected);
    }

    @Test
    void absentMeansFourteenDaysAndMalformedMeansNone() {
      assertThat(Invitations.ttl(null)).isEqualTo(Duration.ofDays(14));
      assertThat(Invitations.ttl("two weeks")).isZero();
    }

    /** The schema admits any number of digits (src/test/resources/malformed/Member/invitation-ttl-*.yaml). */
    @Test
    void aTtlTooLargeForJavaEndsTheInvitationAtOnceInsteadOfFailing() {
      assertThat(Invitations.ttl("99999999999999999999d")).isZero();
      assertThat(Invitations.ttl("106751991167301d")).isZero();
      assertThat(Invitations.invitation("alice", "alice@mrpaints.com", T0, Invitations.ttl("1000000000000d"),
          List.of()).expiresAt()).isEqualTo(T0);
    }
  }

  @Nested
  class Invitation {
    @Test
    void anInvitedMemberGrantsNothingUntilAccepted() {
      Resolution r = GrantResolver.resolve(org().member(invited("alice", "alice@mrpaints.com"))
          .bind(bind("alice-admin", "organization-admin", "alice", T0)).build(), NOW);

      assertThat(r.access().phases().get("alice")).isEqualTo(MemberPhase.Invited);
      assertThat(r.verdicts().members().get("alice").reason()).isEqualTo(Reasons.INVITATION_PENDING);
      assertThat(r.verdicts().bindings().get("alice-admin").verdict().reason()).isEqualTo(Reasons.SUBJECT_INVALID);
      assertThat(Grants.entries(r)).isEmpty();
      assertThat(r.nextExpiry()).isEqualTo(T0.plus(Duration.ofDays(14)));
    }

    @Test
    void theInviteesAcceptanceInTimeMakesTheMemberActive() {
      AcceptanceNode yes = new AcceptanceNode("alice-accepts", "alice", "Alice@MrPaints.com", T0.plusSeconds(60));
      Resolution r = GrantResolver.resolve(org().member(invited("alice", "alice@mrpaints.com", yes)).acceptance(yes)
          .bind(bind("alice-admin", "organization-admin", "alice", T0)).build(), NOW.plus(Duration.ofDays(30)));

      assertThat(r.access().phases().get("alice")).isEqualTo(MemberPhase.Active);
      assertThat(r.access().acceptances().get("alice-accepts").reason()).isEqualTo(Reasons.INVITATION_ACCEPTED);
      assertThat(r.access().invitations().get("alice").acceptance()).isEqualTo("alice-accepts");
      assertThat(Grants.resourcesOf(r, "alice@mrpaints.com")).containsExactly("ontap-a", "ontap-b");
    }

    @Test
    void anAcceptanceForAnotherAddressAcceptsNothing() {
      AcceptanceNode mallory = new AcceptanceNode("mallory", "alice", "mallory@mrpaints.com", T0.plusSeconds(60));
      Resolution r = GrantResolver.resolve(org().member(invited("alice", "alice@mrpaints.com", mallory))
          .acceptance(mallory).bind(bind("alice-admin", "organization-admin", "alice", T0)).build(), NOW);

      assertThat(r.access().phases().get("alice")).isEqualTo(MemberPhase.Invited);
      assertThat(r.access().acceptances().get("mallory").reason()).isEqualTo(Reasons.NOT_INVITEE);
      assertThat(Grants.entries(r)).isEmpty();
    }

    @Test
    void anInvitationNotAcceptedInTimeExpiresAndALateAcceptanceDoesNotRevive() {
      Instant after = T0.plus(Duration.ofDays(15));
      AcceptanceNode late = new AcceptanceNode("late", "alice", "alice@mrpaints.com", after.minusSeconds(60));
      Resolution r = GrantResolver.resolve(org().member(invited("alice", "alice@mrpaints.com", late)).acceptance(late)
          .bind(bind("alice-admin", "organization-admin", "alice", T0)).build(), after);

      assertThat(r.access().phases().get("alice")).isEqualTo(MemberPhase.Expired);
      assertThat(r.verdicts().members().get("alice").reason()).isEqualTo(Reasons.INVITATION_EXPIRED);
      assertThat(r.access().acceptances().get("late").reason()).isEqualTo(Reasons.INVITATION_EXPIRED);
      assertThat(Grants.entries(r)).isEmpty();
      assertThat(r.nextExpiry()).isNull();
    }

    @Test
    void acceptancesOfUnknownOrUninvitedMembersAreReported() {
      AcceptanceNode ghost = new AcceptanceNode("ghost", "nobody", "nobody@mrpaints.com", T0);
      AcceptanceNode declared = new AcceptanceNode("declared", "bob", "bob@mrpaints.com", T0);
      Resolution r = GrantResolver.resolve(org().member(MemberNode.user("bob", "bob@mrpaints.com"))
          .acceptance(ghost).acceptance(declared).build(), NOW);

      assertThat(r.access().acceptances().get("ghost").reason()).isEqualTo(Reasons.MEMBER_NOT_FOUND);
      assertThat(r.access().acceptances().get("declared").reason()).isEqualTo(Reasons.NOT_INVITED);
      assertThat(r.access().phases().get("bob")).isEqualTo(MemberPhase.Active);
    }
  }

  @Nested
  class Duplicates {
    @Test
    void twoMembersWithOneAddressLeaveTheLaterOneDuplicate() {
      Resolution r = GrantResolver.resolve(org()
          .member(MemberNode.user("alice", "alice@mrpaints.com").withCreated(T0))
          .member(MemberNode.user("alice2", "ALICE@mrpaints.com").withCreated(T0.plusSeconds(1)))
          .bind(bind("a", "super-viewer", "alice", T0)).bind(bind("b", "organization-admin", "alice2", T0)).build(),
          NOW);

      assertThat(r.verdicts().members().get("alice").ready()).isTrue();
      assertThat(r.verdicts().members().get("alice2").reason()).isEqualTo(Reasons.DUPLICATE_EMAIL);
      assertThat(r.verdicts().bindings().get("b").effective()).isFalse();
      assertThat(rolesOf(r, "alice@mrpaints.com", "ontap-a")).containsExactly("super-viewer");
    }
  }

  @Nested
  class OneRolePerFeature {
    @Test
    void theEarlierRoleOfAFeatureStandsAndTheLaterOneConflicts() {
      Resolution r = GrantResolver.resolve(org().user("alice")
          .bind(bind("later", "observability-administrator", "alice", T0.plusSeconds(5)))
          .bind(bind("earlier", "observability-user", "alice", T0)).build(), NOW);

      assertThat(r.verdicts().bindings().get("earlier").effective()).isTrue();
      assertThat(r.verdicts().bindings().get("later").verdict().reason())
          .isEqualTo(Reasons.CONFLICTING_FEATURE_ROLES);
      assertThat(rolesOf(r, "alice@mrpaints.com", "ontap-a")).containsExactly("observability-user");
    }

    @Test
    void withinOneSecondTheBindingAlreadyGrantingStays() {
      Resolution r = GrantResolver.resolve(org().user("alice")
          .bind(new BindingNode("z-granting", "observability-user", SubjectRef.member("alice"), ScopeRef.organization(),
              null, T0, true))
          .bind(new BindingNode("a-new", "observability-administrator", SubjectRef.member("alice"),
              ScopeRef.organization(), null, T0, false))
          .build(), NOW);

      assertThat(r.verdicts().bindings().get("z-granting").effective()).isTrue();
      assertThat(r.verdicts().bindings().get("a-new").verdict().reason()).isEqualTo(Reasons.CONFLICTING_FEATURE_ROLES);
    }

    @Test
    void rolesOfDifferentFeaturesAndOneRoleAtTwoScopesAreFine() {
      Resolution r = GrantResolver.resolve(org().user("alice").project("london", null)
          .bind(bind("obs", "observability-user", "alice", T0))
          .bind(bind("rep", "reporting-guest", "alice", T0.plusSeconds(1)))
          .bind(new BindingNode("obs-london", "observability-user", SubjectRef.member("alice"),
              ScopeRef.project("london"), null, T0.plusSeconds(2)))
          .build(), NOW);

      assertThat(r.verdicts().bindings().values()).allSatisfy(v -> assertThat(v.verdict().ready()).isTrue());
      assertThat(rolesOf(r, "alice@mrpaints.com", "ontap-a")).containsExactly("observability-user",
          "reporting-guest");
    }

    @Test
    void rolesOfNoFeatureNeverConflict() {
      Resolution r = GrantResolver.resolve(org().user("alice")
          .bind(bind("a", "super-viewer", "alice", T0)).bind(bind("b", "storage-admin", "alice", T0)).build(), NOW);

      assertThat(r.verdicts().bindings().values()).allSatisfy(v -> assertThat(v.effective()).isTrue());
    }
  }

  @Nested
  class AccountOwners {
    @Test
    void noOwnerOneOwnerAndTwoOwners() {
      OrgBuilder none = org().user("alice");
      assertThat(GrantResolver.resolve(none.build(), NOW).access().ownersVerdict().reason())
          .isEqualTo(Reasons.NO_ACCOUNT_OWNER);

      OrgBuilder one = org().user("alice").user("bob")
          .bind(bind("alice-owner", "observability-account-owner", "alice", T0));
      Resolution r1 = GrantResolver.resolve(one.build(), NOW);
      assertThat(r1.access().owners()).containsExactly("alice@mrpaints.com");
      assertThat(r1.access().ownersVerdict().ready()).isFalse();
      assertThat(r1.access().ownersVerdict().reason()).isEqualTo(Reasons.OWNERS_BELOW_RECOMMENDED);

      Resolution r2 = GrantResolver.resolve(one.bind(bind("bob-owner", "reporting-account-owner", "bob", T0))
          .build(), NOW);
      assertThat(r2.access().owners()).containsExactly("alice@mrpaints.com", "bob@mrpaints.com");
      assertThat(r2.access().ownersVerdict().ready()).isTrue();
    }

    @Test
    void anInvitedOrDisabledMemberIsNoOwner() {
      Resolution r = GrantResolver.resolve(org().member(invited("alice", "alice@mrpaints.com"))
          .member(MemberNode.user("bob", "bob@mrpaints.com").withDisabled(true))
          .bind(bind("a", "observability-account-owner", "alice", T0))
          .bind(bind("b", "observability-account-owner", "bob", T0)).build(), NOW);

      assertThat(r.access().owners()).isEmpty();
    }
  }

  @Nested
  class DomainRestriction {
    static AccessPolicy restriction(Mode mode, String... listed) {
      return new AccessPolicy(false, List.of(), List.of(), mode, List.of(listed));
    }

    static OrgBuilder owned() {
      return org().user("alice").member(MemberNode.user("gus", "gus@gmail.com"))
          .bind(bind("alice-owner", "observability-account-owner", "alice", T0))
          .bind(bind("gus-viewer", "super-viewer", "gus", T0));
    }

    @Test
    void defaultDomainsAreTheOwnersAndOthersAreNotAllowed() {
      Resolution r = GrantResolver.resolve(owned().access(restriction(Mode.DefaultDomains)).build(), NOW);

      assertThat(r.access().allowedDomains()).containsExactly("mrpaints.com");
      assertThat(r.verdicts().members().get("gus").reason()).isEqualTo(Reasons.DOMAIN_NOT_ALLOWED);
      assertThat(r.verdicts().bindings().get("gus-viewer").effective()).isFalse();
      assertThat(Grants.resourcesOf(r, "gus@gmail.com")).isEmpty();
      assertThat(Grants.resourcesOf(r, "alice@mrpaints.com")).containsExactly("ontap-a", "ontap-b");
    }

    @Test
    void listedDomainsAreAllowedToo() {
      Resolution r = GrantResolver.resolve(owned().access(restriction(Mode.DefaultDomainsAndListed, "gmail.com"))
          .build(), NOW);

      assertThat(r.access().allowedDomains()).containsExactly("gmail.com", "mrpaints.com");
      assertThat(Grants.resourcesOf(r, "gus@gmail.com")).containsExactly("ontap-a", "ontap-b");
    }

    @Test
    void noRestrictionAllowsEveryDomain() {
      Resolution r = GrantResolver.resolve(owned().build(), NOW);

      assertThat(r.access().allowedDomains()).isNull();
      assertThat(Grants.resourcesOf(r, "gus@gmail.com")).containsExactly("ontap-a", "ontap-b");
    }

    @Test
    void withoutAnOwnerARestrictionAllowsOnlyTheListedDomains() {
      Resolution r = GrantResolver.resolve(org().user("alice")
          .bind(bind("alice-viewer", "super-viewer", "alice", T0))
          .access(restriction(Mode.DefaultDomains)).build(), NOW);

      assertThat(r.verdicts().members().get("alice").reason()).isEqualTo(Reasons.DOMAIN_NOT_ALLOWED);
      assertThat(Grants.entries(r)).isEmpty();
    }
  }

  @Nested
  class SingleSignOn {
    static AccessPolicy sso(boolean enabled, List<String> roles, Mode restriction, String... listed) {
      return new AccessPolicy(enabled, List.of("mrpaints.com"), roles, restriction, List.of(listed));
    }

    static GrantEntry domainEntry(Resolution r, String resource) {
      return Grants.entries(r).stream().filter(e -> e.subject().equals("*@mrpaints.com")
          && e.resource().equals(resource)).findFirst().orElseThrow();
    }

    @Test
    void everyUserOfTheDomainGetsTheDefaultRolesThroughADomainSubject() {
      Resolution r = GrantResolver.resolve(org().access(sso(true, List.of("observability-guest", "reporting-user"),
          Mode.None)).build(), NOW);

      GrantEntry e = domainEntry(r, "ontap-a");
      assertThat(e.subjectKind()).isEqualTo("Domain");
      assertThat(e.permissions()).containsExactlyElementsOf(new TreeSet<>(java.util.stream.Stream.concat(
          FeatureRoles.permissions(Feature.Observability, FeatureLevel.Guest).stream(),
          FeatureRoles.permissions(Feature.Reporting, FeatureLevel.User).stream()).toList()));
      assertThat(e.grants()).allSatisfy(g -> {
        assertThat(g.binding()).isNull();
        assertThat(g.via()).isEqualTo("SingleSignOn/mrpaints.com");
        assertThat(g.scope()).isEqualTo("Organization");
      });
      assertThat(Grants.subjectsOf(r, "ontap-b")).containsExactly("*@mrpaints.com");
      assertThat(r.access().singleSignOn().reason()).isEqualTo(Reasons.SSO_ENABLED);
    }

    @Test
    void anExplicitRoleReplacesTheDefaultOfItsFeatureOnly() {
      OrgBuilder b = org().user("alice").bind(bind("alice-admin", "observability-administrator", "alice", T0));
      Resolution r = GrantResolver.resolve(b.access(sso(true, List.of("observability-guest", "reporting-user"),
          Mode.None)).build(), NOW);

      assertThat(rolesOf(r, "alice@mrpaints.com", "ontap-a"))
          .containsExactly("observability-administrator", "reporting-user");
      assertThat(rolesOf(r, "*@mrpaints.com", "ontap-a")).containsExactly("observability-guest", "reporting-user");

      Resolution off = GrantResolver.resolve(b.access(sso(false, List.of("observability-guest", "reporting-user"),
          Mode.None)).build(), NOW);
      assertThat(rolesOf(off, "alice@mrpaints.com", "ontap-a")).containsExactly("observability-administrator");
      assertThat(Grants.subjectsOf(off, "ontap-a")).containsExactly("alice@mrpaints.com");
      assertThat(off.access().singleSignOn().reason()).isEqualTo(Reasons.SSO_DISABLED);
    }

    @Test
    void aDisabledMemberIsExceptedFromTheDomainEntry() {
      Resolution r = GrantResolver.resolve(org().member(MemberNode.user("bob", "bob@mrpaints.com").withDisabled(true))
          .access(sso(true, List.of("observability-guest"), Mode.None)).build(), NOW);

      assertThat(domainEntry(r, "ontap-a").except()).containsExactly("bob@mrpaints.com");
      assertThat(Grants.resourcesOf(r, "bob@mrpaints.com")).isEmpty();
    }

    @Test
    void aDomainOutsideTheRestrictionGetsNothing() {
      Resolution r = GrantResolver.resolve(org().access(sso(true, List.of("observability-guest"),
          Mode.DefaultDomainsAndListed, "globalpartners.com")).build(), NOW);

      assertThat(Grants.entries(r)).isEmpty();
      assertThat(r.access().singleSignOn().reason()).isEqualTo(Reasons.DOMAIN_NOT_ALLOWED);
    }

    @ParameterizedTest
    @CsvSource({
        "observability-guest;observability-user, ConflictingFeatureRoles",
        "super-viewer, FeatureRoleRequired",
        "no-such-role, RoleNotFound",
        "observability-guest;observability-account-owner;reporting-guest, ConflictingFeatureRoles"})
    void badDefaultRolesAreReportedAndTheRestKeepsWorking(String roles, String reason) {
      Resolution r = GrantResolver.resolve(org().access(sso(true, List.of(roles.split(";")), Mode.None)).build(),
          NOW);

      assertThat(r.access().singleSignOn().ready()).isFalse();
      assertThat(r.access().singleSignOn().reason()).isEqualTo(reason);
      Set<String> granted = rolesOf(r, "*@mrpaints.com", "ontap-a");
      assertThat(granted).doesNotContain("super-viewer", "no-such-role", "observability-user",
          "observability-account-owner");
    }
  }
}
