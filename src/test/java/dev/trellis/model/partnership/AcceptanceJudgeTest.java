package dev.trellis.model.partnership;

import static dev.trellis.api.v1alpha1.PartnershipPhase.Established;
import static dev.trellis.api.v1alpha1.PartnershipPhase.Initiated;
import static dev.trellis.api.v1alpha1.PartnershipPhase.Paused;
import static dev.trellis.api.v1alpha1.PartnershipPhase.Terminated;
import static org.assertj.core.api.Assertions.assertThat;

import dev.trellis.api.v1alpha1.PartnershipPhase;
import dev.trellis.model.Reasons;
import dev.trellis.model.verdict.Verdict;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class AcceptanceJudgeTest {
  private static final List<PartnershipPhase> PHASES = Arrays.asList(null, Initiated, Established, Paused, Terminated);

  @Test
  void judgeFollowsTheSpecificationForEveryInput() {
    int cases = 0;
    for (boolean customerFound : new boolean[] {false, true}) {
      for (boolean partnershipFound : new boolean[] {false, true}) {
        for (boolean namesUs : new boolean[] {false, true}) {
          for (PartnershipPhase partnershipPhase : PHASES) {
            for (PartnershipPhase previous : PHASES) {
              var t = AcceptanceJudge.judge(customerFound, partnershipFound, namesUs, partnershipPhase, previous);
              var expected = expected(customerFound, partnershipFound, namesUs, partnershipPhase, previous);
              String what = "customer %s, partnership %s, names us %s, its phase %s, previous %s".formatted(
                  customerFound, partnershipFound, namesUs, partnershipPhase, previous);
              assertThat(t.phase()).as(what).isEqualTo(expected.phase());
              assertThat(t.reason()).as(what).isEqualTo(expected.reason());
              assertThat(t.message()).as(what).isNotBlank().endsWith(".");
              Verdict v = AcceptanceJudge.ready(t);
              assertThat(v.ready()).as(what).isEqualTo(t.phase() == Established);
              cases++;
            }
          }
        }
      }
    }
    assertThat(cases).isEqualTo(2 * 2 * 2 * 5 * 5);
  }

  /** Written from the brief, not from the code: phase and reason only (messages are checked elsewhere). */
  private static PartnershipTransition expected(boolean customerFound, boolean partnershipFound, boolean namesUs,
      PartnershipPhase partnershipPhase, PartnershipPhase previous) {
    if (previous == Terminated) {
      return t(Terminated, Reasons.TERMINATED);
    }
    boolean wasEstablished = previous == Established || previous == Paused;
    if (!customerFound) {
      return wasEstablished ? t(Terminated, Reasons.CUSTOMER_GONE) : t(null, Reasons.CUSTOMER_NOT_FOUND);
    }
    if (!partnershipFound) {
      return wasEstablished ? t(Terminated, Reasons.PARTNERSHIP_WITHDRAWN) : t(null, Reasons.PARTNERSHIP_NOT_FOUND);
    }
    if (!namesUs) {
      return t(null, Reasons.NOT_INVITED);
    }
    if (partnershipPhase == null || partnershipPhase == Initiated) {
      return t(Initiated, Reasons.PARTNERSHIP_NOT_ESTABLISHED);
    }
    return t(partnershipPhase, partnershipPhase.name());
  }

  private static PartnershipTransition t(PartnershipPhase phase, String reason) {
    return new PartnershipTransition(phase, reason, null);
  }

  @Test
  void globalPartnersAcceptanceIsReadyWhileMrPaintsPartnershipIsEstablished() {
    var t = AcceptanceJudge.judge(true, true, true, Established, null);
    assertThat(t.phase()).isEqualTo(Established);
    assertThat(AcceptanceJudge.ready(t)).isEqualTo(Verdict.ok(t.message()));
  }

  @Test
  void anAcceptanceOfAPartnershipThatNamesAnotherPartnerIsNotInvited() {
    var t = AcceptanceJudge.judge(true, true, false, Established, null);
    assertThat(t.phase()).isNull();
    assertThat(t.message()).contains("only the organization whose orgId the customer named");
    assertThat(AcceptanceJudge.ready(t)).isEqualTo(Verdict.invalid(Reasons.NOT_INVITED, t.message()));
  }

  @Test
  void theReadyReasonOfAMirroredPhaseIsThePhasesReason() {
    assertThat(AcceptanceJudge.ready(AcceptanceJudge.judge(true, true, true, Paused, Established)).reason())
        .isEqualTo(Reasons.PAUSED);
    assertThat(AcceptanceJudge.ready(AcceptanceJudge.judge(true, true, true, Terminated, Paused)).reason())
        .isEqualTo(Reasons.TERMINATED);
    assertThat(AcceptanceJudge.ready(AcceptanceJudge.judge(false, true, true, Established, Established)).reason())
        .as("the customer went away after establishment").isEqualTo(Reasons.TERMINATED);
    assertThat(AcceptanceJudge.ready(AcceptanceJudge.judge(true, false, true, null, Paused)).message())
        .contains("deleted the Partnership");
    assertThat(AcceptanceJudge.ready(AcceptanceJudge.judge(true, true, true, null, null)).reason())
        .isEqualTo(Reasons.PARTNERSHIP_NOT_ESTABLISHED);
  }
}
