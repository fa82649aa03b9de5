package dev.trellis.reconcile.mappers;

import dev.trellis.api.v1alpha1.RoleBinding;
import dev.trellis.api.v1alpha1.Subject;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.SecondaryToPrimaryMapper;
import java.util.HashSet;
import java.util.Set;

/** A role binding: its namespace, and for a partner member the partner's (the member's access list). */
public final class RoleBindingToNamespacesMapper implements SecondaryToPrimaryMapper<RoleBinding> {
  private final Directory directory;

  public RoleBindingToNamespacesMapper(Directory directory) {
    this.directory = directory;
  }

  @Override
  public Set<ResourceID> toPrimaryResourceIDs(RoleBinding binding) {
    Set<ResourceID> ids = new HashSet<>();
    String namespace = binding.getMetadata().getNamespace();
    ids.add(new ResourceID(namespace));
    var subject = binding.getSpec() == null ? null : binding.getSpec().getSubject();
    if (subject != null && subject.getKind() == Subject.Kind.PartnerMember && subject.getPartnership() != null) {
      directory.partnership(namespace, subject.getPartnership())
          .flatMap(p -> directory.namespaceOfOrgId(p.getSpec().getPartnerOrgId()))
          .ifPresent(ns -> ids.add(new ResourceID(ns)));
    }
    return ids;
  }
}
