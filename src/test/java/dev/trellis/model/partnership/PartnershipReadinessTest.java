package dev.trellis.model.partnership;

import static dev.trellis.api.v1alpha1.PartnershipPhase.Established;
import static dev.trellis.api.v1alpha1.PartnershipPhase.Initiated;
import static dev.trellis.api.v1alpha1.PartnershipPhase.Paused;
import static dev.trellis.api.v1alpha1.PartnershipPhase.Terminated;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trellis.api.v1alpha1.PartnershipPhase;
import dev.trellis.model.Reasons;
import dev.trellis.model.verdict.Verdict;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class PartnershipReadinessTest {

  @Test
  void anEstablishedPartnershipIsReady() {
    Verdict v = PartnershipReadiness.ready(new PartnershipTransition(Established, Reasons.ACCEPTED, "accepted."));
    assertThat(v.ready()).isTrue();
    assertThat(v.reason()).isEqualTo(Reasons.READY);
  }

  @Test
  void theReadyConditionDoesNotChangeOnTheReconcileAfterATransition() {
    for (String reason : new String[] {Reasons.ACCEPTED, Reasons.ESTABLISHED, Reasons.RESUMED}) {
      assertThat(PartnershipReadiness.ready(new PartnershipTransition(Established, reason, reason + ".")))
          .isEqualTo(PartnershipReadiness.ready(new PartnershipTransition(Established, Reasons.ESTABLISHED, "x.")));
    }
    assertThat(PartnershipReadiness.ready(new PartnershipTransition(Paused, Reasons.PAUSED_BY_CUSTOMER, "a.")))
        .isEqualTo(PartnershipReadiness.ready(new PartnershipTransition(Paused, Reasons.PAUSED, "b.")));
  }

  @Test
  void anInitiatedPartnershipSaysWhatItWaitsFor() {
    for (String reason : new String[] {Reasons.PARTNER_NOT_FOUND, Reasons.SELF_PARTNERSHIP,
        Reasons.AWAITING_ACCEPTANCE}) {
      Verdict v = PartnershipReadiness.ready(new PartnershipTransition(Initiated, reason, "what to do."));
      assertThat(v).isEqualTo(Verdict.invalid(reason, "what to do."));
    }
  }

  @Test
  void aPausedPartnershipIsNotReady() {
    Verdict v = PartnershipReadiness.ready(new PartnershipTransition(Paused, Reasons.PAUSED_BY_CUSTOMER, "p."));
    assertThat(v.ready()).isFalse();
    assertThat(v.usable()).isFalse();
    assertThat(v.reason()).isEqualTo(Reasons.PAUSED);
    assertThat(v.message()).contains("spec.paused");
  }

  @Test
  void aTerminatedPartnershipSaysWhyItEnded() {
    var byCustomer = PartnershipStateMachine.current(Established,
        new PartnershipObservation(true, false, false, true, true, true));
    Verdict v = PartnershipReadiness.ready(byCustomer);
    assertThat(v.ready()).isFalse();
    assertThat(v.reason()).isEqualTo(Reasons.TERMINATED);
    assertThat(v.message()).isEqualTo(byCustomer.message()).contains("spec.terminated");

    // On the next reconcile the machine only knows it is Terminated; the recorded step keeps the why.
    var later = PartnershipStateMachine.current(Terminated,
        new PartnershipObservation(true, false, false, true, true, true));
    assertThat(PartnershipReadiness.ready(later, byCustomer)).isEqualTo(v);
    assertThat(PartnershipReadiness.ready(later, null).reason()).isEqualTo(Reasons.TERMINATED);
    var accepted = new PartnershipTransition(Established, Reasons.ACCEPTED, "a.");
    assertThat(PartnershipReadiness.ready(later, accepted)).isEqualTo(PartnershipReadiness.ready(later));
  }

  @Test
  void readyExactlyWhenTheSettledPhaseGrants() {
    for (PartnershipPhase previous : Arrays.asList(null, Initiated, Established, Paused, Terminated)) {
      for (PartnershipObservation o : PartnershipStateMachineTest.allObservations()) {
        var current = PartnershipStateMachine.current(previous, o);
        Verdict v = PartnershipReadiness.ready(current);
        assertThat(v.ready()).as("%s with %s", previous, o).isEqualTo(PartnershipStateMachine.grants(current.phase()));
        assertThat(v.message()).isNotBlank();
      }
    }
  }

  @Test
  void aTransitionWithoutPhaseIsAMistake() {
    assertThatThrownBy(() -> PartnershipReadiness.ready(new PartnershipTransition(null, "X", "x.")))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
