package dev.trellis.model.grants;

import dev.trellis.model.hierarchy.Hierarchy;
import dev.trellis.model.members.Membership;
import dev.trellis.model.snapshot.ConnectorNode;
import dev.trellis.model.snapshot.MemberNode;
import dev.trellis.model.snapshot.OrgSnapshot;
import dev.trellis.model.snapshot.PartnershipView;
import dev.trellis.model.snapshot.ResourceNode;
import dev.trellis.model.snapshot.RoleNode;
import dev.trellis.model.validation.AssociationValidator;
import dev.trellis.model.validation.RoleValidator;
import dev.trellis.model.verdict.Verdict;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/** A snapshot indexed by name, with the verdict of every object except bindings (sorted maps: deterministic). */
final class OrgIndex {
  final OrgSnapshot snapshot;
  final Hierarchy hierarchy;
  final Map<String, RoleNode> roles;
  final Map<String, MemberNode> members;
  final Map<String, ConnectorNode> connectors;
  final Map<String, ResourceNode> resources;
  final Map<String, PartnershipView> partnerships;
  final Map<String, Verdict> roleVerdicts = new TreeMap<>();
  final Map<String, Verdict> memberVerdicts;
  final Membership.Result membership;
  final Instant now;
  final Map<String, Verdict> connectorVerdicts = new TreeMap<>();
  final Map<String, Verdict> resourceVerdicts = new TreeMap<>();
  /** Resources that belong to a document (their connector exists), with their association points. */
  final Map<String, AssociationPoints> points = new TreeMap<>();

  OrgIndex(OrgSnapshot s, Instant now) {
    snapshot = s;
    this.now = now;
    hierarchy = Hierarchy.of(s.folders(), s.projects());
    roles = byName(s.roles(), RoleNode::name);
    members = byName(s.members(), MemberNode::name);
    connectors = byName(s.connectors(), ConnectorNode::name);
    resources = byName(s.resources(), ResourceNode::name);
    partnerships = byName(s.partnerships(), PartnershipView::name);
    roles.forEach((n, r) -> roleVerdicts.put(n, RoleValidator.judge(r)));
    membership = Membership.judge(s.organization().name(), members.values(), s.bindings(), roles, roleVerdicts,
        s.organization().access(), now);
    memberVerdicts = membership.verdicts();
    connectors.forEach((n, c) -> connectorVerdicts.put(n, AssociationValidator.connector(c, hierarchy)));
    resources.forEach((n, r) -> resourceVerdicts.put(n,
        AssociationValidator.resource(r, hierarchy, connectors::containsKey)));
    resources.values().stream().filter(r -> r.hasConnector() && connectors.containsKey(r.connector()))
        .forEach(r -> points.put(r.name(), AssociationPoints.of(r, connectors.get(r.connector()), hierarchy)));
  }

  String organization() {
    return snapshot.organization().name();
  }

  /** Names are unique per kind in Kubernetes; should a snapshot repeat one, the first wins. */
  private static <T> Map<String, T> byName(List<T> items, Function<T, String> name) {
    Map<String, T> out = new TreeMap<>();
    items.forEach(i -> {
      if (name.apply(i) != null) {
        out.putIfAbsent(name.apply(i), i);
      }
    });
    return out;
  }
}
