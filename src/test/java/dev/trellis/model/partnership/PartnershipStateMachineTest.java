package dev.trellis.model.partnership;

import static dev.trellis.api.v1alpha1.PartnershipPhase.Established;
import static dev.trellis.api.v1alpha1.PartnershipPhase.Initiated;
import static dev.trellis.api.v1alpha1.PartnershipPhase.Paused;
import static dev.trellis.api.v1alpha1.PartnershipPhase.Terminated;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.trellis.api.v1alpha1.PartnershipPhase;
import dev.trellis.model.Reasons;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class PartnershipStateMachineTest {

  /**
   * The state machine of DESIGN §2 as a decision table, written without looking at the code. Rows are mutually
   * exclusive: every (previous phase, observation) matches exactly one. Columns: previous phases ("new" is a
   * partnership without a phase yet), then terminatedRequested, pausedRequested, self, partnerFound, accepted,
   * customerActive as 1, 0 or * (either), then the expected phase and reason.
   */
  private static final String[] SPECIFICATION = {
      "Terminated                        | * * * * * * | Terminated  Terminated",
      "new,Initiated,Established,Paused  | 1 * * * * * | Terminated  TerminatedByCustomer",
      "new,Initiated,Established,Paused  | 0 * * * * 0 | Terminated  CustomerGone",
      "Established,Paused                | 0 * * 0 * 1 | Terminated  PartnerGone",
      "Established,Paused                | 0 * * 1 0 1 | Terminated  AcceptanceWithdrawn",
      // Unreachable in practice (both orgIds are immutable and self never establishes), but defined.
      "Established,Paused                | 0 * 1 1 1 1 | Initiated   SelfPartnership",
      "new,Initiated                     | 0 * 1 * * 1 | Initiated   SelfPartnership",
      "new,Initiated                     | 0 * 0 0 * 1 | Initiated   PartnerNotFound",
      "new,Initiated                     | 0 * 0 1 0 1 | Initiated   AwaitingAcceptance",
      "new,Initiated                     | 0 * 0 1 1 1 | Established Accepted",
      "Established                       | 0 1 0 1 1 1 | Paused      PausedByCustomer",
      "Established                       | 0 0 0 1 1 1 | Established Established",
      "Paused                            | 0 0 0 1 1 1 | Established Resumed",
      "Paused                            | 0 1 0 1 1 1 | Paused      Paused",
  };

  private static final List<PartnershipPhase> PREVIOUS =
      Arrays.asList(null, Initiated, Established, Paused, Terminated);

  @Test
  void nextFollowsTheSpecificationForEveryPhaseAndEveryObservation() {
    int cases = 0;
    for (PartnershipPhase previous : PREVIOUS) {
      for (PartnershipObservation o : allObservations()) {
        String[] expected = expected(previous, o);
        PartnershipTransition t = PartnershipStateMachine.next(previous, o);
        assertThat(t.phase()).as("phase after %s with %s", previous, o).hasToString(expected[0]);
        assertThat(t.reason()).as("reason after %s with %s", previous, o).isEqualTo(expected[1]);
        assertThat(t.message()).as("message after %s with %s", previous, o).isNotBlank().endsWith(".");
        cases++;
      }
    }
    assertThat(cases).isEqualTo(5 * 64);
  }

  @Test
  void everyReasonOfTheSpecificationIsAConstantOfReasons() {
    List<String> reasons = Stream.of(SPECIFICATION).map(row -> row.split("\\|")[2].trim().split("\\s+")[1]).toList();
    assertThat(reasons).containsOnly(Reasons.TERMINATED, Reasons.TERMINATED_BY_CUSTOMER, Reasons.CUSTOMER_GONE,
        Reasons.PARTNER_GONE, Reasons.ACCEPTANCE_WITHDRAWN, Reasons.SELF_PARTNERSHIP, Reasons.PARTNER_NOT_FOUND,
        Reasons.AWAITING_ACCEPTANCE, Reasons.ACCEPTED, Reasons.PAUSED_BY_CUSTOMER, Reasons.ESTABLISHED,
        Reasons.RESUMED, Reasons.PAUSED);
  }

  @Test
  void aNewPartnershipAlreadyAcceptedAndPausedIsEstablishedThenPaused() {
    var o = observe().accepted().paused();
    assertThat(PartnershipStateMachine.settle(null, o.build()))
        .extracting(PartnershipTransition::phase, PartnershipTransition::reason)
        .containsExactly(
            tuple(Established, Reasons.ACCEPTED),
            tuple(Paused, Reasons.PAUSED_BY_CUSTOMER));
    assertThat(PartnershipStateMachine.current(null, o.build()).phase()).isEqualTo(Paused);
  }

  @Test
  void creatingAPartnershipIsRecordedAsEnteringInitiated() {
    assertThat(PartnershipStateMachine.settle(null, observe().build()))
        .extracting(PartnershipTransition::phase, PartnershipTransition::reason)
        .containsExactly(tuple(Initiated, Reasons.AWAITING_ACCEPTANCE));
    assertThat(PartnershipStateMachine.settle(null, observe().partnerMissing().build()))
        .extracting(PartnershipTransition::reason).containsExactly(Reasons.PARTNER_NOT_FOUND);
  }

  @Test
  void aPartnershipCreatedTerminatedGoesStraightToTerminated() {
    assertThat(PartnershipStateMachine.settle(null, observe().accepted().terminated().build()))
        .extracting(PartnershipTransition::phase, PartnershipTransition::reason)
        .containsExactly(tuple(Terminated, Reasons.TERMINATED_BY_CUSTOMER));
  }

  @Test
  void nothingChangedGivesNoTransitionsButCurrentStillSaysWhy() {
    assertThat(PartnershipStateMachine.settle(Initiated, observe().build())).isEmpty();
    assertThat(PartnershipStateMachine.current(Initiated, observe().build()))
        .isEqualTo(PartnershipStateMachine.next(Initiated, observe().build()))
        .extracting(PartnershipTransition::reason).isEqualTo(Reasons.AWAITING_ACCEPTANCE);
    assertThat(PartnershipStateMachine.settle(Established, observe().accepted().build())).isEmpty();
    assertThat(PartnershipStateMachine.current(Established, observe().accepted().build()).reason())
        .isEqualTo(Reasons.ESTABLISHED);
    assertThat(PartnershipStateMachine.settle(Paused, observe().accepted().paused().build())).isEmpty();
  }

  @Test
  void terminatedIsFinalWhateverIsObserved() {
    for (PartnershipObservation o : allObservations()) {
      assertThat(PartnershipStateMachine.settle(Terminated, o)).as("%s", o).isEmpty();
      assertThat(PartnershipStateMachine.current(Terminated, o).phase()).as("%s", o).isEqualTo(Terminated);
      assertThat(PartnershipStateMachine.current(Terminated, o).reason()).isEqualTo(Reasons.TERMINATED);
    }
  }

  @Test
  void settleStopsAtAFixedPointAndReturnsOnlyChanges() {
    for (PartnershipPhase previous : PREVIOUS) {
      for (PartnershipObservation o : allObservations()) {
        List<PartnershipTransition> changes = PartnershipStateMachine.settle(previous, o);
        PartnershipPhase phase = previous;
        for (PartnershipTransition t : changes) {
          assertThat(t.phase()).as("%s with %s: %s", previous, o, changes).isNotEqualTo(phase);
          assertThat(PartnershipStateMachine.next(phase, o)).isEqualTo(t);
          phase = t.phase();
        }
        assertThat(changes).hasSizeLessThanOrEqualTo(2);
        assertThat(PartnershipStateMachine.next(phase, o).phase()).as("fixed point of %s with %s", previous, o)
            .isEqualTo(phase);
        assertThat(PartnershipStateMachine.current(previous, o).phase()).isEqualTo(phase);
        if (previous == null) {
          assertThat(changes).as("a new partnership always records its first phase").isNotEmpty();
        }
      }
    }
  }

  @Test
  void mrPaintsAndGlobalPartnersThroughTheWholeStory() {
    List<PartnershipTransition> history = new ArrayList<>();
    PartnershipPhase phase = null;
    // MrPaints creates the Partnership with the orgId GlobalPartners shared.
    phase = step(phase, observe().build(), history);
    assertThat(phase).isEqualTo(Initiated);
    // GlobalPartners accepts.
    phase = step(phase, observe().accepted().build(), history);
    assertThat(phase).isEqualTo(Established);
    assertThat(PartnershipStateMachine.grants(phase)).isTrue();
    // MrPaints pauses, then resumes.
    phase = step(phase, observe().accepted().paused().build(), history);
    assertThat(PartnershipStateMachine.grants(phase)).isFalse();
    phase = step(phase, observe().accepted().build(), history);
    assertThat(phase).isEqualTo(Established);
    // MrPaints terminates; setting terminated back changes nothing.
    phase = step(phase, observe().accepted().terminated().build(), history);
    phase = step(phase, observe().accepted().build(), history);
    assertThat(phase).isEqualTo(Terminated);
    assertThat(history).extracting(PartnershipTransition::reason).containsExactly(Reasons.AWAITING_ACCEPTANCE,
        Reasons.ACCEPTED, Reasons.PAUSED_BY_CUSTOMER, Reasons.RESUMED, Reasons.TERMINATED_BY_CUSTOMER);
  }

  @Test
  void globalPartnersWithdrawingItsAcceptanceEndsAnEstablishedOrPausedPartnership() {
    assertThat(PartnershipStateMachine.current(Established, observe().build()).reason())
        .isEqualTo(Reasons.ACCEPTANCE_WITHDRAWN);
    assertThat(PartnershipStateMachine.current(Paused, observe().paused().build()).reason())
        .isEqualTo(Reasons.ACCEPTANCE_WITHDRAWN);
    assertThat(PartnershipStateMachine.current(Initiated, observe().build()).phase()).isEqualTo(Initiated);
  }

  @Test
  void aPartnershipNamingItsOwnCustomerNeverEstablishes() {
    assertThat(PartnershipStateMachine.current(null, observe().self().accepted().build()))
        .extracting(PartnershipTransition::phase, PartnershipTransition::reason)
        .containsExactly(Initiated, Reasons.SELF_PARTNERSHIP);
  }

  @Test
  void deletingTheCustomerEndsThePartnershipWhateverItsPhase() {
    for (PartnershipPhase previous : Arrays.asList(null, Initiated, Established, Paused)) {
      assertThat(PartnershipStateMachine.current(previous, observe().accepted().customerGone().build()))
          .extracting(PartnershipTransition::phase, PartnershipTransition::reason)
          .containsExactly(Terminated, Reasons.CUSTOMER_GONE);
    }
  }

  @Test
  void onlyEstablishedGrants() {
    assertThat(Stream.of(PartnershipPhase.values()).filter(PartnershipStateMachine::grants))
        .containsExactly(Established);
    assertThat(PartnershipStateMachine.grants(null)).isFalse();
  }

  private static PartnershipPhase step(PartnershipPhase phase, PartnershipObservation o,
      List<PartnershipTransition> history) {
    history.addAll(PartnershipStateMachine.settle(phase, o));
    return PartnershipStateMachine.current(phase, o).phase();
  }

  /** The expected phase and reason: the one row of the specification that matches. */
  private static String[] expected(PartnershipPhase previous, PartnershipObservation o) {
    String name = previous == null ? "new" : previous.name();
    String bits = bit(o.terminatedRequested()) + bit(o.pausedRequested()) + bit(o.self()) + bit(o.partnerFound())
        + bit(o.accepted()) + bit(o.customerActive());
    List<String[]> matches = new ArrayList<>();
    for (String row : SPECIFICATION) {
      String[] columns = row.split("\\|");
      String pattern = columns[1].replace(" ", "");
      boolean phaseMatches = List.of(columns[0].trim().split(",")).contains(name);
      boolean bitsMatch = true;
      for (int i = 0; i < bits.length(); i++) {
        bitsMatch &= pattern.charAt(i) == '*' || pattern.charAt(i) == bits.charAt(i);
      }
      if (phaseMatches && bitsMatch) {
        matches.add(columns[2].trim().split("\\s+"));
      }
    }
    assertThat(matches).as("rows of the specification matching %s %s", name, bits).hasSize(1);
    return matches.get(0);
  }

  private static String bit(boolean b) {
    return b ? "1" : "0";
  }

  static List<PartnershipObservation> allObservations() {
    List<PartnershipObservation> all = new ArrayList<>();
    for (int bits = 0; bits < 64; bits++) {
      all.add(new PartnershipObservation((bits & 1) != 0, (bits & 2) != 0, (bits & 4) != 0, (bits & 8) != 0,
          (bits & 16) != 0, (bits & 32) != 0));
    }
    return all;
  }

  /** A live customer whose partner exists and has not accepted; each method changes one thing. */
  static Observe observe() {
    return new Observe();
  }

  static final class Observe {
    private boolean terminated;
    private boolean paused;
    private boolean self;
    private boolean partnerFound = true;
    private boolean accepted;
    private boolean customerActive = true;

    Observe terminated() {
      terminated = true;
      return this;
    }

    Observe paused() {
      paused = true;
      return this;
    }

    Observe self() {
      self = true;
      return this;
    }

    Observe partnerMissing() {
      partnerFound = false;
      return this;
    }

    Observe accepted() {
      accepted = true;
      return this;
    }

    Observe customerGone() {
      customerActive = false;
      return this;
    }

    PartnershipObservation build() {
      return new PartnershipObservation(terminated, paused, self, partnerFound, accepted, customerActive);
    }
  }
}
