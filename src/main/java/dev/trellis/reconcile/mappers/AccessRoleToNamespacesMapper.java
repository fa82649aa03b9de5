package dev.trellis.reconcile.mappers;

import dev.trellis.api.v1alpha1.AccessRole;
import dev.trellis.api.v1alpha1.RoleBinding;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.IndexerResourceCache;
import io.javaoperatorsdk.operator.processing.event.source.SecondaryToPrimaryMapper;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A role is cluster-wide, but its change concerns only the namespaces whose role bindings name it:
 * creating, fixing or deleting a role re-resolves those organizations and no others.
 */
public final class AccessRoleToNamespacesMapper implements SecondaryToPrimaryMapper<AccessRole> {
  /** Index of the role binding cache: the role each binding names. */
  public static final String BY_ROLE = "rolebinding-by-role";

  private final IndexerResourceCache<RoleBinding> bindings;

  public AccessRoleToNamespacesMapper(IndexerResourceCache<RoleBinding> bindings) {
    this.bindings = bindings;
  }

  /** Registers the index this mapper reads; call before the informers start. */
  public static void index(IndexerResourceCache<RoleBinding> bindings) {
    bindings.addIndexers(Map.of(BY_ROLE,
        b -> b.getSpec() == null || b.getSpec().getRole() == null ? List.of() : List.of(b.getSpec().getRole())));
  }

  @Override
  public Set<ResourceID> toPrimaryResourceIDs(AccessRole role) {
    return bindings.byIndex(BY_ROLE, role.getMetadata().getName()).stream()
        .map(b -> new ResourceID(b.getMetadata().getNamespace()))
        .collect(Collectors.toSet());
  }
}
