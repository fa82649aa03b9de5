package dev.trellis.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;

/**
 * The benchmark's world, held in plain maps so that the expected grants can be computed from it without
 * any production class. Generated from a seed; changes mutate it in step with the API writes.
 */
final class Scenario {
  final BenchParams params;
  final Roles roles;
  final List<Org> orgs = new ArrayList<>();
  final Map<String, Org> byName = new LinkedHashMap<>();

  record Connector(List<String> projects, List<String> folders) {}

  record Resource(String type, String connector, List<String> projects, List<String> folders) {}

  static final class Member {
    final boolean serviceAccount;
    final String email;
    boolean disabled;

    Member(boolean serviceAccount, String email, boolean disabled) {
      this.serviceAccount = serviceAccount;
      this.email = email;
      this.disabled = disabled;
    }
  }

  /** A role binding; {@code partnership} is set for PartnerMember subjects; {@code scopeName} null at Organization. */
  record Binding(String role, String partnership, String subject, String scopeKind, String scopeName) {}

  static final class Partnership {
    final String partnerOrg;
    boolean paused;

    Partnership(String partnerOrg) {
      this.partnerOrg = partnerOrg;
    }
  }

  /** A partnership acceptance, in the partner's namespace. */
  record Acceptance(String customerOrg, String partnership, List<String> members) {}

  static final class Org {
    final String name;
    String orgId;
    final Map<String, String> folders = new LinkedHashMap<>(); // name -> parent ("" at the root)
    final Map<String, String> projects = new LinkedHashMap<>(); // name -> folder ("" at the root)
    final Map<String, Connector> connectors = new LinkedHashMap<>();
    final Map<String, Resource> resources = new LinkedHashMap<>();
    final Map<String, Member> members = new LinkedHashMap<>();
    final Map<String, Binding> bindings = new LinkedHashMap<>();
    final Map<String, Partnership> partnerships = new LinkedHashMap<>();
    final Map<String, Acceptance> acceptances = new LinkedHashMap<>();

    Org(String name) {
      this.name = name;
    }

    String namespace() {
      return "org-" + name;
    }

    /** The folder and its ancestors, innermost first. */
    List<String> chain(String folder) {
      List<String> out = new ArrayList<>();
      for (String f = folder; f != null && !f.isEmpty(); f = folders.get(f)) {
        out.add(f);
      }
      return out;
    }
  }

  private Scenario(BenchParams params, Roles roles) {
    this.params = params;
    this.roles = roles;
  }

  int objectCount() {
    int n = 0;
    for (Org o : orgs) {
      n += 1 + o.folders.size() + o.projects.size() + o.connectors.size() + o.resources.size() + o.members.size()
          + o.bindings.size() + o.partnerships.size() + o.acceptances.size();
    }
    return n;
  }

  int connectorCount() {
    return orgs.stream().mapToInt(o -> o.connectors.size()).sum();
  }

  static Scenario generate(BenchParams p, Roles roles) {
    Scenario s = new Scenario(p, roles);
    Random rnd = new Random(p.seed());
    for (int i = 0; i < p.organizations(); i++) {
      Org org = new Org("%so%03d".formatted(p.prefix(), i));
      s.orgs.add(org);
      s.byName.put(org.name, org);
    }
    for (Org org : s.orgs) {
      hierarchy(org, p, rnd);
    }
    for (int i = 0; i < s.orgs.size(); i++) {
      Org customer = s.orgs.get(i);
      for (int k = 1; k <= p.partnerships() && k < s.orgs.size(); k++) {
        Org partner = s.orgs.get((i + k) % s.orgs.size());
        String name = "ps-" + partner.name;
        customer.partnerships.put(name, new Partnership(partner.name));
        List<String> candidates = new ArrayList<>(partner.members.keySet());
        java.util.Collections.shuffle(candidates, rnd);
        List<String> listed = List.copyOf(new TreeSet<>(candidates.subList(0, Math.min(4, candidates.size()))));
        partner.acceptances.put("from-" + customer.name, new Acceptance(customer.name, name, listed));
      }
    }
    for (Org org : s.orgs) {
      for (int b = 0; b < p.bindings(); b++) {
        org.bindings.put("b" + b, s.randomBinding(org, rnd));
      }
    }
    return s;
  }

  private static void hierarchy(Org org, BenchParams p, Random rnd) {
    Map<String, Integer> depth = new LinkedHashMap<>();
    for (int f = 0; f < p.folders(); f++) {
      List<String> parents = depth.entrySet().stream().filter(e -> e.getValue() < 3).map(Map.Entry::getKey).toList();
      String parent = parents.isEmpty() || rnd.nextInt(10) < 3 ? "" : parents.get(rnd.nextInt(parents.size()));
      String name = "f" + f;
      org.folders.put(name, parent);
      depth.put(name, parent.isEmpty() ? 1 : depth.get(parent) + 1);
    }
    List<String> folders = List.copyOf(org.folders.keySet());
    for (int i = 0; i < p.projects(); i++) {
      org.projects.put("p" + i, folders.isEmpty() || rnd.nextInt(10) < 2 ? "" : pick(folders, rnd));
    }
    List<String> projects = List.copyOf(org.projects.keySet());
    for (int c = 0; c < p.connectors(); c++) {
      org.connectors.put("c" + c, new Connector(subset(projects, 35, rnd), subset(folders, 25, rnd)));
    }
    List<String> connectors = List.copyOf(org.connectors.keySet());
    for (int r = 0; r < p.resources(); r++) {
      String connector = pick(connectors, rnd);
      Connector c = org.connectors.get(connector);
      TreeSet<String> rp = new TreeSet<>();
      for (int n = 1 + rnd.nextInt(2); n > 0; n--) {
        rp.add(!c.projects().isEmpty() && rnd.nextInt(10) < 8 ? pick(c.projects(), rnd) : pick(projects, rnd));
      }
      TreeSet<String> rf = new TreeSet<>();
      if (!folders.isEmpty() && rnd.nextInt(10) < 3) {
        rf.add(!c.folders().isEmpty() && rnd.nextInt(10) < 7 ? pick(c.folders(), rnd) : pick(folders, rnd));
      }
      org.resources.put("r" + r, new Resource(rnd.nextBoolean() ? "ONTAPCluster" : "FSx", connector,
          List.copyOf(rp), List.copyOf(rf)));
    }
    for (int m = 0; m < p.members(); m++) {
      boolean sa = rnd.nextInt(10) == 0;
      org.members.put("m" + m, new Member(sa, sa ? null : "m" + m + "@" + org.name + ".example.com",
          rnd.nextInt(20) == 0));
    }
  }

  /** A valid binding: the role is assignable at the scope (and to partners for a partner member). */
  Binding randomBinding(Org org, Random rnd) {
    int roll = rnd.nextInt(100);
    String kind = roll < 8 ? "Organization" : roll < 45 && !org.folders.isEmpty() ? "Folder" : "Project";
    String scope = switch (kind) {
      case "Folder" -> pick(List.copyOf(org.folders.keySet()), rnd);
      case "Project" -> pick(List.copyOf(org.projects.keySet()), rnd);
      default -> null;
    };
    if (!org.partnerships.isEmpty() && rnd.nextInt(10) == 0) {
      String partnership = pick(List.copyOf(org.partnerships.keySet()), rnd);
      Org partner = byName.get(org.partnerships.get(partnership).partnerOrg);
      Acceptance acceptance = partner.acceptances.get("from-" + org.name);
      String member = rnd.nextInt(100) < 85 && !acceptance.members().isEmpty()
          ? pick(acceptance.members(), rnd) : pick(List.copyOf(partner.members.keySet()), rnd);
      return new Binding(pick(roles.assignable(kind, true), rnd), partnership, member, kind, scope);
    }
    return new Binding(pick(roles.assignable(kind, false), rnd), null, pick(List.copyOf(org.members.keySet()), rnd),
        kind, scope);
  }

  static <T> T pick(List<T> from, Random rnd) {
    return from.get(rnd.nextInt(from.size()));
  }

  private static List<String> subset(List<String> from, int percent, Random rnd) {
    List<String> out = new ArrayList<>();
    for (String s : from) {
      if (rnd.nextInt(100) < percent) {
        out.add(s);
      }
    }
    return out;
  }
}
