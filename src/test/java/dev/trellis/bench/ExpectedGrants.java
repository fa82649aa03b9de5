package dev.trellis.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The grants documents the scenario should produce, computed from DESIGN §3 directly over the scenario's
 * maps: a second, naive reading that shares no code with the operator's resolver.
 */
final class ExpectedGrants {
  private ExpectedGrants() {}

  /** Documents of every organization, keyed {@code namespace/connector}. */
  static Map<String, DocContent> all(Scenario s) {
    Map<String, DocContent> out = new TreeMap<>();
    s.orgs.forEach(o -> out.putAll(of(s, o)));
    return out;
  }

  /** The documents of one organization's connectors, keyed {@code namespace/connector}. */
  static Map<String, DocContent> of(Scenario s, Scenario.Org org) {
    return of(s, org, null);
  }

  /**
   * As {@link #of(Scenario, Scenario.Org)}; also puts into {@code json}, when given, each document rendered with
   * the layout of DESIGN §3 (for the floor's ConfigMap sizes).
   */
  static Map<String, DocContent> of(Scenario s, Scenario.Org org, Map<String, String> json) {
    Map<String, Set<String>> resources = new HashMap<>();
    Map<String, Map<String, Entry>> entries = new HashMap<>(); // connector -> resource|subject -> entry
    org.connectors.keySet().forEach(c -> {
      resources.put(c, new TreeSet<>());
      entries.put(c, new LinkedHashMap<>());
    });
    org.resources.forEach((name, r) -> {
      if (resources.containsKey(r.connector())) {
        resources.get(r.connector()).add(DocContent.resource(name, r.type(), r.projects(), r.folders()));
      }
    });
    org.bindings.forEach((name, b) -> {
      Roles.Role role = s.roles.byName.get(b.role());
      if (role == null || !role.assignableAt().contains(b.scopeKind())) {
        return;
      }
      Subject subject = subject(s, org, b, role);
      if (subject == null || !scopeValid(org, b)) {
        return;
      }
      String scope = b.scopeName() == null ? "Organization" : b.scopeKind() + "/" + b.scopeName();
      org.resources.forEach((resourceName, r) -> {
        Scenario.Connector connector = org.connectors.get(r.connector());
        if (connector == null || !reaches(org, b, r, connector)) {
          return;
        }
        Entry e = entries.get(r.connector()).computeIfAbsent(resourceName + "|" + subject.id,
            k -> new Entry(resourceName, subject));
        e.permissions.addAll(role.permissions());
        e.grants.add(DocContent.grant(role.name(), name, subject.via, scope, null));
      });
    });
    Map<String, DocContent> out = new TreeMap<>();
    org.connectors.keySet().forEach(c -> {
      Set<String> rendered = new TreeSet<>();
      entries.get(c).values().forEach(e -> rendered.add(DocContent.entry(e.resource, e.subject.id, e.subject.kind,
          e.subject.organization, e.permissions, e.grants)));
      out.put(org.namespace() + "/" + c, new DocContent(resources.get(c), rendered));
      if (json != null) {
        json.put(org.namespace() + "/" + c, render(s, org, c, entries.get(c).values()));
      }
    });
    return out;
  }

  private static String render(Scenario s, Scenario.Org org, String connector, java.util.Collection<Entry> entries) {
    var doc = JSON.createObjectNode().put("apiVersion", "iam.trellis.dev/v1alpha1").put("kind", "GrantsDocument")
        .put("organization", org.name).put("orgId", org.orgId).put("connector", connector)
        .put("revision", "sha256:" + "0".repeat(64));
    var resources = doc.putArray("resources");
    org.resources.forEach((name, r) -> {
      if (r.connector().equals(connector)) {
        var node = resources.addObject().put("name", name).put("type", r.type());
        r.projects().forEach(node.putArray("projects")::add);
        r.folders().forEach(node.putArray("folders")::add);
      }
    });
    var array = doc.putArray("entries");
    for (Entry e : entries) {
      var node = array.addObject().put("subject", e.subject.id).put("subjectKind", e.subject.kind)
          .put("subjectOrganization", e.subject.organization).put("resource", e.resource);
      e.permissions.forEach(node.putArray("permissions")::add);
      var grants = node.putArray("grants");
      for (String g : e.grants) {
        String[] f = g.split(",", -1);
        grants.addObject().put("role", f[0]).put("binding", f[1]).put("via", f[2]).put("scope", f[3])
            .putNull("expiresAt");
      }
    }
    return doc.toString();
  }

  private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
      new com.fasterxml.jackson.databind.ObjectMapper();

  private record Subject(String id, String kind, String organization, String via) {}

  private static final class Entry {
    final String resource;
    final Subject subject;
    final Set<String> permissions = new TreeSet<>();
    final List<String> grants = new ArrayList<>();

    Entry(String resource, Subject subject) {
      this.resource = resource;
      this.subject = subject;
    }
  }

  /** Rule 3: an enabled member of the organization, or a listed, enabled member of an established partner. */
  private static Subject subject(Scenario s, Scenario.Org org, Scenario.Binding b, Roles.Role role) {
    if (b.partnership() == null) {
      Scenario.Member m = org.members.get(b.subject());
      return m == null || m.disabled ? null : identity(org.name, b.subject(), m, "Member/" + b.subject());
    }
    Scenario.Partnership p = org.partnerships.get(b.partnership());
    if (p == null || p.paused || !role.partners()) {
      return null;
    }
    Scenario.Org partner = s.byName.get(p.partnerOrg);
    Scenario.Acceptance acceptance = partner == null ? null : partner.acceptances.values().stream()
        .filter(a -> a.customerOrg().equals(org.name) && a.partnership().equals(b.partnership()))
        .findFirst().orElse(null);
    if (acceptance == null || !acceptance.members().contains(b.subject())) {
      return null;
    }
    Scenario.Member m = partner.members.get(b.subject());
    return m == null || m.disabled ? null
        : identity(partner.name, b.subject(), m, "Partnership/" + b.partnership());
  }

  private static Subject identity(String orgName, String memberName, Scenario.Member m, String via) {
    return m.serviceAccount
        ? new Subject(orgName + "/" + memberName, "ServiceAccount", orgName, via)
        : new Subject(m.email, "User", orgName, via);
  }

  /** Rule 2: the scope exists (the scenario has no cycles or missing parents). */
  private static boolean scopeValid(Scenario.Org org, Scenario.Binding b) {
    return switch (b.scopeKind()) {
      case "Organization" -> true;
      case "Folder" -> org.folders.containsKey(b.scopeName());
      default -> org.projects.containsKey(b.scopeName());
    };
  }

  /** Rules 5 and 6: reached from the scope through an association point its connector shares. */
  private static boolean reaches(Scenario.Org org, Scenario.Binding b, Scenario.Resource r, Scenario.Connector c) {
    if (b.scopeKind().equals("Organization")) {
      return true;
    }
    for (String p : r.projects()) {
      if (!org.projects.containsKey(p) || !c.projects().contains(p)) {
        continue;
      }
      if (b.scopeKind().equals("Project") ? p.equals(b.scopeName())
          : org.chain(org.projects.get(p)).contains(b.scopeName())) {
        return true;
      }
    }
    if (b.scopeKind().equals("Folder")) {
      for (String f : r.folders()) {
        if (org.folders.containsKey(f) && c.folders().contains(f) && org.chain(f).contains(b.scopeName())) {
          return true;
        }
      }
    }
    return false;
  }
}
