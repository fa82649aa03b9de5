package dev.trellis.reconcile.mappers;

import static dev.trellis.reconcile.mappers.MapperFixtures.DIRECTORY;
import static dev.trellis.reconcile.mappers.MapperFixtures.newPartnership;
import static dev.trellis.reconcile.mappers.MapperFixtures.ns;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PartnershipToNamespacesMapperTest {
  private final PartnershipToNamespacesMapper mapper = new PartnershipToNamespacesMapper(DIRECTORY);

  @Test
  void partnershipChangesReachBothSidesAndNoOneElse() {
    assertThat(mapper.toPrimaryResourceIDs(newPartnership("org-customer", "msp", "id-partner")))
        .containsExactlyInAnyOrder(ns("org-customer"), ns("org-partner"));
  }

  @Test
  void aPartnerNoOrganizationOwnsReachesTheCustomerOnly() {
    assertThat(mapper.toPrimaryResourceIDs(newPartnership("org-customer", "msp", "id-unknown")))
        .containsExactly(ns("org-customer"));
  }
}
