package dev.trellis.model.admission;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trellis.model.OrgBuilder;
import dev.trellis.model.snapshot.BindingNode;
import dev.trellis.model.snapshot.MemberNode;
import dev.trellis.model.snapshot.OrgSnapshot;
import dev.trellis.model.snapshot.ScopeRef;
import dev.trellis.model.snapshot.SubjectRef;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The escalation rule on a table of (requester, what they hold, what they ask to bind, where), as Kubernetes tests
 * its own bind/escalate checks. MrPaints: folder eu with project london, folder us with project ny; bob is
 * organization admin, alice folder-or-project admin of eu, carol observability administrator, dave an analyst,
 * erin disabled, frank's only binding expired.
 */
class DelegationTest {
  private static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");

  private static OrgSnapshot mrpaints() {
    return OrgBuilder.org("mrpaints")
        .folder("eu", "").project("london", "eu").folder("us", "").project("ny", "us")
        .user("bob").user("alice").user("carol").user("dave").user("frank")
        .member(MemberNode.user("erin", "erin@mrpaints.com").withDisabled(true))
        .bind("bob-admin", "organization-admin", "bob", ScopeRef.organization())
        .bind("alice-eu", "folder-or-project-admin", "alice", ScopeRef.folder("eu"))
        .bind("carol-obs", "observability-administrator", "carol", ScopeRef.organization())
        .bind("dave-london", "operation-support-analyst", "dave", ScopeRef.project("london"))
        .bind("erin-admin", "organization-admin", "erin", ScopeRef.organization())
        .bind(new BindingNode("frank-admin", "organization-admin", SubjectRef.member("frank"),
            ScopeRef.organization(), NOW.minusSeconds(60)))
        .build();
  }

  static Stream<Arguments> table() {
    return Stream.of(
        // requester, role, scope, allowed, part of the message
        Arguments.of("bob@mrpaints.com", "organization-admin", ScopeRef.organization(), true, "holds"),
        Arguments.of("BOB@MrPaints.com", "storage-admin", ScopeRef.project("ny"), true, "holds"),
        Arguments.of("alice@mrpaints.com", "operation-support-analyst", ScopeRef.project("london"), true, "holds"),
        Arguments.of("alice@mrpaints.com", "folder-or-project-admin", ScopeRef.folder("eu"), true, "holds"),
        // a project admin binding at the organization, or outside their folder: refused, naming what is missing
        Arguments.of("alice@mrpaints.com", "folder-or-project-admin", ScopeRef.organization(), false,
            "alice@mrpaints.com lacks rolebindings.manage"),
        Arguments.of("alice@mrpaints.com", "operation-support-analyst", ScopeRef.project("ny"), false,
            "at Project/ny to bind operation-support-analyst"),
        // a role with a permission they lack (escalation)
        Arguments.of("alice@mrpaints.com", "organization-admin", ScopeRef.folder("eu"), false,
            "more at Folder/eu to bind organization-admin"),
        // no rolebindings.manage at all
        Arguments.of("dave@mrpaints.com", "operation-support-analyst", ScopeRef.project("london"), false,
            "lacks rolebindings.manage at Project/london"),
        // an observability administrator assigns observability roles, never reporting ones
        Arguments.of("carol@mrpaints.com", "observability-user", ScopeRef.organization(), true, "holds"),
        Arguments.of("carol@mrpaints.com", "reporting-user", ScopeRef.organization(), false, "reports.view"),
        Arguments.of("carol@mrpaints.com", "observability-user", ScopeRef.project("ny"), true, "users.manage"),
        // an organization admin holds every permission but administers no feature
        Arguments.of("bob@mrpaints.com", "reporting-user", ScopeRef.organization(), false,
            "administers no Reporting role"),
        // disabled, expired, unknown and partner people hold nothing here
        Arguments.of("erin@mrpaints.com", "super-viewer", ScopeRef.organization(), false,
            "is not an active, enabled member of organization mrpaints"),
        Arguments.of("frank@mrpaints.com", "super-viewer", ScopeRef.organization(), false, "lacks rolebindings.manage"),
        Arguments.of("krishna@globalpartners.com", "super-viewer", ScopeRef.project("london"), false,
            "is not an active, enabled member"),
        Arguments.of("bob@mrpaints.com", "no-such-role", ScopeRef.organization(), false, "does not exist"));
  }

  @ParameterizedTest(name = "{0} binds {1} at {2}: {3}")
  @MethodSource("table")
  void aMemberBindsOnlyWhatTheyHoldWhereTheyManageBindings(String requester, String role, ScopeRef scope,
      boolean allowed, String message) {
    var decision = Delegation.of(mrpaints(), NOW).mayBind(requester, role, scope);
    assertThat(decision.allowed()).as(decision.message()).isEqualTo(allowed);
    assertThat(decision.message()).contains(message);
  }

  @ParameterizedTest(name = "Folder/eu contains {0}: {1}")
  @MethodSource("containment")
  void aFolderContainsWhatLiesBelowIt(ScopeRef inner, boolean contained) {
    assertThat(Delegation.of(mrpaints(), NOW).contains(ScopeRef.folder("eu"), inner)).isEqualTo(contained);
  }

  static Stream<Arguments> containment() {
    return Stream.of(Arguments.of(ScopeRef.folder("eu"), true), Arguments.of(ScopeRef.project("london"), true),
        Arguments.of(ScopeRef.project("ny"), false), Arguments.of(ScopeRef.folder("us"), false),
        Arguments.of(ScopeRef.organization(), false), Arguments.of(ScopeRef.project("nowhere"), false));
  }

  @org.junit.jupiter.api.Test
  void heldPermissionsAreTheUnionOfTheRolesAboveTheScope() {
    var d = Delegation.of(mrpaints(), NOW);
    assertThat(d.held("alice", ScopeRef.project("london"))).contains("rolebindings.manage", "storage.manage");
    assertThat(d.held("alice", ScopeRef.project("ny"))).isEmpty();
    assertThat(d.held("dave", ScopeRef.project("london"))).containsAll(List.of("alerts.manage", "monitoring.view"))
        .doesNotContain("rolebindings.manage");
  }
}
