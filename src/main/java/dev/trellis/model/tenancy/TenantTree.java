package dev.trellis.model.tenancy;

import dev.trellis.model.Reasons;
import dev.trellis.model.verdict.Verdict;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The tree of organizations: a service provider above its managed service providers, each above its
 * clients. Validates every organization's position (its parent exists, no cycle, not too deep) and lists
 * each organization's children.
 */
public final class TenantTree {
  /** A root organization is at depth 1: service provider → MSP → client is depth 3. */
  public static final int MAX_DEPTH = 5;

  private final Map<String, String> parents;
  private final Map<String, Verdict> verdicts = new TreeMap<>();
  private final Map<String, List<String>> children = new TreeMap<>();

  private TenantTree(Map<String, String> parents) {
    this.parents = parents;
  }

  /** @param parents every organization's name to its {@code spec.parent} (null or "" for a root) */
  public static TenantTree of(Map<String, String> parents) {
    TenantTree tree = new TenantTree(parents);
    parents.keySet().forEach(name -> tree.verdicts.put(name, tree.judge(name)));
    parents.forEach((name, parent) -> {
      if (!isRoot(parent) && parents.containsKey(parent)) {
        tree.children.computeIfAbsent(parent, p -> new ArrayList<>()).add(name);
      }
    });
    tree.children.values().forEach(list -> list.sort(String::compareTo));
    return tree;
  }

  public Verdict verdict(String organization) {
    return verdicts.get(organization);
  }

  /** The organizations whose parent is {@code organization}, sorted. */
  public List<String> children(String organization) {
    return children.getOrDefault(organization, List.of());
  }

  /** {@code organization} and the organizations above it, nearest first; only for a valid position. */
  public List<String> lineage(String organization) {
    List<String> lineage = new ArrayList<>();
    for (String cur = organization; cur != null && lineage.size() <= MAX_DEPTH; cur = parentOf(cur)) {
      lineage.add(cur);
    }
    return lineage;
  }

  private Verdict judge(String name) {
    String parent = parents.get(name);
    if (isRoot(parent)) {
      return Verdict.ok("The organization is at the root of the tenant tree.");
    }
    if (onCycle(name)) {
      return Verdict.invalid(Reasons.CYCLE_DETECTED, "Organization " + name + " is its own ancestor through"
          + " spec.parent; point one organization of the cycle at another parent or at none.");
    }
    if (!parents.containsKey(parent)) {
      return Verdict.invalid(Reasons.PARENT_NOT_FOUND, "Parent organization " + parent
          + " does not exist; create it or correct spec.parent.");
    }
    int depth = 1;
    for (String cur = parent; cur != null; cur = parentOf(cur)) {
      depth++;
      if (!parents.containsKey(cur) || onCycle(cur)) {
        return Verdict.invalid(Reasons.ANCESTOR_INVALID, "Organization " + cur
            + " above this one is invalid; fix it first.");
      }
      if (depth > MAX_DEPTH) {
        return Verdict.invalid(Reasons.DEPTH_EXCEEDED, "The organization is deeper than " + MAX_DEPTH
            + " levels in the tenant tree; attach it to an organization higher up.");
      }
    }
    return Verdict.ok("The organization is below " + parent + " in the tenant tree.");
  }

  private boolean onCycle(String name) {
    Set<String> seen = new HashSet<>();
    for (String cur = parentOf(name); cur != null && parents.containsKey(cur); cur = parentOf(cur)) {
      if (cur.equals(name)) {
        return true;
      }
      if (!seen.add(cur)) {
        return false; // a cycle above, not through this organization
      }
    }
    return false;
  }

  private String parentOf(String name) {
    String parent = parents.get(name);
    return isRoot(parent) ? null : parent;
  }

  private static boolean isRoot(String parent) {
    return parent == null || parent.isEmpty();
  }
}
