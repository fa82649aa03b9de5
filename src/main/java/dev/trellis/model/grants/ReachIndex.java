package dev.trellis.model.grants;

import dev.trellis.model.hierarchy.Hierarchy;
import dev.trellis.model.snapshot.ScopeKind;
import dev.trellis.model.snapshot.ScopeRef;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Rules 5 and 6 of DESIGN §3: which resources a valid scope reaches. Organization scope reaches every resource
 * of a document. Any other scope reaches a resource only through one of its association points inside the
 * scope; a project scope looks only at the project itself, so a folder association never reaches into the
 * folder's projects. Indexed by association point so that a binding costs what it grants, not the size of
 * the organization.
 */
public final class ReachIndex {
  private final Hierarchy hierarchy;
  private final SortedSet<String> all = new TreeSet<>();
  private final Map<String, SortedSet<String>> byProject = new TreeMap<>();
  private final Map<String, SortedSet<String>> byFolder = new TreeMap<>();
  private final Map<String, SortedSet<String>> folderScopes = new HashMap<>();

  /** @param points the resources that belong to a document, with their association points */
  public ReachIndex(Map<String, AssociationPoints> points, Hierarchy hierarchy) {
    this.hierarchy = hierarchy;
    points.forEach((resource, p) -> {
      all.add(resource);
      p.projects().forEach(x -> byProject.computeIfAbsent(x, k -> new TreeSet<>()).add(resource));
      p.folders().forEach(x -> byFolder.computeIfAbsent(x, k -> new TreeSet<>()).add(resource));
    });
  }

  /** The resources a valid scope reaches, sorted by name. */
  public Set<String> resources(ScopeRef scope) {
    if (scope.kind() == ScopeKind.Organization) {
      return Collections.unmodifiableSet(all);
    }
    if (scope.kind() == ScopeKind.Project) {
      return Collections.unmodifiableSet(byProject.getOrDefault(scope.name(), new TreeSet<>()));
    }
    return Collections.unmodifiableSet(folderScopes.computeIfAbsent(scope.name(), this::belowFolder));
  }

  private SortedSet<String> belowFolder(String folder) {
    SortedSet<String> out = new TreeSet<>();
    byProject.forEach((p, rs) -> {
      if (hierarchy.projectWithin(p, folder)) {
        out.addAll(rs);
      }
    });
    byFolder.forEach((f, rs) -> {
      if (hierarchy.folderWithin(f, folder)) {
        out.addAll(rs);
      }
    });
    return out;
  }
}
