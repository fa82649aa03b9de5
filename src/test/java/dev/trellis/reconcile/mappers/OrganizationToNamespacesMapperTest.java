package dev.trellis.reconcile.mappers;

import static dev.trellis.reconcile.mappers.MapperFixtures.DIRECTORY;
import static dev.trellis.reconcile.mappers.MapperFixtures.ns;
import static dev.trellis.reconcile.mappers.MapperFixtures.organization;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OrganizationToNamespacesMapperTest {
  private final OrganizationToNamespacesMapper mapper = new OrganizationToNamespacesMapper(DIRECTORY);

  @Test
  void organizationChangeReachesItsNamespaceAndItsCounterparts() {
    assertThat(mapper.toPrimaryResourceIDs(organization("partner")))
        .containsExactlyInAnyOrder(ns("org-partner"), ns("org-customer"));
    assertThat(mapper.toPrimaryResourceIDs(organization("customer")))
        .containsExactlyInAnyOrder(ns("org-customer"), ns("org-partner"));
    assertThat(mapper.toPrimaryResourceIDs(organization("bystander")))
        .containsExactly(ns("org-bystander"));
  }

  @Test
  void aParentsChangeReachesEveryOrganizationBelowIt() {
    assertThat(mapper.toPrimaryResourceIDs(organization("sp")))
        .containsExactlyInAnyOrder(ns("org-sp"), ns("org-msp"), ns("org-client"));
  }

  @Test
  void anOrganizationWithoutOrgIdReachesItsNamespaceOnly() {
    var partner = organization("partner");
    partner.setStatus(null);
    assertThat(mapper.toPrimaryResourceIDs(partner)).containsExactly(ns("org-partner"));
  }
}
