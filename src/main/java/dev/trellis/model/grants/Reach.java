package dev.trellis.model.grants;

import dev.trellis.model.hierarchy.Hierarchy;
import dev.trellis.model.snapshot.ScopeRef;

/** Rules 5 and 6 of DESIGN §3: whether a resource is reachable from a valid scope. */
public final class Reach {

  private Reach() {}

  /**
   * Organization scope reaches every resource. Any other scope reaches a resource only through one of its
   * association points inside the scope. A project scope looks only at the project itself, so a folder
   * association never reaches into the folder's projects.
   */
  public static boolean reaches(ScopeRef scope, AssociationPoints points, Hierarchy h) {
    return switch (scope.kind()) {
      case Organization -> true;
      case Project -> points.projects().contains(scope.name());
      case Folder -> points.projects().stream().anyMatch(p -> h.projectWithin(p, scope.name()))
          || points.folders().stream().anyMatch(f -> h.folderWithin(f, scope.name()));
    };
  }
}
