package dev.trellis.reconcile.status;

import static dev.trellis.reconcile.status.Fixtures.EARLIER;
import static dev.trellis.reconcile.status.Fixtures.named;
import static org.assertj.core.api.Assertions.assertThat;

import dev.trellis.api.v1alpha1.InvitationAcceptance;
import dev.trellis.model.Reasons;
import dev.trellis.model.verdict.Verdict;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InvitationAcceptanceStatusAssemblerTest {
  private final InvitationAcceptance acceptance = named(new InvitationAcceptance(), "alice-accepts", 1);

  @Test
  void withoutThePolicyInForceAnAcceptanceIsDistrusted() {
    var status = InvitationAcceptanceStatusAssembler.assemble(acceptance, Optional.of("no policy"), false,
        Verdict.ok("accepted"), EARLIER).orElseThrow();
    assertThat(status.condition("Ready").orElseThrow().getReason()).isEqualTo(Reasons.ADMISSION_POLICY_MISSING);
    assertThat(status.condition("Ready").orElseThrow().getMessage()).isEqualTo("no policy");
  }

  @Test
  void anAcceptanceItsMemberRecordsStaysCountedWhateverHappenedToThePolicy() {
    var status = InvitationAcceptanceStatusAssembler.assemble(acceptance, Optional.of("no policy"), true,
        Verdict.ok("accepted"), EARLIER).orElseThrow();
    assertThat(status.condition("Ready").orElseThrow().getStatus()).isEqualTo("True");
  }

  @Test
  void anAcceptanceTheResolutionDidNotJudgeGetsNoStatus() {
    assertThat(InvitationAcceptanceStatusAssembler.assemble(acceptance, Optional.empty(), false, null, EARLIER))
        .isEmpty();
  }
}
