package dev.trellis.model.validation;

import dev.trellis.model.Reasons;
import dev.trellis.model.hierarchy.Hierarchy;
import dev.trellis.model.snapshot.ConnectorNode;
import dev.trellis.model.snapshot.ResourceNode;
import dev.trellis.model.verdict.Verdict;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Judges the project and folder lists of managed resources and connectors.
 *
 * <p>A missing or duplicate entry in a list makes the object Ready=False but still usable ({@link
 * Verdict#degraded}): DESIGN says such an entry is reported and ignored while valid associations keep
 * working. Only a missing connector makes a resource unusable, since it then belongs to no document.
 */
public final class AssociationValidator {

  private AssociationValidator() {}

  /** Judges a managed resource against the hierarchy and the connectors that exist. */
  public static Verdict resource(ResourceNode r, Hierarchy h, Predicate<String> connectorExists) {
    if (r.hasConnector() && !connectorExists.test(r.connector())) {
      return Verdict.invalid(Reasons.CONNECTOR_NOT_FOUND, "Connector \"" + r.connector()
          + "\" does not exist, so this resource appears in no grants document; create it or set spec.connector"
          + " to an existing connector.");
    }
    Verdict problem = lists(r.projects(), r.folders(), h);
    if (problem != null) {
      return problem;
    }
    return r.hasConnector()
        ? Verdict.ok("Resource is valid and managed by connector \"" + r.connector() + "\".")
        : Verdict.ok("Resource is valid but names no connector, so it appears in no grants document.");
  }

  /** Judges a connector's associations against the hierarchy. */
  public static Verdict connector(ConnectorNode c, Hierarchy h) {
    Verdict problem = lists(c.projects(), c.folders(), h);
    return problem != null ? problem : Verdict.ok("Connector is valid.");
  }

  private static Verdict lists(List<String> projects, List<String> folders, Hierarchy h) {
    List<String> missingProjects = missing(projects, h::projectExists);
    if (!missingProjects.isEmpty()) {
      return Verdict.degraded(Reasons.PROJECT_NOT_FOUND, plural("Project", missingProjects)
          + " ignored until created; create " + them(missingProjects) + " or remove " + them(missingProjects)
          + " from spec.projects.");
    }
    List<String> missingFolders = missing(folders, h::folderExists);
    if (!missingFolders.isEmpty()) {
      return Verdict.degraded(Reasons.FOLDER_NOT_FOUND, plural("Folder", missingFolders)
          + " ignored until created; create " + them(missingFolders) + " or remove " + them(missingFolders)
          + " from spec.folders.");
    }
    String dup = firstDuplicate(projects);
    String field = "spec.projects";
    if (dup == null) {
      dup = firstDuplicate(folders);
      field = "spec.folders";
    }
    if (dup != null) {
      return Verdict.degraded(Reasons.DUPLICATE_ASSOCIATION, "\"" + dup + "\" is listed more than once in "
          + field + " and counts once; remove the duplicate.");
    }
    return null;
  }

  private static List<String> missing(List<String> names, Predicate<String> exists) {
    return new ArrayList<>(new TreeSet<>(names.stream().filter(n -> !exists.test(n)).toList()));
  }

  private static String firstDuplicate(List<String> names) {
    Set<String> seen = new HashSet<>();
    TreeSet<String> dups = new TreeSet<>();
    names.forEach(n -> {
      if (!seen.add(n)) {
        dups.add(n);
      }
    });
    return dups.isEmpty() ? null : dups.first();
  }

  private static String plural(String what, List<String> names) {
    String quoted = String.join(", ", names.stream().map(n -> "\"" + n + "\"").toList());
    return names.size() == 1
        ? what + " " + quoted + " does not exist and is"
        : what + "s " + quoted + " do not exist and are";
  }

  private static String them(List<String> names) {
    return names.size() == 1 ? "it" : "them";
  }
}
