package dev.trellis.reconcile.status;

import dev.trellis.api.v1alpha1.PartnerMemberRoles;
import dev.trellis.api.v1alpha1.Partnership;
import dev.trellis.api.v1alpha1.PartnershipHistoryEntry;
import dev.trellis.api.v1alpha1.PartnershipPhase;
import dev.trellis.api.v1alpha1.PartnershipStatus;
import dev.trellis.model.partnership.PartnershipHistory;
import dev.trellis.model.partnership.PartnershipReadiness;
import dev.trellis.model.partnership.PartnershipTransition;
import dev.trellis.reconcile.support.Conditions;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * A partnership's status, on the customer's side: its phase, the partner organization, the partner's members it
 * admits, its history with this reconcile's transitions appended at {@code now}, when it was first established,
 * and Ready from the current transition and the last one recorded.
 */
public final class PartnershipStatusAssembler {
  private PartnershipStatusAssembler() {}

  /** What the state machine decided for one partnership in this reconcile. */
  public record Evaluated(PartnershipPhase phase, String partnerOrganization, List<String> members,
      List<PartnershipTransition> transitions, PartnershipTransition current) {}

  public static PartnershipStatus assemble(Partnership partnership, Evaluated evaluated, Instant now, Clock clock) {
    return assemble(partnership, evaluated, List.of(), now, clock);
  }

  /** With the roles the organization's effective bindings give the partner's members, in member order. */
  public static PartnershipStatus assemble(Partnership partnership, Evaluated evaluated,
      List<PartnerMemberRoles> memberRoles, Instant now, Clock clock) {
    PartnershipStatus old = partnership.getStatus() == null ? new PartnershipStatus() : partnership.getStatus();
    List<PartnershipHistoryEntry> history = old.getHistory() == null ? List.of() : old.getHistory();
    String establishedAt = old.getEstablishedAt();
    for (PartnershipTransition t : evaluated.transitions()) {
      history = PartnershipHistory.append(history, t, now);
      if (t.phase() == PartnershipPhase.Established && establishedAt == null) {
        establishedAt = history.get(history.size() - 1).getTime();
      }
    }
    List<PartnershipHistoryEntry> finalHistory = history;
    String finalEstablishedAt = establishedAt;
    return StatusAssembly.assemble(partnership, PartnershipStatus::new, s -> {
      s.setPhase(evaluated.phase());
      s.setPartnerOrganization(evaluated.partnerOrganization());
      s.setMembers(evaluated.members());
      s.setMemberRoles(new java.util.ArrayList<>(memberRoles));
      s.setEstablishedAt(finalEstablishedAt);
      s.setHistory(finalHistory);
    }, Conditions.ready(PartnershipReadiness.ready(evaluated.current(),
        PartnershipHistory.lastTransition(finalHistory).orElse(null)), partnership), clock);
  }
}
