package dev.trellis.model.grants;

import dev.trellis.api.v1alpha1.Feature;
import dev.trellis.model.Reasons;
import dev.trellis.model.snapshot.BindingNode;
import dev.trellis.model.verdict.Verdict;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One role per feature per member (seed 003). Among the valid bindings that give one subject roles of the same
 * feature, the earliest binding's role stands (then the binding's name decides); a binding giving another role of
 * that feature is ConflictingFeatureRoles and grants nothing. Bindings of the standing role at other scopes are
 * fine: it is still one role. Earliest wins so that a new binding never takes away access that already worked;
 * within one second (creation times have whole seconds) the binding that was already Ready counts as earlier.
 */
final class FeatureConflicts {

  private record Key(String subject, String subjectKind, String subjectOrganization, Feature feature) {}

  private FeatureConflicts() {}

  /** The verdicts of the bindings that conflict, by binding name. */
  static Map<String, Verdict> find(Map<String, BindingNode> bindings, Map<String, BindingCheck> checks) {
    Map<Key, List<BindingNode>> groups = new HashMap<>();
    bindings.forEach((name, b) -> {
      BindingCheck c = checks.get(name);
      if (c.verdict().ready() && c.role().featured()) {
        var s = c.subject();
        groups.computeIfAbsent(new Key(s.subject(), s.subjectKind(), s.subjectOrganization(), c.role().feature()),
            k -> new ArrayList<>()).add(b);
      }
    });
    Map<String, Verdict> out = new TreeMap<>();
    groups.forEach((key, group) -> {
      BindingNode first = group.stream().min(Comparator.comparing(BindingNode::created,
          Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(b -> !b.wasReady())
          .thenComparing(BindingNode::name)).orElseThrow();
      String standing = checks.get(first.name()).role().name();
      group.stream().filter(b -> !checks.get(b.name()).role().name().equals(standing))
          .forEach(b -> out.put(b.name(),
              Verdict.invalid(Reasons.CONFLICTING_FEATURE_ROLES, key.subject() + " already holds role \""
                  + standing + "\" for " + key.feature().displayName() + " through binding \"" + first.name()
                  + "\"; a member holds one role per feature: delete one of the two bindings.")));
    });
    return out;
  }
}
