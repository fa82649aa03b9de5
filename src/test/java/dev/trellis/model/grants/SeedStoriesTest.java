package dev.trellis.model.grants;

import static dev.trellis.model.Grants.resourcesOf;
import static dev.trellis.model.Grants.subjectsOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.trellis.model.Grants;
import dev.trellis.model.OrgBuilder;
import dev.trellis.model.Reasons;
import dev.trellis.model.snapshot.ScopeRef;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The IAM stories of seed 001, told as grant resolution. */
class SeedStoriesTest {
  static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");

  @Test
  void simpleOrganizationAdminSeesEveryResourceOfTheDefaultProject() {
    var snap = OrgBuilder.org("mrpaints")
        .project("default", "")
        .connector("conn", List.of("default"), List.of())
        .resource("cvo-1", "conn", List.of("default"), List.of())
        .resource("onprem-1", "conn", List.of("default"), List.of())
        .user("admin")
        .bind("admin-org", "organization-admin", "admin", ScopeRef.organization())
        .build();

    Resolution r = GrantResolver.resolve(snap, NOW);

    assertThat(resourcesOf(r, "admin@mrpaints.com")).containsExactly("cvo-1", "onprem-1");
    GrantEntry e = r.documents().get("conn").entries().get(0);
    assertThat(e.subjectKind()).isEqualTo("User");
    assertThat(e.subjectOrganization()).isEqualTo("mrpaints");
    assertThat(e.grants()).containsExactly(
        new Grant("organization-admin", "admin-org", "Member/admin", "Organization", null));
    assertThat(e.permissions()).isSorted().contains("connectors.create", "resources.view");
    assertThat(r.verdicts().bindings().get("admin-org").effective()).isTrue();
  }

  /** Three geographies, three projects each, one connector per geography, a folder admin per geography. */
  static OrgBuilder advanced() {
    OrgBuilder b = OrgBuilder.org("mrpaints").user("root");
    for (String geo : List.of("eu", "us", "apac")) {
      b.folder(geo, "").user(geo + "-admin");
      List<String> projects = List.of(geo + "-1", geo + "-2", geo + "-3");
      projects.forEach(p -> b.project(p, geo).resource("sys-" + p, "conn-" + geo, List.of(p), List.of()));
      b.connector("conn-" + geo, projects, List.of());
      b.bind(geo + "-admin", "folder-or-project-admin", geo + "-admin", ScopeRef.folder(geo));
    }
    return b.bind("root-org", "organization-admin", "root", ScopeRef.organization());
  }

  @Test
  void advancedOrganizationFolderAdminsSeeOnlyTheirFoldersResources() {
    Resolution r = GrantResolver.resolve(advanced().build(), NOW);

    assertThat(resourcesOf(r, "eu-admin@mrpaints.com")).containsExactly("sys-eu-1", "sys-eu-2", "sys-eu-3");
    assertThat(resourcesOf(r, "us-admin@mrpaints.com")).containsExactly("sys-us-1", "sys-us-2", "sys-us-3");
    assertThat(resourcesOf(r, "apac-admin@mrpaints.com"))
        .containsExactly("sys-apac-1", "sys-apac-2", "sys-apac-3");
    assertThat(resourcesOf(r, "root@mrpaints.com")).hasSize(9);
    assertThat(r.documents().get("conn-eu").entries()).allMatch(e -> !e.subject().startsWith("us-"));
    assertThat(r.documents().get("conn-eu").entries().get(0).grants().get(0).scope()).isIn("Folder/eu", "Organization");
  }

  @Test
  void folderAdminReachesProjectsInNestedFolders() {
    var snap = OrgBuilder.org("mrpaints")
        .folder("eu", "").folder("uk", "eu").project("london", "uk")
        .connector("conn", List.of("london"), List.of())
        .resource("ontap-london", "conn", List.of("london"), List.of())
        .user("alice")
        .bind("alice-eu", "folder-or-project-admin", "alice", ScopeRef.folder("eu"))
        .build();

    assertThat(resourcesOf(GrantResolver.resolve(snap, NOW), "alice@mrpaints.com")).containsExactly("ontap-london");
  }

  static OrgBuilder folderWithTwoProjects(List<String> resourceProjects) {
    return OrgBuilder.org("mrpaints")
        .folder("f", "").project("a", "f").project("b", "f")
        .connector("conn", List.of("a", "b"), List.of("f"))
        .resource("shared", "conn", resourceProjects, List.of("f"))
        .user("ann").user("bob").user("fiona")
        .bind("ann-a", "folder-or-project-admin", "ann", ScopeRef.project("a"))
        .bind("bob-b", "folder-or-project-admin", "bob", ScopeRef.project("b"))
        .bind("fiona-f", "folder-or-project-admin", "fiona", ScopeRef.folder("f"));
  }

  @Test
  void resourceAssociatedWithAFolderIsNotReachableFromTheFoldersProjects() {
    Resolution r = GrantResolver.resolve(folderWithTwoProjects(List.of()).build(), NOW);

    assertThat(subjectsOf(r, "shared")).containsExactly("fiona@mrpaints.com");
  }

  @Test
  void afterAssociatingTheResourceWithProjectAItsMembersSeeItAndProjectBMembersDoNot() {
    Resolution r = GrantResolver.resolve(folderWithTwoProjects(List.of("a")).build(), NOW);

    assertThat(subjectsOf(r, "shared")).containsExactly("ann@mrpaints.com", "fiona@mrpaints.com");
  }

  static OrgBuilder connectorOnlyInLondon() {
    return OrgBuilder.org("mrpaints")
        .folder("eu", "").project("london", "eu").project("paris", "eu")
        .connector("conn-eu", List.of("london"), List.of())
        // Associated with paris as well, but its connector is not: paris members must not reach it.
        .resource("ontap", "conn-eu", List.of("london", "paris"), List.of())
        .user("lea").user("pierre").user("eve").user("root")
        .bind("lea-london", "operation-support-analyst", "lea", ScopeRef.project("london"))
        .bind("pierre-paris", "operation-support-analyst", "pierre", ScopeRef.project("paris"))
        .bind("eve-eu", "operation-support-analyst", "eve", ScopeRef.folder("eu"))
        .bind("root-org", "organization-admin", "root", ScopeRef.organization());
  }

  @Test
  void connectorMustBeAssociatedWithTheProjectForMembersWithoutOrganizationAdmin() {
    Resolution r = GrantResolver.resolve(connectorOnlyInLondon().build(), NOW);

    assertThat(subjectsOf(r, "ontap"))
        .containsExactly("eve@mrpaints.com", "lea@mrpaints.com", "root@mrpaints.com");
    assertThat(r.verdicts().bindings().get("pierre-paris").effective()).isFalse();
    assertThat(r.verdicts().bindings().get("pierre-paris").ready()).isTrue();
  }

  @Test
  void organizationAdminReachesResourcesWithNoAssociationAtAll() {
    var snap = OrgBuilder.org("mrpaints")
        .connector("conn", List.of(), List.of())
        .resource("lonely", "conn", List.of(), List.of())
        .user("root").user("ann").project("a", "")
        .bind("root-org", "organization-admin", "root", ScopeRef.organization())
        .bind("ann-a", "folder-or-project-admin", "ann", ScopeRef.project("a"))
        .build();

    assertThat(subjectsOf(GrantResolver.resolve(snap, NOW), "lonely")).containsExactly("root@mrpaints.com");
  }

  @Test
  void multipleRolesForOneMemberMergeIntoOneEntryWithEveryGrantListed() {
    var snap = connectorOnlyInLondon()
        .bind("lea-london-storage", "storage-admin", "lea", ScopeRef.project("london"))
        .bind("lea-eu", "super-viewer", "lea", ScopeRef.folder("eu"))
        .build();

    GrantEntry lea = Grants.entries(GrantResolver.resolve(snap, NOW)).stream()
        .filter(e -> e.subject().equals("lea@mrpaints.com")).findFirst().orElseThrow();

    assertThat(lea.grants()).extracting(Grant::binding)
        .containsExactly("lea-london", "lea-london-storage", "lea-eu");
    Set<String> union = new TreeSet<>();
    List.of("operation-support-analyst", "storage-admin", "super-viewer")
        .forEach(n -> union.addAll(dev.trellis.model.RoleFiles.role(n).permissions()));
    assertThat(lea.permissions()).containsExactlyElementsOf(union);
  }

  @Test
  void expiredBindingGrantsNothingAndTheNextExpiryIsScheduled() {
    Instant past = NOW.minusSeconds(1);
    Instant soon = NOW.plusSeconds(3600);
    Instant later = NOW.plusSeconds(7200);
    var snap = connectorOnlyInLondon()
        .user("temp").user("contractor").user("intern")
        .bind("temp-london", "operation-support-analyst", "temp", ScopeRef.project("london"), past)
        .bind("contractor-london", "operation-support-analyst", "contractor", ScopeRef.project("london"), later)
        .bind("intern-london", "operation-support-analyst", "intern", ScopeRef.project("london"), soon)
        // Expires soonest but grants nothing (paris is not associated with the connector): not scheduled.
        .bind("pierre-paris-temp", "operation-support-analyst", "pierre", ScopeRef.project("paris"),
            NOW.plusSeconds(60))
        .build();

    Resolution r = GrantResolver.resolve(snap, NOW);

    assertThat(subjectsOf(r, "ontap")).doesNotContain("temp@mrpaints.com")
        .contains("contractor@mrpaints.com", "intern@mrpaints.com");
    assertThat(r.verdicts().bindings().get("temp-london").reason()).isEqualTo(Reasons.EXPIRED);
    assertThat(r.verdicts().bindings().get("temp-london").effective()).isFalse();
    assertThat(r.nextExpiry()).isEqualTo(soon);
    GrantEntry intern = Grants.entries(r).stream()
        .filter(e -> e.subject().equals("intern@mrpaints.com")).findFirst().orElseThrow();
    assertThat(intern.grants().get(0).expiresAt()).isEqualTo(soon);

    // At the expiry instant itself access has ended.
    Resolution atExpiry = GrantResolver.resolve(snap, soon);
    assertThat(subjectsOf(atExpiry, "ontap")).doesNotContain("intern@mrpaints.com");
    assertThat(atExpiry.nextExpiry()).isEqualTo(later);
  }

  @Test
  void noExpiringBindingsMeansNoScheduledReconcile() {
    assertThat(GrantResolver.resolve(advanced().build(), NOW).nextReconcile()).isEmpty();
  }
}
