package dev.trellis.reconcile.status;

import static dev.trellis.reconcile.status.Fixtures.EARLIER;
import static dev.trellis.reconcile.status.Fixtures.LATER;
import static dev.trellis.reconcile.status.Fixtures.named;
import static org.assertj.core.api.Assertions.assertThat;

import dev.trellis.api.v1alpha1.Condition;
import dev.trellis.api.v1alpha1.RoleBinding;
import dev.trellis.api.v1alpha1.RoleBindingStatus;
import dev.trellis.model.Reasons;
import dev.trellis.reconcile.support.Conditions;
import org.junit.jupiter.api.Test;

/** The mechanics every kind's status shares. */
class StatusAssemblyTest {

  @Test
  void aFirstStatusObservesTheGenerationAndStampsReadyWithTheClockToTheSecond() {
    RoleBinding binding = named(new RoleBinding(), "b", 3);
    RoleBindingStatus status = StatusAssembly.assemble(binding, RoleBindingStatus::new, s -> s.setEffective(true),
        Conditions.of("Ready", true, "Ready", "fine", 3L), EARLIER);
    assertThat(status.getObservedGeneration()).isEqualTo(3L);
    assertThat(status.getEffective()).isTrue();
    assertThat(status.getConditions()).containsExactly(
        new Condition("Ready", "True", "Ready", "fine", "2026-05-01T10:00:00Z", 3L));
  }

  @Test
  void anUnchangedVerdictLaterGivesAnEqualStatusSoNothingIsWritten() {
    RoleBinding binding = named(new RoleBinding(), "b", 3);
    binding.setStatus(StatusAssembly.assemble(binding, RoleBindingStatus::new, s -> s.setEffective(true),
        Conditions.of("Ready", true, "Ready", "fine", 3L), EARLIER));
    RoleBindingStatus again = StatusAssembly.assemble(binding, RoleBindingStatus::new, s -> s.setEffective(true),
        Conditions.of("Ready", true, "Ready", "fine", 3L), LATER);
    assertThat(again).isEqualTo(binding.getStatus());
  }

  @Test
  void readyTurningFalseMovesItsTransitionTime() {
    RoleBinding binding = named(new RoleBinding(), "b", 3);
    binding.setStatus(StatusAssembly.assemble(binding, RoleBindingStatus::new, s -> {},
        Conditions.of("Ready", true, "Ready", "fine", 3L), EARLIER));
    RoleBindingStatus status = StatusAssembly.assemble(binding, RoleBindingStatus::new, s -> {},
        Conditions.of("Ready", false, "RoleNotFound", "gone", 3L), LATER);
    assertThat(status.condition("Ready").orElseThrow().getLastTransitionTime()).isEqualTo("2026-05-01T11:00:00Z");
  }

  @Test
  void withoutOrganizationSaysSoAndAppliesTheKindsOwnFields() {
    RoleBinding binding = named(new RoleBinding(), "b", 2);
    RoleBindingStatus status = StatusAssembly.withoutOrganization(binding, RoleBindingStatus::new,
        s -> s.setEffective(false), Reasons.NO_ORGANIZATION, "no organization here", EARLIER);
    assertThat(status.getEffective()).isFalse();
    assertThat(status.getObservedGeneration()).isEqualTo(2L);
    Condition ready = status.condition("Ready").orElseThrow();
    assertThat(ready.getStatus()).isEqualTo("False");
    assertThat(ready.getReason()).isEqualTo(Reasons.NO_ORGANIZATION);
    assertThat(ready.getMessage()).isEqualTo("no organization here");
  }

  @Test
  void aFailedReconcileKeepsTheRestOfTheStatusAndTheGenerationItLastObserved() {
    RoleBinding binding = named(new RoleBinding(), "b", 4);
    RoleBindingStatus old = new RoleBindingStatus();
    old.setEffective(true);
    old.setObservedGeneration(3L);
    old.setConditions(java.util.List.of(new Condition("Ready", "True", "Ready", "fine", "2026-01-01T00:00:00Z", 3L)));
    binding.setStatus(old);
    RoleBindingStatus failed = StatusAssembly.failed(binding, RoleBindingStatus::new,
        Conditions.of("Ready", false, Reasons.RECONCILE_ERROR, "refused", 4L), LATER);
    assertThat(failed.getEffective()).isTrue();
    assertThat(failed.getObservedGeneration()).isEqualTo(3L);
    assertThat(failed.condition("Ready").orElseThrow().getReason()).isEqualTo(Reasons.RECONCILE_ERROR);
    assertThat(old.condition("Ready").orElseThrow().getReason()).as("the cached status is not changed")
        .isEqualTo("Ready");
  }

  @Test
  void aFailedReconcileOfAnObjectWithoutStatusObservesNothing() {
    RoleBinding binding = named(new RoleBinding(), "b", 1);
    RoleBindingStatus failed = StatusAssembly.failed(binding, RoleBindingStatus::new,
        Conditions.of("Ready", false, Reasons.RECONCILE_ERROR, "refused", 1L), EARLIER);
    assertThat(failed.getObservedGeneration()).isNull();
    assertThat(failed.getConditions()).hasSize(1);
  }
}
