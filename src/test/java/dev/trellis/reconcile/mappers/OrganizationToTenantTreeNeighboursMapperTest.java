package dev.trellis.reconcile.mappers;

import static dev.trellis.reconcile.mappers.MapperFixtures.organization;
import static org.assertj.core.api.Assertions.assertThat;

import dev.trellis.api.v1alpha1.Organization;
import dev.trellis.api.v1alpha1.OrganizationStatus;
import dev.trellis.testsupport.FakeIndexedCache;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrganizationToTenantTreeNeighboursMapperTest {
  /** sp above msp above client; client moved from former, which still lists it; bystander unrelated. */
  private final Organization sp = organization("sp", null);
  private final Organization msp = below(organization("msp", null), "sp");
  private final Organization client = below(organization("client", null), "msp");
  private final Organization former = listing(organization("former", null), "client");
  private final Organization bystander = organization("bystander", null);
  private final OrganizationToTenantTreeNeighboursMapper mapper = mapper(sp, msp, client, former, bystander);

  @Test
  void anOrganizationConcernsItsParentAndItsChildren() {
    assertThat(mapper.toPrimaryResourceIDs(msp)).containsExactlyInAnyOrder(org("sp"), org("client"));
    assertThat(mapper.toPrimaryResourceIDs(sp)).containsExactly(org("msp"));
  }

  @Test
  void aMovedOrganizationConcernsTheFormerParentThatStillListsIt() {
    assertThat(mapper.toPrimaryResourceIDs(client)).containsExactlyInAnyOrder(org("msp"), org("former"));
  }

  @Test
  void anOrganizationOutsideTheTreeConcernsNoOne() {
    assertThat(mapper.toPrimaryResourceIDs(bystander)).isEmpty();
  }

  @Test
  void anOrganizationNamingItselfAsParentDoesNotWakeItself() {
    Organization loop = below(organization("loop", null), "loop");
    assertThat(mapper(loop).toPrimaryResourceIDs(loop)).isEmpty();
  }

  private static OrganizationToTenantTreeNeighboursMapper mapper(Organization... organizations) {
    var cache = new FakeIndexedCache<Organization>().with(organizations);
    OrganizationToTenantTreeNeighboursMapper.index(cache);
    return new OrganizationToTenantTreeNeighboursMapper(cache);
  }

  private static Organization below(Organization org, String parent) {
    org.getSpec().setParent(parent);
    return org;
  }

  private static Organization listing(Organization org, String... children) {
    OrganizationStatus status = new OrganizationStatus();
    status.setChildren(List.of(children));
    org.setStatus(status);
    return org;
  }

  private static ResourceID org(String name) {
    return new ResourceID(name);
  }
}
