package dev.trellis.model.grants;

import dev.trellis.model.hierarchy.Hierarchy;
import dev.trellis.model.snapshot.ConnectorNode;
import dev.trellis.model.snapshot.ResourceNode;
import java.util.Set;
import java.util.TreeSet;

/**
 * The valid projects and folders through which a resource can be reached below the organization: associated
 * with the resource AND with its connector (rule 6). Computed once per resource, not once per binding.
 */
public record AssociationPoints(Set<String> projects, Set<String> folders) {

  public AssociationPoints {
    projects = Set.copyOf(projects);
    folders = Set.copyOf(folders);
  }

  public static AssociationPoints of(ResourceNode r, ConnectorNode c, Hierarchy h) {
    Set<String> projects = new TreeSet<>();
    r.projects().stream().filter(p -> c.projects().contains(p) && h.projectValid(p)).forEach(projects::add);
    Set<String> folders = new TreeSet<>();
    r.folders().stream().filter(f -> c.folders().contains(f) && h.folderValid(f)).forEach(folders::add);
    return new AssociationPoints(projects, folders);
  }
}
