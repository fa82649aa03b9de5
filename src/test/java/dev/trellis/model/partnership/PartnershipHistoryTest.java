package dev.trellis.model.partnership;

import static dev.trellis.api.v1alpha1.PartnershipPhase.Established;
import static dev.trellis.api.v1alpha1.PartnershipPhase.Initiated;
import static dev.trellis.api.v1alpha1.PartnershipPhase.Paused;
import static org.assertj.core.api.Assertions.assertThat;

import dev.trellis.api.v1alpha1.PartnershipHistoryEntry;
import dev.trellis.model.Reasons;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PartnershipHistoryTest {
  private static final Instant AT = Instant.parse("2026-03-01T10:15:30.123456789Z");
  private static final PartnershipTransition ACCEPTED =
      new PartnershipTransition(Established, Reasons.ACCEPTED, "The partner accepted.");

  @Test
  void anEntryRecordsThePhaseTheReasonAndTheTimeInWholeSeconds() {
    var history = PartnershipHistory.append(null, ACCEPTED, AT);
    assertThat(history).containsExactly(
        new PartnershipHistoryEntry(Established, "2026-03-01T10:15:30Z", Reasons.ACCEPTED, "The partner accepted."));
  }

  @Test
  void appendLeavesTheGivenListAlone() {
    List<PartnershipHistoryEntry> before = List.of(
        new PartnershipHistoryEntry(Initiated, "2026-03-01T10:00:00Z", Reasons.AWAITING_ACCEPTANCE, "w."));
    var after = PartnershipHistory.append(before, ACCEPTED, AT);
    assertThat(before).hasSize(1);
    assertThat(after).hasSize(2).first().isEqualTo(before.get(0));
  }

  @Test
  void onlyTheMostRecentEntriesAreKept() {
    List<PartnershipHistoryEntry> history = new ArrayList<>();
    for (int i = 0; i < PartnershipHistory.MAX_ENTRIES + 5; i++) {
      history = PartnershipHistory.append(history,
          new PartnershipTransition(i % 2 == 0 ? Paused : Established, "R" + i, "m."), AT.plusSeconds(i));
    }
    assertThat(history).hasSize(PartnershipHistory.MAX_ENTRIES);
    assertThat(PartnershipHistory.MAX_ENTRIES).isEqualTo(20);
    assertThat(history.get(0).getReason()).isEqualTo("R5");
    assertThat(history.get(history.size() - 1).getReason()).isEqualTo("R24");
  }

  @Test
  void appendAllRecordsSettledTransitionsInOrder() {
    var transitions = PartnershipStateMachine.settle(null,
        new PartnershipObservation(false, true, false, true, true, true));
    var history = PartnershipHistory.appendAll(null, transitions, AT);
    assertThat(history).extracting(PartnershipHistoryEntry::getReason)
        .containsExactly(Reasons.ACCEPTED, Reasons.PAUSED_BY_CUSTOMER);
    assertThat(PartnershipHistory.appendAll(history, List.of(), AT)).isEqualTo(history);
  }

  @Test
  void theLastEntryReadsBackAsATransition() {
    assertThat(PartnershipHistory.lastTransition(null)).isEmpty();
    assertThat(PartnershipHistory.lastTransition(List.of())).isEmpty();
    assertThat(PartnershipHistory.lastTransition(PartnershipHistory.append(null, ACCEPTED, AT))).contains(ACCEPTED);
  }
}
