package dev.trellis.reconcile.mappers;

import dev.trellis.api.v1alpha1.InvitationAcceptance;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.reconciler.ResourceCache;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.SecondaryToPrimaryMapper;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A ValidatingAdmissionPolicy or its binding: every namespace that holds an invitation acceptance. Whether only
 * invitees can create acceptances decides whether those acceptances count, and it matters to no other namespace.
 */
public final class AdmissionPolicyToNamespacesMapper<T extends HasMetadata> implements SecondaryToPrimaryMapper<T> {
  private final ResourceCache<InvitationAcceptance> invitationAcceptances;

  public AdmissionPolicyToNamespacesMapper(ResourceCache<InvitationAcceptance> invitationAcceptances) {
    this.invitationAcceptances = invitationAcceptances;
  }

  @Override
  public Set<ResourceID> toPrimaryResourceIDs(T policyOrBinding) {
    return invitationAcceptances.list().map(a -> new ResourceID(a.getMetadata().getNamespace()))
        .collect(Collectors.toSet());
  }
}
