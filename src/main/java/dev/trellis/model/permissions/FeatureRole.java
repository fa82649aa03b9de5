package dev.trellis.model.permissions;

import dev.trellis.api.v1alpha1.Feature;
import dev.trellis.api.v1alpha1.FeatureLevel;
import dev.trellis.model.snapshot.ScopeKind;
import java.util.List;

/** A predefined feature role as config/roles/ ships it: {@code observability-administrator} and its kin. */
public record FeatureRole(String name, Feature feature, FeatureLevel level, String displayName,
    List<String> permissions, List<ScopeKind> assignableAt, boolean assignableToPartners) {

  public FeatureRole {
    permissions = List.copyOf(permissions);
    assignableAt = List.copyOf(assignableAt);
  }
}
