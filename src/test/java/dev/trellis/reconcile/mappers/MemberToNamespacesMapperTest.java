package dev.trellis.reconcile.mappers;

import static dev.trellis.reconcile.mappers.MapperFixtures.DIRECTORY;
import static dev.trellis.reconcile.mappers.MapperFixtures.named;
import static dev.trellis.reconcile.mappers.MapperFixtures.ns;
import static org.assertj.core.api.Assertions.assertThat;

import dev.trellis.api.v1alpha1.InvitationAcceptance;
import dev.trellis.api.v1alpha1.Member;
import org.junit.jupiter.api.Test;

class MemberToNamespacesMapperTest {
  @Test
  void aMemberOfAnOrganizationWithoutPartnersConcernsItsOwnNamespaceOnly() {
    assertThat(new MemberToNamespacesMapper<Member>(DIRECTORY)
        .toPrimaryResourceIDs(named(new Member(), "org-bystander", "alice")))
        .containsExactly(ns("org-bystander"));
  }

  @Test
  void aPartnersMemberReachesTheCustomersItsOrganizationAccepted() {
    assertThat(new MemberToNamespacesMapper<Member>(DIRECTORY)
        .toPrimaryResourceIDs(named(new Member(), "org-partner", "krishna")))
        .containsExactlyInAnyOrder(ns("org-partner"), ns("org-customer"));
  }

  @Test
  void anInvitationAcceptanceReachesTheSameNamespacesAsItsMember() {
    assertThat(new MemberToNamespacesMapper<InvitationAcceptance>(DIRECTORY)
        .toPrimaryResourceIDs(named(new InvitationAcceptance(), "org-partner", "krishna")))
        .containsExactlyInAnyOrder(ns("org-partner"), ns("org-customer"));
  }
}
