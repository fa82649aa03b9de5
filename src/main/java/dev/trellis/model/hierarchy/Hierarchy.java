package dev.trellis.model.hierarchy;

import dev.trellis.model.Reasons;
import dev.trellis.model.snapshot.FolderNode;
import dev.trellis.model.snapshot.ProjectNode;
import dev.trellis.model.verdict.Verdict;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The folder and project tree of one organization, validated: which folders and projects are valid, and
 * which valid folder or project lies inside which valid folder.
 */
public final class Hierarchy {

  /** Folders may nest this deep (a folder directly under the organization is at depth 1). */
  public static final int MAX_FOLDER_DEPTH = 10;

  private final Map<String, FolderNode> folders;
  private final Map<String, ProjectNode> projects;
  private final Map<String, Verdict> folderVerdicts = new TreeMap<>();
  private final Map<String, Verdict> projectVerdicts = new TreeMap<>();

  private Hierarchy(Map<String, FolderNode> folders, Map<String, ProjectNode> projects) {
    this.folders = folders;
    this.projects = projects;
  }

  /** Validates the tree; names are unique per kind (the first of duplicates wins). */
  public static Hierarchy of(List<FolderNode> folders, List<ProjectNode> projects) {
    Map<String, FolderNode> f = new HashMap<>();
    folders.forEach(n -> f.putIfAbsent(n.name(), n));
    Map<String, ProjectNode> p = new HashMap<>();
    projects.forEach(n -> p.putIfAbsent(n.name(), n));
    Hierarchy h = new Hierarchy(f, p);
    h.judgeFolders();
    h.judgeProjects();
    return h;
  }

  public boolean folderExists(String name) {
    return name != null && folders.containsKey(name);
  }

  public boolean projectExists(String name) {
    return name != null && projects.containsKey(name);
  }

  public boolean folderValid(String name) {
    return folderExists(name) && folderVerdicts.get(name).ready();
  }

  public boolean projectValid(String name) {
    return projectExists(name) && projectVerdicts.get(name).ready();
  }

  /** Whether valid folder {@code folder} is {@code ancestor} or lies below it. */
  public boolean folderWithin(String folder, String ancestor) {
    if (!folderValid(folder) || !folderValid(ancestor)) {
      return false;
    }
    // A valid folder's chain ends at the root within MAX_FOLDER_DEPTH steps, so this loop terminates.
    for (String cur = folder; cur != null; cur = parentOf(cur)) {
      if (cur.equals(ancestor)) {
        return true;
      }
    }
    return false;
  }

  /** Whether valid project {@code project} lies below valid folder {@code folder}. */
  public boolean projectWithin(String project, String folder) {
    if (!projectValid(project)) {
      return false;
    }
    ProjectNode p = projects.get(project);
    return !p.atRoot() && folderWithin(p.folder(), folder);
  }

  /** Folder verdicts, sorted by name. */
  public Map<String, Verdict> folderVerdicts() {
    return Collections.unmodifiableMap(folderVerdicts);
  }

  /** Project verdicts, sorted by name. */
  public Map<String, Verdict> projectVerdicts() {
    return Collections.unmodifiableMap(projectVerdicts);
  }

  private String parentOf(String folder) {
    FolderNode n = folders.get(folder);
    return n.atRoot() ? null : n.parent();
  }

  private void judgeFolders() {
    markCycles();
    for (String name : new TreeMap<>(folders).keySet()) {
      judgeFolder(name);
    }
  }

  /** Every folder on a cycle reports the whole cycle, so a user can break it at any point. */
  private void markCycles() {
    Map<String, Boolean> done = new HashMap<>();
    for (String start : new TreeMap<>(folders).keySet()) {
      LinkedHashMap<String, Integer> path = new LinkedHashMap<>();
      String cur = start;
      while (cur != null && folders.containsKey(cur) && !done.containsKey(cur) && !path.containsKey(cur)) {
        path.put(cur, path.size());
        cur = parentOf(cur);
      }
      if (cur != null && path.containsKey(cur)) {
        List<String> cycle = new ArrayList<>(path.keySet()).subList(path.get(cur), path.size());
        String shown = String.join(" -> ", cycle) + " -> " + cycle.get(0);
        for (String member : cycle) {
          folderVerdicts.put(member, Verdict.invalid(Reasons.CYCLE_DETECTED,
              "Folder is on the parent cycle " + shown
                  + "; set spec.parent of one of these folders to a folder outside the cycle or to \"\"."));
        }
      }
      path.keySet().forEach(k -> done.put(k, true));
    }
  }

  /** Judges a folder after its ancestors; recursion ends at the root, a missing parent or a cycle member. */
  private Verdict judgeFolder(String name) {
    Verdict known = folderVerdicts.get(name);
    if (known != null) {
      return known;
    }
    Verdict v;
    FolderNode node = folders.get(name);
    if (node.atRoot()) {
      v = Verdict.ok("Folder is valid, directly under the organization.");
    } else if (!folders.containsKey(node.parent())) {
      v = Verdict.invalid(Reasons.PARENT_NOT_FOUND, "Parent folder \"" + node.parent()
          + "\" does not exist; create it or set spec.parent to an existing folder or to \"\".");
    } else {
      Verdict parent = judgeFolder(node.parent());
      // Depth is only defined once every ancestor is known to reach the root (no cycle, no missing parent).
      int depth = parent.ready() || parent.reason().equals(Reasons.DEPTH_EXCEEDED) ? depth(name) : -1;
      if (depth < 0) {
        v = ancestorInvalid("Folder", node.parent());
      } else if (depth > MAX_FOLDER_DEPTH) {
        v = Verdict.invalid(Reasons.DEPTH_EXCEEDED, "Folder is " + depth + " folders deep, more than the maximum of "
            + MAX_FOLDER_DEPTH + "; move it closer to the organization root.");
      } else {
        v = Verdict.ok("Folder is valid, at depth " + depth + ".");
      }
    }
    folderVerdicts.put(name, v);
    return v;
  }

  /** Depth of a folder whose ancestors are all present and acyclic. */
  private int depth(String name) {
    int d = 0;
    for (String cur = name; cur != null; cur = parentOf(cur)) {
      d++;
    }
    return d;
  }

  /** Names the folder where the trouble starts, not just the nearest invalid one. */
  private Verdict ancestorInvalid(String what, String parent) {
    String culprit = parent;
    while (folderVerdicts.get(culprit).reason().equals(Reasons.ANCESTOR_INVALID)) {
      culprit = parentOf(culprit);
    }
    return Verdict.invalid(Reasons.ANCESTOR_INVALID, "Ancestor folder \"" + culprit + "\" is invalid ("
        + folderVerdicts.get(culprit).reason() + "); fix that folder or move this " + what.toLowerCase()
        + " out from under it.");
  }

  private void judgeProjects() {
    for (ProjectNode p : new TreeMap<>(projects).values()) {
      Verdict v;
      if (p.atRoot()) {
        v = Verdict.ok("Project is valid, directly under the organization.");
      } else if (!folders.containsKey(p.folder())) {
        v = Verdict.invalid(Reasons.PARENT_NOT_FOUND, "Folder \"" + p.folder()
            + "\" does not exist; create it or set spec.folder to an existing folder or leave it empty.");
      } else if (!folderVerdicts.get(p.folder()).ready()) {
        // A project below a too-deep folder is invalid because of that folder, so it is named as the culprit.
        v = ancestorInvalid("Project", p.folder());
      } else {
        v = Verdict.ok("Project is valid, in folder \"" + p.folder() + "\".");
      }
      projectVerdicts.put(p.name(), v);
    }
  }
}
