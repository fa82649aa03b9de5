package dev.trellis.reconcile.mappers;

import static dev.trellis.reconcile.mappers.MapperFixtures.named;
import static dev.trellis.reconcile.mappers.MapperFixtures.ns;
import static org.assertj.core.api.Assertions.assertThat;

import dev.trellis.api.v1alpha1.InvitationAcceptance;
import dev.trellis.testsupport.FakeIndexedCache;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.ValidatingAdmissionPolicy;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.ValidatingAdmissionPolicyBinding;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.ValidatingAdmissionPolicyBindingBuilder;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.ValidatingAdmissionPolicyBuilder;
import org.junit.jupiter.api.Test;

class AdmissionPolicyToNamespacesMapperTest {
  private final ValidatingAdmissionPolicy policy = new ValidatingAdmissionPolicyBuilder()
      .withNewMetadata().withName("trellis-invitation-acceptance").endMetadata().build();
  private final ValidatingAdmissionPolicyBinding binding = new ValidatingAdmissionPolicyBindingBuilder()
      .withNewMetadata().withName("trellis-invitation-acceptance").endMetadata().build();

  @Test
  void aPolicyOrItsBindingConcernsEveryNamespaceWithAnInvitationAcceptanceAndNoOther() {
    var acceptances = new FakeIndexedCache<InvitationAcceptance>().with(
        named(new InvitationAcceptance(), "org-a", "alice"),
        named(new InvitationAcceptance(), "org-a", "bob"),
        named(new InvitationAcceptance(), "org-b", "carol"));
    assertThat(new AdmissionPolicyToNamespacesMapper<ValidatingAdmissionPolicy>(acceptances)
        .toPrimaryResourceIDs(policy)).containsExactlyInAnyOrder(ns("org-a"), ns("org-b"));
    assertThat(new AdmissionPolicyToNamespacesMapper<ValidatingAdmissionPolicyBinding>(acceptances)
        .toPrimaryResourceIDs(binding)).containsExactlyInAnyOrder(ns("org-a"), ns("org-b"));
  }

  @Test
  void withoutInvitationAcceptancesNoNamespaceIsConcerned() {
    assertThat(new AdmissionPolicyToNamespacesMapper<ValidatingAdmissionPolicy>(new FakeIndexedCache<>())
        .toPrimaryResourceIDs(policy)).isEmpty();
  }
}
