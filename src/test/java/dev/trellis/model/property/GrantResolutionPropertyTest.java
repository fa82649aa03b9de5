package dev.trellis.model.property;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trellis.model.grants.GrantEntry;
import dev.trellis.model.grants.GrantResolver;
import dev.trellis.model.grants.GrantsDocument;
import dev.trellis.model.grants.Resolution;
import dev.trellis.model.packages.PackageGate;
import dev.trellis.model.property.ReferenceGrants.Tuple;
import dev.trellis.model.snapshot.BindingNode;
import dev.trellis.model.snapshot.ConnectorNode;
import dev.trellis.model.snapshot.FolderNode;
import dev.trellis.model.snapshot.InvitationNode;
import dev.trellis.model.snapshot.MemberNode;
import dev.trellis.model.snapshot.OrgSnapshot;
import dev.trellis.model.snapshot.PartnershipView;
import dev.trellis.model.snapshot.ResourceNode;
import dev.trellis.model.snapshot.RoleNode;
import dev.trellis.model.snapshot.ScopeKind;
import dev.trellis.model.snapshot.SubjectKind;
import dev.trellis.projection.GrantsProjector;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Invariants of grant resolution over random organizations (DESIGN §5). */
class GrantResolutionPropertyTest {

  /** 300 random organizations in `make test`; `make property` runs 10 000 (-Dtrellis.property.seeds). */
  static Stream<Long> seeds() {
    return LongStream.range(0, Long.getLong("trellis.property.seeds", 300)).boxed();
  }

  static Set<Tuple> tuples(Resolution r) {
    Set<Tuple> out = new HashSet<>();
    r.documents().forEach((c, d) -> d.entries().forEach(e -> e.grants().forEach(g -> out.add(
        new Tuple(c, e.resource(), e.subject(), e.subjectKind(), e.subjectOrganization(), g.binding(), g.role(),
            g.scope(), g.via())))));
    return out;
  }

  static Map<String, String> rendered(Resolution r) {
    Map<String, String> out = new LinkedHashMap<>();
    r.documents().forEach((c, d) -> out.putAll(GrantsProjector.project(d).configMaps()));
    return out;
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void everyEntryIsBackedByAValidChainAndEveryValidChainGivesAnEntry(long seed) {
    OrgSnapshot s = RandomOrgs.generate(seed);
    Resolution r = GrantResolver.resolve(s, RandomOrgs.NOW);

    assertThat(tuples(r)).isEqualTo(new ReferenceGrants(s).grants(RandomOrgs.NOW));
    for (GrantsDocument d : r.documents().values()) {
      for (GrantEntry e : d.entries()) {
        Set<String> union = new TreeSet<>();
        e.grants().forEach(g -> union.addAll(role(s, g.role()).permissions()));
        assertThat(e.permissions()).containsExactlyElementsOf(union);
        assertThat(d.resources()).extracting(x -> x.name()).contains(e.resource());
      }
    }
    // A binding is effective exactly when it produced a grant.
    Set<String> granting = new TreeSet<>();
    tuples(r).forEach(t -> granting.add(t.binding()));
    r.verdicts().bindings().forEach((name, v) -> assertThat(v.effective()).as(name).isEqualTo(granting.contains(name)));
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void removingAnyObjectOnAChainRemovesItsGrant(long seed) {
    OrgSnapshot s = RandomOrgs.generate(seed);
    Resolution r = GrantResolver.resolve(s, RandomOrgs.NOW);
    ReferenceGrants ref = new ReferenceGrants(s);
    List<Tuple> sample = new ArrayList<>(tuples(r));
    sample.sort(java.util.Comparator.comparing(Tuple::toString));
    Collections.shuffle(sample, new Random(seed));
    for (Tuple t : sample.subList(0, Math.min(4, sample.size()))) {
      BindingNode b = s.bindings().stream().filter(x -> x.name().equals(t.binding())).findFirst().orElseThrow();
      ResourceNode res = s.resources().stream().filter(x -> x.name().equals(t.resource())).findFirst().orElseThrow();
      ConnectorNode conn =
          s.connectors().stream().filter(x -> x.name().equals(t.connector())).findFirst().orElseThrow();
      Map<String, OrgSnapshot> cuts = new LinkedHashMap<>();
      cuts.put("binding", rebuild(s, null, null, null, s.bindings().stream()
          .filter(y -> !y.name().equals(b.name())).toList(), null));
      cuts.put("role", rebuild(s, null, null, null, null,
          s.roles().stream().filter(y -> !y.name().equals(b.role())).toList()));
      if (b.subject().kind() == SubjectKind.Member) {
        cuts.put("member", new OrgSnapshot(s.organization(), s.folders(), s.projects(), s.resources(), s.connectors(),
            s.members().stream().filter(m -> !m.name().equals(b.subject().name())).toList(), s.roles(), s.bindings(),
            s.partnerships()));
      } else {
        cuts.put("partnership", new OrgSnapshot(s.organization(), s.folders(), s.projects(), s.resources(),
            s.connectors(), s.members(), s.roles(), s.bindings(),
            s.partnerships().stream().filter(p -> !p.name().equals(b.subject().partnership())).toList()));
      }
      cuts.put("connector", rebuild(s, null, null,
          s.connectors().stream().filter(c -> !c.name().equals(conn.name())).toList(), null, null));
      if (b.scope().kind() != ScopeKind.Organization) {
        List<String> ancestors = b.scope().kind() == ScopeKind.Folder ? ref.chain(b.scope().name())
            : ref.projectChain(b.scope().name());
        if (b.scope().kind() == ScopeKind.Project) {
          cuts.put("scope", rebuild(s, null, s.projects().stream()
              .filter(p -> !p.name().equals(b.scope().name())).toList(), null, null, null));
        }
        for (String f : ancestors) {
          cuts.put("folder " + f, rebuild(s, s.folders().stream().filter(x -> !x.name().equals(f)).toList(),
              null, null, null, null));
        }
        List<String> points = ref.points(b, res, conn);
        cuts.put("resource associations " + points, rebuild(s, null, null, null, null, null, res.name(),
            new ResourceNode(res.name(), res.type(), res.connector(), minus(res.projects(), points, "Project/"),
                minus(res.folders(), points, "Folder/"))));
        cuts.put("connector associations " + points, rebuild(s, null, null,
            s.connectors().stream().map(c -> !c.name().equals(conn.name()) ? c
                : new ConnectorNode(c.name(), minus(c.projects(), points, "Project/"),
                    minus(c.folders(), points, "Folder/")))
                .toList(),
            null, null));
      }
      cuts.forEach((what, cut) -> {
        Resolution after = GrantResolver.resolve(cut, RandomOrgs.NOW);
        assertThat(tuples(after)).as("after removing the %s of %s", what, t).doesNotContain(t);
        assertThat(tuples(after)).as("removing the %s only removes grants", what).isSubsetOf(tuples(r));
      });
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void everyVerdictMessageIsOneSentence(long seed) {
    Resolution r = GrantResolver.resolve(RandomOrgs.generate(seed), RandomOrgs.NOW);
    List<String> messages = new ArrayList<>();
    List.of(r.verdicts().folders(), r.verdicts().projects(), r.verdicts().resources(), r.verdicts().connectors(),
        r.verdicts().members(), r.verdicts().roles()).forEach(m -> m.values().forEach(v -> messages.add(v.message())));
    r.verdicts().bindings().values().forEach(v -> messages.add(v.message()));
    assertThat(messages).allSatisfy(m -> {
      assertThat(m).endsWith(".").doesNotContain("null");
      assertThat(m.substring(0, m.length() - 1)).doesNotContain(". ");
    });
    r.verdicts().bindings().values().stream().filter(v -> !v.ready())
        .forEach(v -> assertThat(v.message()).as("says how to fix it").contains(";"));
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void everyEntrysPermissionsAreTheSortedUnionOfItsGrantsRoles(long seed) {
    OrgSnapshot s = RandomOrgs.generate(seed);
    Map<String, RoleNode> roles = new HashMap<>();
    s.roles().forEach(r -> roles.put(r.name(), r));
    Resolution r = GrantResolver.resolve(s, RandomOrgs.NOW);

    r.documents().values().forEach(d -> d.entries().forEach(e -> {
      TreeSet<String> union = new TreeSet<>();
      e.grants().forEach(g -> union.addAll(PackageGate.gate(roles.get(g.role()).permissions(), s.packages())));
      assertThat(e.permissions()).as("%s on %s", e.subject(), e.resource()).containsExactlyElementsOf(union);
    }));
  }

  @Test
  void theRandomOrganizationsGrantRolesWhosePermissionsAreNotSorted() {
    // So that the test above sees entries of one grant whose role lists its permissions out of order.
    assertThat(LongStream.range(0, 300).mapToObj(RandomOrgs::generate).anyMatch(s -> {
      Resolution r = GrantResolver.resolve(s, RandomOrgs.NOW);
      return r.documents().values().stream().flatMap(d -> d.entries().stream())
          .anyMatch(e -> e.grants().size() == 1 && e.grants().get(0).role().equals("project-only"));
    })).isTrue();
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void judgingGivesTheVerdictsOfTheFullResolutionWithoutItsDocuments(long seed) {
    OrgSnapshot s = withInvitations(RandomOrgs.generate(seed), new Random(seed));
    Resolution full = GrantResolver.resolve(s, RandomOrgs.NOW);
    Resolution judged = GrantResolver.judge(s, RandomOrgs.NOW);

    assertThat(judged.documents()).isEmpty();
    assertThat(judged.verdicts()).isEqualTo(full.verdicts());
    assertThat(judged.access()).isEqualTo(full.access());
    assertThat(judged.nextExpiry()).isEqualTo(full.nextExpiry());
  }

  /** What lets the operator reuse the resolution of an unchanged organization until {@code validUntil}. */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void aResolutionHoldsUntilTheFirstInstantItsSnapshotNames(long seed) {
    Random rnd = new Random(seed);
    OrgSnapshot s = withInvitations(RandomOrgs.generate(seed), rnd);
    Instant now = RandomOrgs.NOW;
    Resolution then = GrantResolver.resolve(s, now);
    Instant until = GrantResolver.validUntil(s, now);
    Instant last = until == null ? now.plus(Duration.ofDays(3650)) : until.minusNanos(1);
    Instant between = now.plusNanos((long) (rnd.nextDouble() * Duration.between(now, last).toNanos()));

    for (Instant t : List.of(between, last)) {
      Resolution later = GrantResolver.resolve(s, t);
      assertThat(rendered(later)).as("documents at %s", t).isEqualTo(rendered(then));
      assertThat(later.verdicts()).as("verdicts at %s", t).isEqualTo(then.verdicts());
      assertThat(later.access()).as("people at %s", t).isEqualTo(then.access());
      assertThat(later.nextExpiry()).as("next expiry at %s", t).isEqualTo(then.nextExpiry());
    }
  }

  @Test
  void theInstantsASnapshotNamesIncludeBindingExpiriesAndEveryInvitationsEnd() {
    Instant now = RandomOrgs.NOW;
    for (long seed = 0; seed < 300; seed++) {
      OrgSnapshot s = withInvitations(RandomOrgs.generate(seed), new Random(seed));
      Instant until = GrantResolver.validUntil(s, now);
      var named = Stream.concat(
          s.bindings().stream().map(BindingNode::expiresAt),
          Stream.concat(s.members().stream(), s.partnerships().stream().flatMap(p -> p.partnerMembers().stream()))
              .map(m -> m.invitation() == null ? null : m.invitation().expiresAt()))
          .filter(t -> t != null && t.isAfter(now)).toList();
      assertThat(until).isEqualTo(named.stream().min(Instant::compareTo).orElse(null));
    }
    // The random organizations do run out in the future, through bindings and through partner invitations.
    assertThat(LongStream.range(0, 300).mapToObj(seed -> withInvitations(RandomOrgs.generate(seed), new Random(seed)))
        .filter(s -> s.partnerships().stream().flatMap(p -> p.partnerMembers().stream())
            .anyMatch(m -> m.invitation() != null && m.invitation().expiresAt().isAfter(now)
                && m.invitation().expiresAt().equals(GrantResolver.validUntil(s, now))))
        .count()).isPositive();
  }

  /** Gives about a third of the members, the partners' included, an invitation ending within ±12 hours. */
  private static OrgSnapshot withInvitations(OrgSnapshot s, Random rnd) {
    java.util.function.UnaryOperator<MemberNode> invite = m -> {
      if (rnd.nextInt(3) != 0) {
        return m;
      }
      Instant end = RandomOrgs.NOW.plusSeconds((rnd.nextInt(24) - 12) * 3600L + rnd.nextInt(3600));
      return m.withInvitation(rnd.nextBoolean() ? InvitationNode.pending(end)
          : new InvitationNode(end, end.minusSeconds(60), "accepted-" + m.name()));
    };
    List<MemberNode> members = s.members().stream().map(invite).toList();
    List<PartnershipView> views = s.partnerships().stream().map(p -> new PartnershipView(p.name(), p.phase(),
        p.partnerOrganization(), p.listedMembers(), p.partnerMembers().stream().map(invite).toList())).toList();
    return new OrgSnapshot(s.organization(), s.folders(), s.projects(), s.resources(), s.connectors(), members,
        s.roles(), s.bindings(), views, s.packages(), s.acceptances());
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void outputIsTheSameBytesWhateverTheInputOrder(long seed) {
    OrgSnapshot s = RandomOrgs.generate(seed);
    Random rnd = new Random(~seed);
    OrgSnapshot shuffled = new OrgSnapshot(s.organization(), shuffle(s.folders(), rnd), shuffle(s.projects(), rnd),
        shuffle(s.resources(), rnd), shuffle(s.connectors(), rnd), shuffle(s.members(), rnd), shuffle(s.roles(), rnd),
        shuffle(s.bindings(), rnd), shuffle(s.partnerships(), rnd));

    Resolution a = GrantResolver.resolve(s, RandomOrgs.NOW);
    Resolution b = GrantResolver.resolve(shuffled, RandomOrgs.NOW);

    assertThat(rendered(b)).isEqualTo(rendered(a));
    assertThat(b.verdicts()).isEqualTo(a.verdicts());
    assertThat(b.nextExpiry()).isEqualTo(a.nextExpiry());
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void breakingOneConnectorsObjectsLeavesOtherConnectorsDocumentsAlone(long seed) {
    OrgSnapshot s = RandomOrgs.generate(seed);
    ConnectorNode victim = s.connectors().get(new Random(seed).nextInt(s.connectors().size()));
    Resolution before = GrantResolver.resolve(s, RandomOrgs.NOW);

    OrgSnapshot broken = rebuild(s, null, null, s.connectors().stream().map(c -> !c.equals(victim) ? c
        : new ConnectorNode(c.name(), plus(c.projects(), "ghost-project"), plus(c.folders(), "ghost-folder")))
        .toList(), plus(s.bindings(), new BindingNode("broken-binding", "ghost-role", null, null, null)), null);
    broken = new OrgSnapshot(broken.organization(), broken.folders(), broken.projects(),
        broken.resources().stream().map(r -> !victim.name().equals(r.connector()) ? r
            : new ResourceNode(r.name(), r.type(), r.name().hashCode() % 2 == 0 ? "ghost-connector" : r.connector(),
                plus(r.projects(), "ghost-project"), List.of()))
            .toList(),
        broken.connectors(), broken.members(), broken.roles(), broken.bindings(), broken.partnerships());
    Resolution after = GrantResolver.resolve(broken, RandomOrgs.NOW);

    for (String c : before.documents().keySet()) {
      if (!c.equals(victim.name())) {
        assertThat(after.documents().get(c)).as(c).isEqualTo(before.documents().get(c));
      }
    }
  }

  static RoleNode role(OrgSnapshot s, String name) {
    return s.roles().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
  }

  /** A copy of the snapshot with the non-null lists replaced. */
  static OrgSnapshot rebuild(OrgSnapshot s, List<FolderNode> folders,
      List<dev.trellis.model.snapshot.ProjectNode> projects,
      List<ConnectorNode> connectors, List<BindingNode> bindings, List<RoleNode> roles) {
    return new OrgSnapshot(s.organization(), folders != null ? folders : s.folders(),
        projects != null ? projects : s.projects(), s.resources(), connectors != null ? connectors : s.connectors(),
        s.members(), roles != null ? roles : s.roles(), bindings != null ? bindings : s.bindings(), s.partnerships());
  }

  static OrgSnapshot rebuild(OrgSnapshot s, List<FolderNode> folders,
      List<dev.trellis.model.snapshot.ProjectNode> projects,
      List<ConnectorNode> connectors, List<BindingNode> bindings, List<RoleNode> roles, String resource,
      ResourceNode replacement) {
    OrgSnapshot base = rebuild(s, folders, projects, connectors, bindings, roles);
    return new OrgSnapshot(base.organization(), base.folders(), base.projects(),
        base.resources().stream().map(r -> r.name().equals(resource) ? replacement : r).toList(), base.connectors(),
        base.members(), base.roles(), base.bindings(), base.partnerships());
  }

  static List<String> minus(List<String> names, List<String> points, String prefix) {
    return names.stream().filter(n -> !points.contains(prefix + n)).toList();
  }

  static <T> List<T> plus(List<T> list, T extra) {
    List<T> out = new ArrayList<>(list);
    out.add(extra);
    return out;
  }

  static <T> List<T> shuffle(List<T> list, Random rnd) {
    List<T> out = new ArrayList<>(list);
    Collections.shuffle(out, rnd);
    return out;
  }

  /** Guards against a generator that drifts into trivial graphs: the seeds together must hit every case. */
  @org.junit.jupiter.api.Test
  void theRandomOrganizationsExerciseEveryReasonAndProduceGrants() {
    Set<String> reasons = new TreeSet<>();
    int grants = 0;
    int throughAssociations = 0;
    for (long seed = 0; seed < 300; seed++) {
      Resolution r = GrantResolver.resolve(RandomOrgs.generate(seed), RandomOrgs.NOW);
      grants += tuples(r).size();
      throughAssociations += (int) tuples(r).stream().filter(t -> !t.scope().equals("Organization")).count();
      r.verdicts().folders().values().forEach(v -> reasons.add(v.reason()));
      r.verdicts().projects().values().forEach(v -> reasons.add(v.reason()));
      r.verdicts().resources().values().forEach(v -> reasons.add(v.reason()));
      r.verdicts().connectors().values().forEach(v -> reasons.add(v.reason()));
      r.verdicts().members().values().forEach(v -> reasons.add(v.reason()));
      r.verdicts().bindings().values().forEach(v -> reasons.add(v.reason()));
    }
    assertThat(grants).isGreaterThan(1000);
    assertThat(throughAssociations).isGreaterThan(300);
    assertThat(reasons).contains("CycleDetected", "ParentNotFound", "AncestorInvalid", "DepthExceeded",
        "ProjectNotFound", "FolderNotFound", "ConnectorNotFound", "DuplicateAssociation", "EmailRequired",
        "RoleNotFound", "RoleInvalid", "RoleNotAssignableAtScope", "RoleNotAssignableToPartners", "ScopeNotFound",
        "ScopeInvalid", "SubjectNotFound", "SubjectInvalid", "SubjectDisabled", "PartnershipNotFound",
        "PartnershipNotEstablished", "NotAPartnershipMember", "Expired");
  }
}
