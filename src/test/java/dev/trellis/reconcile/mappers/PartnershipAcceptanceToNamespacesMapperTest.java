package dev.trellis.reconcile.mappers;

import static dev.trellis.reconcile.mappers.MapperFixtures.DIRECTORY;
import static dev.trellis.reconcile.mappers.MapperFixtures.acceptance;
import static dev.trellis.reconcile.mappers.MapperFixtures.ns;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PartnershipAcceptanceToNamespacesMapperTest {
  private final PartnershipAcceptanceToNamespacesMapper mapper =
      new PartnershipAcceptanceToNamespacesMapper(DIRECTORY);

  @Test
  void acceptanceChangesReachBothSidesAndNoOneElse() {
    assertThat(mapper.toPrimaryResourceIDs(acceptance("org-partner", "customer", "id-customer")))
        .containsExactlyInAnyOrder(ns("org-partner"), ns("org-customer"));
  }

  @Test
  void anAcceptanceWithoutSpecReachesItsNamespaceOnly() {
    var acceptance = acceptance("org-partner", "customer", "id-customer");
    acceptance.setSpec(null);
    assertThat(mapper.toPrimaryResourceIDs(acceptance)).containsExactly(ns("org-partner"));
  }
}
