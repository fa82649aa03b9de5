package dev.trellis.model.partnership;

import dev.trellis.api.v1alpha1.PartnershipHistoryEntry;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A partnership's {@code status.history}: its changes of phase, oldest first, the most recent ones only. */
public final class PartnershipHistory {
  /** Entries kept; older ones are dropped first. */
  public static final int MAX_ENTRIES = 20;

  private PartnershipHistory() {}

  /** {@code history} (null: none) plus {@code t} at {@code at} (RFC 3339, whole seconds), as a new list. */
  public static List<PartnershipHistoryEntry> append(List<PartnershipHistoryEntry> history, PartnershipTransition t,
      Instant at) {
    List<PartnershipHistoryEntry> result = new ArrayList<>(history == null ? List.of() : history);
    result.add(new PartnershipHistoryEntry(t.phase(), at.truncatedTo(ChronoUnit.SECONDS).toString(), t.reason(),
        t.message()));
    return new ArrayList<>(result.subList(Math.max(0, result.size() - MAX_ENTRIES), result.size()));
  }

  /** {@code history} plus every transition of {@code transitions}, all at {@code at}. */
  public static List<PartnershipHistoryEntry> appendAll(List<PartnershipHistoryEntry> history,
      List<PartnershipTransition> transitions, Instant at) {
    List<PartnershipHistoryEntry> result = history == null ? new ArrayList<>() : new ArrayList<>(history);
    for (PartnershipTransition t : transitions) {
      result = append(result, t, at);
    }
    return result;
  }

  /** The most recent entry of {@code history} as a transition, such as the one that terminated it. */
  public static Optional<PartnershipTransition> lastTransition(List<PartnershipHistoryEntry> history) {
    if (history == null || history.isEmpty()) {
      return Optional.empty();
    }
    PartnershipHistoryEntry last = history.get(history.size() - 1);
    return Optional.of(new PartnershipTransition(last.getPhase(), last.getReason(), last.getMessage()));
  }
}
