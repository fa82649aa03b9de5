package dev.trellis.reconcile.status;

import static dev.trellis.reconcile.status.Fixtures.EARLIER;
import static dev.trellis.reconcile.status.Fixtures.named;
import static dev.trellis.reconcile.status.Fixtures.ready;
import static org.assertj.core.api.Assertions.assertThat;

import dev.trellis.api.v1alpha1.PartnershipAcceptance;
import dev.trellis.api.v1alpha1.PartnershipAcceptanceSpec;
import dev.trellis.api.v1alpha1.PartnershipPhase;
import dev.trellis.model.Reasons;
import org.junit.jupiter.api.Test;

class PartnershipAcceptanceStatusAssemblerTest {

  private static PartnershipAcceptance acceptance(String name) {
    PartnershipAcceptance acceptance = named(new PartnershipAcceptance(), name, 1);
    PartnershipAcceptanceSpec spec = new PartnershipAcceptanceSpec();
    spec.setPartnership("msp");
    spec.setCustomerOrgId("uid-acme");
    acceptance.setSpec(spec);
    return acceptance;
  }

  @Test
  void anAcceptanceOfAnEstablishedPartnershipMirrorsItsPhase() {
    PartnershipAcceptance acceptance = acceptance("acme");
    acceptance.setStatus(PartnershipAcceptanceStatusAssembler.assemble(acceptance,
        new PartnershipAcceptanceStatusAssembler.Referred("acme", true, true, PartnershipPhase.Established),
        EARLIER));
    assertThat(acceptance.getStatus().getPhase()).isEqualTo(PartnershipPhase.Established);
    assertThat(acceptance.getStatus().getCustomerOrganization()).isEqualTo("acme");
    assertThat(ready(acceptance).getStatus()).isEqualTo("True");
  }

  @Test
  void anAcceptanceOfAnUnknownCustomerIsNotReady() {
    PartnershipAcceptance acceptance = acceptance("acme");
    acceptance.setStatus(PartnershipAcceptanceStatusAssembler.assemble(acceptance,
        new PartnershipAcceptanceStatusAssembler.Referred(null, false, false, null), EARLIER));
    assertThat(acceptance.getStatus().getCustomerOrganization()).isNull();
    assertThat(ready(acceptance).getStatus()).isEqualTo("False");
  }

  @Test
  void aSecondAcceptanceNamesTheOneThatCounts() {
    PartnershipAcceptance acceptance = acceptance("acme-again");
    acceptance.setStatus(PartnershipAcceptanceStatusAssembler.duplicate(acceptance, "acme", "acme", EARLIER));
    assertThat(acceptance.getStatus().getPhase()).isNull();
    assertThat(ready(acceptance).getReason()).isEqualTo(Reasons.DUPLICATE_ACCEPTANCE);
    assertThat(ready(acceptance).getMessage()).startsWith("PartnershipAcceptance acme, created earlier, already"
        + " accepts partnership msp of this customer");
  }
}
