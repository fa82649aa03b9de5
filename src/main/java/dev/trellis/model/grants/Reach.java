package dev.trellis.model.grants;

import dev.trellis.model.hierarchy.Hierarchy;
import dev.trellis.model.snapshot.ConnectorNode;
import dev.trellis.model.snapshot.ResourceNode;
import dev.trellis.model.snapshot.ScopeRef;

/** Rules 5 and 6 of DESIGN §3: whether a resource is reachable from a valid scope. */
public final class Reach {

  private Reach() {}

  /**
   * Organization scope reaches every resource. Any other scope reaches a resource only through an association
   * point: a valid project or folder of the resource, inside the scope, that the resource's connector is
   * associated with too. A project scope looks only at the project itself, so a folder association never
   * reaches into the folder's projects.
   */
  public static boolean reaches(ScopeRef scope, ResourceNode r, ConnectorNode c, Hierarchy h) {
    return switch (scope.kind()) {
      case Organization -> true;
      case Project -> r.projects().contains(scope.name())
          && c.projects().contains(scope.name())
          && h.projectValid(scope.name());
      case Folder -> r.projects().stream()
              .anyMatch(p -> c.projects().contains(p) && h.projectWithin(p, scope.name()))
          || r.folders().stream()
              .anyMatch(f -> c.folders().contains(f) && h.folderWithin(f, scope.name()));
    };
  }
}
