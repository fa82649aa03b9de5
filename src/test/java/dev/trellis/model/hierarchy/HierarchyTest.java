package dev.trellis.model.hierarchy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trellis.model.Reasons;
import dev.trellis.model.snapshot.FolderNode;
import dev.trellis.model.snapshot.ProjectNode;
import dev.trellis.model.verdict.Verdict;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HierarchyTest {

  static String reason(Verdict v) {
    return v.reason();
  }

  @Test
  void foldersAndProjectsUnderTheRootAreValid() {
    Hierarchy h =
        Hierarchy.of(List.of(new FolderNode("eu", ""), new FolderNode("uk", "eu"), new FolderNode("us", null)),
            List.of(new ProjectNode("london", "uk"), new ProjectNode("default", null)));

    assertThat(h.folderVerdicts().values()).allMatch(Verdict::ready);
    assertThat(h.projectVerdicts().values()).allMatch(Verdict::ready);
    assertThat(h.projectWithin("london", "eu")).isTrue();
    assertThat(h.projectWithin("london", "us")).isFalse();
    assertThat(h.folderWithin("uk", "eu")).isTrue();
    assertThat(h.folderWithin("eu", "uk")).isFalse();
  }

  @Test
  void missingParentIsReportedAndEverythingBelowIsAncestorInvalid() {
    Hierarchy h = Hierarchy.of(List.of(new FolderNode("eu", "europe"), new FolderNode("uk", "eu")),
        List.of(new ProjectNode("london", "uk"), new ProjectNode("nowhere", "gone")));

    assertThat(h.folderVerdicts().get("eu").reason()).isEqualTo(Reasons.PARENT_NOT_FOUND);
    assertThat(h.folderVerdicts().get("eu").message()).contains("\"europe\"").contains("spec.parent");
    assertThat(h.folderVerdicts().get("uk").reason()).isEqualTo(Reasons.ANCESTOR_INVALID);
    assertThat(h.projectVerdicts().get("london").reason()).isEqualTo(Reasons.ANCESTOR_INVALID);
    assertThat(h.projectVerdicts().get("london").message()).contains("\"eu\"").contains(Reasons.PARENT_NOT_FOUND);
    assertThat(h.projectVerdicts().get("nowhere").reason()).isEqualTo(Reasons.PARENT_NOT_FOUND);
  }

  @Test
  void everyFolderOnACycleReportsItAndFoldersBelowAreAncestorInvalid() {
    Hierarchy h = Hierarchy.of(List.of(
        new FolderNode("a", "c"), new FolderNode("b", "a"), new FolderNode("c", "b"),
        new FolderNode("below", "b"), new FolderNode("self", "self")),
        List.of(new ProjectNode("p", "below"), new ProjectNode("q", "a")));

    assertThat(h.folderVerdicts().get("a").reason()).isEqualTo(Reasons.CYCLE_DETECTED);
    assertThat(h.folderVerdicts().get("b").reason()).isEqualTo(Reasons.CYCLE_DETECTED);
    assertThat(h.folderVerdicts().get("c").reason()).isEqualTo(Reasons.CYCLE_DETECTED);
    assertThat(h.folderVerdicts().get("self").reason()).isEqualTo(Reasons.CYCLE_DETECTED);
    assertThat(h.folderVerdicts().get("below").reason()).isEqualTo(Reasons.ANCESTOR_INVALID);
    assertThat(h.projectVerdicts().get("p").reason()).isEqualTo(Reasons.ANCESTOR_INVALID);
    assertThat(h.projectVerdicts().get("q").reason()).isEqualTo(Reasons.ANCESTOR_INVALID);
    assertThat(h.folderWithin("a", "a")).isFalse();
  }

  @Test
  void cycleIsReportedWhicheverFolderTheWalkStartsFrom() {
    // "z" sorts last and leads into the cycle; the cycle must not be blamed on it.
    Hierarchy h = Hierarchy.of(List.of(new FolderNode("z", "m"), new FolderNode("m", "n"), new FolderNode("n", "m")),
        List.of());

    assertThat(h.folderVerdicts().get("m").reason()).isEqualTo(Reasons.CYCLE_DETECTED);
    assertThat(h.folderVerdicts().get("n").reason()).isEqualTo(Reasons.CYCLE_DETECTED);
    assertThat(h.folderVerdicts().get("z").reason()).isEqualTo(Reasons.ANCESTOR_INVALID);
  }

  static List<FolderNode> chain(int depth) {
    List<FolderNode> out = new ArrayList<>();
    for (int i = 1; i <= depth; i++) {
      out.add(new FolderNode("f" + i, i == 1 ? "" : "f" + (i - 1)));
    }
    return out;
  }

  @Test
  void tenFoldersDeepIsAllowed() {
    Hierarchy h = Hierarchy.of(chain(10), List.of(new ProjectNode("deep", "f10")));

    assertThat(h.folderVerdicts().values()).allMatch(Verdict::ready);
    assertThat(h.projectValid("deep")).isTrue();
    assertThat(h.projectWithin("deep", "f1")).isTrue();
  }

  @Test
  void foldersDeeperThanTenReportDepthExceededAndTheirProjectsAncestorInvalid() {
    Hierarchy h = Hierarchy.of(chain(12), List.of(new ProjectNode("deep", "f11"), new ProjectNode("ok", "f10")));

    assertThat(h.folderVerdicts().get("f10").ready()).isTrue();
    assertThat(h.folderVerdicts().get("f11").reason()).isEqualTo(Reasons.DEPTH_EXCEEDED);
    assertThat(h.folderVerdicts().get("f11").message()).contains("11").contains("10");
    assertThat(h.folderVerdicts().get("f12").reason()).isEqualTo(Reasons.DEPTH_EXCEEDED);
    assertThat(h.projectVerdicts().get("deep").reason()).isEqualTo(Reasons.ANCESTOR_INVALID);
    assertThat(h.projectVerdicts().get("ok").ready()).isTrue();
  }

  @Test
  void everyMessageIsOneSentence() {
    Hierarchy h = Hierarchy.of(List.of(new FolderNode("a", "b"), new FolderNode("b", "a"), new FolderNode("x", "y")),
        List.of(new ProjectNode("p", "a")));

    List<Verdict> all = new ArrayList<>(h.folderVerdicts().values());
    all.addAll(h.projectVerdicts().values());
    assertThat(all).allSatisfy(v -> {
      assertThat(v.message()).endsWith(".");
      assertThat(v.message().substring(0, v.message().length() - 1)).doesNotContain(". ");
    });
  }
}
