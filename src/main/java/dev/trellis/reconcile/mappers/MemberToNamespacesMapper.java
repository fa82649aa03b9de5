package dev.trellis.reconcile.mappers;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.SecondaryToPrimaryMapper;
import java.util.HashSet;
import java.util.Set;

/**
 * A member, or an invitation acceptance (which changes a member): its namespace, and the customers whose
 * partnerships its organization accepted.
 */
public final class MemberToNamespacesMapper<T extends HasMetadata> implements SecondaryToPrimaryMapper<T> {
  private final Directory directory;

  public MemberToNamespacesMapper(Directory directory) {
    this.directory = directory;
  }

  @Override
  public Set<ResourceID> toPrimaryResourceIDs(T member) {
    Set<ResourceID> ids = new HashSet<>();
    ids.add(new ResourceID(member.getMetadata().getNamespace()));
    directory.acceptancesIn(member.getMetadata().getNamespace())
        .filter(a -> a.getSpec() != null)
        .forEach(a -> directory.namespaceOfOrgId(a.getSpec().getCustomerOrgId())
            .ifPresent(ns -> ids.add(new ResourceID(ns))));
    return ids;
  }
}
