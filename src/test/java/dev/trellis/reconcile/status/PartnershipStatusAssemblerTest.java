package dev.trellis.reconcile.status;

import static dev.trellis.reconcile.status.Fixtures.EARLIER;
import static dev.trellis.reconcile.status.Fixtures.LATER;
import static dev.trellis.reconcile.status.Fixtures.T0;
import static dev.trellis.reconcile.status.Fixtures.named;
import static org.assertj.core.api.Assertions.assertThat;

import dev.trellis.api.v1alpha1.Partnership;
import dev.trellis.api.v1alpha1.PartnershipPhase;
import dev.trellis.api.v1alpha1.PartnershipStatus;
import dev.trellis.model.Reasons;
import dev.trellis.model.partnership.PartnershipTransition;
import java.util.List;
import org.junit.jupiter.api.Test;

class PartnershipStatusAssemblerTest {
  private static final PartnershipTransition INITIATED = new PartnershipTransition(PartnershipPhase.Initiated,
      Reasons.AWAITING_ACCEPTANCE, "Waiting for the partner to accept.");
  private static final PartnershipTransition ESTABLISHED = new PartnershipTransition(PartnershipPhase.Established,
      Reasons.ACCEPTED, "The partner accepted.");

  @Test
  void transitionsAreAppendedToTheHistoryAndTheFirstEstablishmentIsRemembered() {
    Partnership partnership = named(new Partnership(), "msp", 1);
    partnership.setStatus(PartnershipStatusAssembler.assemble(partnership, new PartnershipStatusAssembler.Evaluated(
        PartnershipPhase.Initiated, null, List.of(), List.of(INITIATED), INITIATED), T0, EARLIER));
    assertThat(partnership.getStatus().getHistory()).extracting(e -> e.getPhase())
        .containsExactly(PartnershipPhase.Initiated);
    assertThat(partnership.getStatus().getEstablishedAt()).isNull();

    PartnershipStatus established = PartnershipStatusAssembler.assemble(partnership,
        new PartnershipStatusAssembler.Evaluated(PartnershipPhase.Established, "mrpaints", List.of("bob"),
            List.of(ESTABLISHED), ESTABLISHED),
        T0.plusSeconds(3600), LATER);
    assertThat(established.getPhase()).isEqualTo(PartnershipPhase.Established);
    assertThat(established.getPartnerOrganization()).isEqualTo("mrpaints");
    assertThat(established.getMembers()).containsExactly("bob");
    assertThat(established.getHistory()).extracting(e -> e.getPhase())
        .containsExactly(PartnershipPhase.Initiated, PartnershipPhase.Established);
    assertThat(established.getEstablishedAt()).isEqualTo(established.getHistory().get(1).getTime());
    assertThat(established.condition("Ready").orElseThrow().getStatus()).isEqualTo("True");
  }

  @Test
  void aReconcileWithoutTransitionsChangesNothing() {
    Partnership partnership = named(new Partnership(), "msp", 1);
    var evaluated = new PartnershipStatusAssembler.Evaluated(PartnershipPhase.Established, "mrpaints",
        List.of("bob"), List.of(ESTABLISHED), ESTABLISHED);
    partnership.setStatus(PartnershipStatusAssembler.assemble(partnership, evaluated, T0, EARLIER));
    var quiet = new PartnershipStatusAssembler.Evaluated(PartnershipPhase.Established, "mrpaints",
        List.of("bob"), List.of(), ESTABLISHED);
    assertThat(PartnershipStatusAssembler.assemble(partnership, quiet, T0.plusSeconds(60), LATER))
        .isEqualTo(partnership.getStatus());
  }
}
