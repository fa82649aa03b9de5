package dev.trellis.model.snapshot;

import dev.trellis.api.v1alpha1.Feature;
import dev.trellis.api.v1alpha1.FeatureLevel;
import java.util.List;
import java.util.Set;

/**
 * A cluster-wide access role: its permissions, where it may be given, whether partners may receive it, and
 * for a feature role its feature and level (both null otherwise).
 */
public record RoleNode(String name, List<String> permissions, Set<ScopeKind> assignableAt,
    boolean assignableToPartners, Feature feature, FeatureLevel level) {

  public RoleNode {
    permissions = Lists.copy(permissions);
    assignableAt = assignableAt == null ? Set.of() : Set.copyOf(assignableAt);
  }

  /** A role of no feature. */
  public RoleNode(String name, List<String> permissions, Set<ScopeKind> assignableAt, boolean assignableToPartners) {
    this(name, permissions, assignableAt, assignableToPartners, null, null);
  }

  /** Whether this is a feature role (it has a feature and a level). */
  public boolean featured() {
    return feature != null && level != null;
  }
}
