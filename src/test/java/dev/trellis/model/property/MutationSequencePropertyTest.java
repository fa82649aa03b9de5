package dev.trellis.model.property;

import static dev.trellis.model.property.GrantResolutionPropertyTest.rendered;
import static dev.trellis.model.property.GrantResolutionPropertyTest.tuples;
import static org.assertj.core.api.Assertions.assertThat;

import dev.trellis.model.grants.Grant;
import dev.trellis.model.grants.GrantResolver;
import dev.trellis.model.grants.Resolution;
import dev.trellis.model.property.ReferenceGrants.Tuple;
import dev.trellis.model.snapshot.OrgSnapshot;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Invariants of grant resolution along random sequences of 1 to 12 mutations of a random organization (DESIGN §3,
 * §5): checked after every step, whatever the order of the writes to distinct objects.
 */
class MutationSequencePropertyTest {

  /** 300 sequences in `make test`; `make property` runs 10 000 (-Dtrellis.property.seeds). */
  static Stream<Long> seeds() {
    return GrantResolutionPropertyTest.seeds();
  }

  /** A random organization, as objects, and a random sequence of mutations of it. */
  record Run(long seed, OrgWorld start, List<Mutation> mutations) {

    static Run of(long seed) {
      OrgWorld start = OrgWorld.of(RandomOrgs.generate(seed), RandomOrgs.NOW);
      return new Run(seed, start, RandomMutations.sequence(start, seed));
    }

    OrgWorld end() {
      return apply(start, mutations);
    }

    /** Says where a failure happened: the seed and the mutations applied so far. */
    String after(List<Mutation> applied) {
      return "seed " + seed + ", after " + (applied.isEmpty() ? "no mutation" : applied);
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void afterEveryMutationEveryGrantHasAValidChainAndEveryValidChainAGrant(long seed) {
    Run run = Run.of(seed);
    OrgWorld w = run.start();
    check(w, run.after(List.of()));
    for (int i = 0; i < run.mutations().size(); i++) {
      Mutation m = run.mutations().get(i);
      w = w.with(m.key(), m.value());
      check(w, run.after(run.mutations().subList(0, i + 1)));
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void aMutationThatBreaksEveryChainOfAGrantTakesTheGrantAway(long seed) {
    Run run = Run.of(seed);
    OrgWorld w = run.start();
    Map<Tuple, Set<String>> before = new ReferenceGrants(w.snapshot()).chains(w.now());
    for (int i = 0; i < run.mutations().size(); i++) {
      Mutation m = run.mutations().get(i);
      w = w.with(m.key(), m.value());
      Set<Tuple> after = tuples(GrantResolver.resolve(w.snapshot(), w.now()));
      String where = run.after(run.mutations().subList(0, i + 1));
      before.forEach((t, links) -> {
        if (!Collections.disjoint(links, m.breaks())) {
          assertThat(after).as("%s: %s broke %s on every chain of %s", where, m, intersection(links, m.breaks()), t)
              .doesNotContain(t);
        }
      });
      before = new ReferenceGrants(w.snapshot()).chains(w.now());
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void theGraphASequenceReachesGivesTheSameBytesWhenBuiltAgainInAnyOrder(long seed) {
    Run run = Run.of(seed);
    OrgWorld reached = run.end();
    OrgWorld rebuilt = reached.shuffled(new Random(~seed));
    assertThat(rebuilt.contents()).isEqualTo(reached.contents());

    Resolution a = GrantResolver.resolve(reached.snapshot(), reached.now());
    Resolution b = GrantResolver.resolve(rebuilt.snapshot(), rebuilt.now());
    String where = run.after(run.mutations());
    assertThat(rendered(b)).as(where).isEqualTo(rendered(a));
    assertThat(b.verdicts()).as(where).isEqualTo(a.verdicts());
    assertThat(b.access()).as(where).isEqualTo(a.access());
    assertThat(b.nextExpiry()).as(where).isEqualTo(a.nextExpiry());
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void mutationsOfDistinctObjectsAppliedInAnotherOrderReachTheSameDocuments(long seed) {
    Run run = Run.of(seed);
    List<Mutation> permuted = commutedOrder(run.mutations(), new Random(seed ^ 0x5DEECE66DL));
    OrgWorld w = run.start();
    for (int i = 0; i < permuted.size(); i++) {
      w = w.with(permuted.get(i).key(), permuted.get(i).value());
      check(w, "in the order " + permuted + ", " + run.after(permuted.subList(0, i + 1)));
    }
    OrgWorld reached = run.end();
    assertThat(w.contents()).isEqualTo(reached.contents());

    Resolution a = GrantResolver.resolve(reached.snapshot(), reached.now());
    Resolution b = GrantResolver.resolve(w.snapshot(), w.now());
    String where = "seed " + seed + ": " + run.mutations() + " against " + permuted;
    assertThat(rendered(b)).as(where).isEqualTo(rendered(a));
    assertThat(b.verdicts()).as(where).isEqualTo(a.verdicts());
    assertThat(b.nextExpiry()).as(where).isEqualTo(a.nextExpiry());
  }

  /** Guards against sequences that drift into no-ops: together they must make and break grants every way. */
  @Test
  void theSequencesMutateEveryKindOfObjectAndBreakEveryKindOfLink() {
    Map<String, Integer> kinds = new TreeMap<>();
    Map<String, Integer> revoked = new TreeMap<>();
    int steps = 0;
    int changing = 0;
    int reordered = 0;
    for (long seed = 0; seed < 300; seed++) {
      Run run = Run.of(seed);
      if (!commutedOrder(run.mutations(), new Random(seed ^ 0x5DEECE66DL)).equals(run.mutations())) {
        reordered++;
      }
      OrgWorld w = run.start();
      Map<Tuple, Set<String>> before = new ReferenceGrants(w.snapshot()).chains(w.now());
      for (Mutation m : run.mutations()) {
        kinds.merge(m.kind(), 1, Integer::sum);
        w = w.with(m.key(), m.value());
        Map<Tuple, Set<String>> after = new ReferenceGrants(w.snapshot()).chains(w.now());
        steps++;
        if (!after.keySet().equals(before.keySet())) {
          changing++;
        }
        before.forEach((t, links) -> intersection(links, m.breaks())
            .forEach(l -> revoked.merge(ReferenceGrants.linkKind(l), 1, Integer::sum)));
        before = after;
      }
    }
    assertThat(kinds.keySet()).contains("binding create", "binding delete", "binding role", "binding scope",
        "binding subject", "binding expiry", "member create", "member delete", "member disabled",
        "member invitation", "member email", "member type", "member client", "folder create", "folder delete",
        "folder parent", "project create", "project delete", "project parent", "resource create", "resource delete",
        "resource connector", "resource associate", "resource dissociate", "connector create", "connector delete",
        "connector associate", "connector dissociate", "role create", "role delete", "role permissions",
        "role scopes", "role partners", "partnership create", "partnership delete", "partnership phase",
        "acceptance create", "acceptance delete", "acceptance list", "acceptance unlist", "partner member create",
        "partner member delete", "partner member disabled", "partner member invitation", "packages", "clock");
    assertThat(revoked.keySet()).as("links broken under a grant").contains("Binding", "Role", "Role@scope",
        "Role@partners", "Member", "Folder", "Project", "Resource", "Connector", "Resource->", "Connector->",
        "Partnership", "Acceptance", "Acceptance#", "PartnerMember", "Package");
    assertThat(steps).as("steps").isGreaterThan(1500);
    assertThat(changing).as("steps that change the grants").isGreaterThan(steps / 6);
    assertThat(reordered).as("sequences applied in another order").isGreaterThan(200);
  }

  /** The resolution of the world's snapshot equals the reference's, and its documents say what the rules say. */
  private static void check(OrgWorld w, String where) {
    OrgSnapshot s = w.snapshot();
    Resolution r = GrantResolver.resolve(s, w.now());
    ReferenceGrants ref = new ReferenceGrants(s);
    Set<Tuple> granted = tuples(r);
    assertThat(granted).as(where).containsExactlyInAnyOrderElementsOf(ref.grants(w.now()));
    r.documents().values().forEach(d -> d.entries().forEach(e -> {
      assertThat(e.permissions()).as("%s: permissions of %s on %s", where, e.subject(), e.resource())
          .containsExactlyElementsOf(ref.permissions(e.grants().stream().map(Grant::role).toList()));
      assertThat(d.resources()).extracting(x -> x.name()).as(where).contains(e.resource());
    }));
    Set<String> granting = new TreeSet<>();
    granted.forEach(t -> granting.add(t.binding()));
    r.verdicts().bindings().forEach((name, v) -> assertThat(v.effective())
        .as("%s: binding %s is effective", where, name).isEqualTo(granting.contains(name)));
  }

  static OrgWorld apply(OrgWorld w, List<Mutation> mutations) {
    for (Mutation m : mutations) {
      w = w.with(m.key(), m.value());
    }
    return w;
  }

  /** A random order of the mutations in which those that write the same object keep their order. */
  static List<Mutation> commutedOrder(List<Mutation> mutations, Random rnd) {
    List<Mutation> left = new ArrayList<>(mutations);
    List<Mutation> out = new ArrayList<>();
    while (!left.isEmpty()) {
      List<Integer> free = new ArrayList<>();
      for (int i = 0; i < left.size(); i++) {
        int index = i;
        if (left.subList(0, i).stream().allMatch(earlier -> earlier.commutesWith(left.get(index)))) {
          free.add(i);
        }
      }
      out.add(left.remove((int) free.get(rnd.nextInt(free.size()))));
    }
    return out;
  }

  private static Set<String> intersection(Set<String> a, Set<String> b) {
    Set<String> out = new TreeSet<>(a);
    out.retainAll(b);
    return out;
  }
}
