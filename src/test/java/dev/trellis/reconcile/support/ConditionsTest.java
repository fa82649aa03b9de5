package dev.trellis.reconcile.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trellis.api.v1alpha1.Condition;
import dev.trellis.api.v1alpha1.Project;
import dev.trellis.model.Reasons;
import dev.trellis.model.verdict.Verdict;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConditionsTest {
  /** The clock reads a time with a fraction of a second, which a condition does not keep. */
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T10:15:30.987654Z"), ZoneOffset.UTC);
  private static final String NOW = "2026-03-01T10:15:30Z";
  private static final String EARLIER = "2026-01-01T00:00:00Z";

  private static final Condition READY = stored("Ready", "True", "Ready", "Project is valid.", EARLIER, 1L);
  private static final Condition SYNCED = stored("Synced", "False", "Pending", "Not yet.", EARLIER, 1L);

  private static Condition stored(String type, String status, String reason, String message, String time,
      Long generation) {
    return new Condition(type, status, reason, message, time, generation);
  }

  @Test
  void anUnchangedStatusKeepsItsTransitionTimeWhileReasonMessageAndGenerationChange() {
    Condition desired = Conditions.of("Ready", true, "Degraded", "Something else, still ready.", 2L);

    List<Condition> result = Conditions.set(List.of(READY), desired, CLOCK);

    assertThat(result).containsExactly(
        stored("Ready", "True", "Degraded", "Something else, still ready.", EARLIER, 2L));
  }

  @Test
  void aChangedStatusMovesTheTransitionTimeToTheClocksSecond() {
    List<Condition> toFalse = Conditions.set(List.of(READY), Conditions.of("Ready", false, "Invalid", "No.", 2L),
        CLOCK);
    assertThat(toFalse).containsExactly(stored("Ready", "False", "Invalid", "No.", NOW, 2L));

    Condition unknown = new Condition("Ready", "Unknown", "Waiting", "Not judged yet.", null, 2L);
    assertThat(Conditions.set(List.of(READY), unknown, CLOCK).get(0).getLastTransitionTime()).isEqualTo(NOW);
  }

  @Test
  void aNewConditionGetsTheClocksTimeTruncatedToSeconds() {
    Condition desired = Conditions.of("Ready", true, "Ready", "Project is valid.", 1L);
    Condition expected = stored("Ready", "True", "Ready", "Project is valid.", NOW, 1L);

    assertThat(Conditions.set(null, desired, CLOCK)).containsExactly(expected);
    assertThat(Conditions.set(List.of(), desired, CLOCK)).containsExactly(expected);
    // Added after the others when none of its type is there.
    assertThat(Conditions.set(List.of(SYNCED), desired, CLOCK)).containsExactly(SYNCED, expected);
  }

  @Test
  void aStoredConditionWithoutTransitionTimeGetsTheClocksTime() {
    Condition withoutTime = stored("Ready", "True", "Ready", "Project is valid.", null, 1L);

    assertThat(Conditions.set(List.of(withoutTime), Conditions.of("Ready", true, "Ready", "Still.", 1L), CLOCK))
        .extracting(Condition::getLastTransitionTime).containsExactly(NOW);
  }

  @Test
  void conditionsOfOtherTypesAreLeftAsTheyAreAndInPlace() {
    Condition other = stored("Accepted", "True", "Accepted", "Accepted.", EARLIER, 1L);
    List<Condition> previous = new ArrayList<>(List.of(SYNCED, READY, other));
    List<Condition> before = List.copyOf(previous);

    List<Condition> result = Conditions.set(previous, Conditions.of("Ready", false, "Invalid", "No.", 3L), CLOCK);

    assertThat(result).hasSize(3);
    assertThat(result.get(0)).isSameAs(SYNCED);
    assertThat(result.get(1)).isEqualTo(stored("Ready", "False", "Invalid", "No.", NOW, 3L));
    assertThat(result.get(2)).isSameAs(other);
    // Neither the previous list nor the stored condition is changed.
    assertThat(previous).isEqualTo(before);
    assertThat(READY.getLastTransitionTime()).isEqualTo(EARLIER);
  }

  @Test
  void theDesiredConditionIsNotChanged() {
    Condition desired = Conditions.of("Ready", false, "Invalid", "No.", 3L);

    Conditions.set(List.of(READY), desired, CLOCK);
    Conditions.next(List.of(READY), desired, CLOCK);

    assertThat(desired.getLastTransitionTime()).isNull();
  }

  @Test
  void nextGivesTheConditionThatSetPutsInPlace() {
    List<List<Condition>> previous = Arrays.asList(null, List.of(), List.of(SYNCED), List.of(READY),
        List.of(SYNCED, READY), List.of(stored("Ready", "True", "Ready", "Valid.", null, 1L)));
    List<Condition> desired = List.of(Conditions.of("Ready", true, "Ready", "Valid again.", 4L),
        Conditions.of("Ready", false, "Invalid", "No.", 4L));

    for (List<Condition> p : previous) {
      for (Condition d : desired) {
        Condition fromSet = Conditions.set(p, d, CLOCK).stream().filter(c -> c.getType().equals("Ready"))
            .findFirst().orElseThrow();
        assertThat(Conditions.next(p, d, CLOCK)).as("next(%s, %s)", p, d).isEqualTo(fromSet);
      }
    }
  }

  @Test
  void readyCarriesTheVerdictAndTheResourcesGeneration() {
    Project project = new Project();
    project.getMetadata().setName("web");
    project.getMetadata().setGeneration(7L);

    Condition ok = Conditions.ready(Verdict.ok("Project is valid."), project);
    assertThat(ok).isEqualTo(stored("Ready", "True", Reasons.READY, "Project is valid.", null, 7L));

    project.getMetadata().setGeneration(8L);
    Condition invalid = Conditions.ready(Verdict.invalid("FolderNotFound", "No folder \"x\"."), project);
    assertThat(invalid).isEqualTo(stored("Ready", "False", "FolderNotFound", "No folder \"x\".", null, 8L));
    // A degraded object is usable but not Ready.
    assertThat(Conditions.ready(Verdict.degraded("DuplicateAssociation", "Twice."), project).getStatus())
        .isEqualTo("False");
  }

  @Test
  void ofSpellsTheStatusAsKubernetesDoesAndLeavesTheTimeToSet() {
    assertThat(Conditions.of("Ready", true, "Ready", "m", null))
        .isEqualTo(stored("Ready", "True", "Ready", "m", null, null));
    assertThat(Conditions.of("Ready", false, "Invalid", "m", 5L).getStatus()).isEqualTo("False");
  }
}
