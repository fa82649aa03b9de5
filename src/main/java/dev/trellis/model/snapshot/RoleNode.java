package dev.trellis.model.snapshot;

import java.util.List;
import java.util.Set;

/** A cluster-wide access role: its permissions, where it may be given and whether partners may receive it. */
public record RoleNode(String name, List<String> permissions, Set<ScopeKind> assignableAt, boolean assignableToPartners) {

  public RoleNode {
    permissions = Lists.copy(permissions);
    assignableAt = assignableAt == null ? Set.of() : Set.copyOf(assignableAt);
  }
}
