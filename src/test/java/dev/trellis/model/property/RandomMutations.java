package dev.trellis.model.property;

import static dev.trellis.model.property.OrgWorld.ACCEPTANCE;
import static dev.trellis.model.property.OrgWorld.BINDING;
import static dev.trellis.model.property.OrgWorld.CLOCK;
import static dev.trellis.model.property.OrgWorld.CLOCK_KEY;
import static dev.trellis.model.property.OrgWorld.CONNECTOR;
import static dev.trellis.model.property.OrgWorld.FOLDER;
import static dev.trellis.model.property.OrgWorld.MEMBER;
import static dev.trellis.model.property.OrgWorld.PACKAGES;
import static dev.trellis.model.property.OrgWorld.PACKAGES_KEY;
import static dev.trellis.model.property.OrgWorld.PARTNERSHIP;
import static dev.trellis.model.property.OrgWorld.PARTNER_MEMBER;
import static dev.trellis.model.property.OrgWorld.PROJECT;
import static dev.trellis.model.property.OrgWorld.RESOURCE;
import static dev.trellis.model.property.OrgWorld.ROLE;

import dev.trellis.api.v1alpha1.PartnershipPhase;
import dev.trellis.api.v1alpha1.ProductPackage;
import dev.trellis.model.Reasons;
import dev.trellis.model.grants.GrantResolver;
import dev.trellis.model.permissions.PermissionCatalogue;
import dev.trellis.model.property.OrgWorld.Acceptance;
import dev.trellis.model.property.OrgWorld.Key;
import dev.trellis.model.property.OrgWorld.PartnerMember;
import dev.trellis.model.property.OrgWorld.Partnership;
import dev.trellis.model.snapshot.BindingNode;
import dev.trellis.model.snapshot.ConnectorNode;
import dev.trellis.model.snapshot.FolderNode;
import dev.trellis.model.snapshot.InvitationNode;
import dev.trellis.model.snapshot.MemberNode;
import dev.trellis.model.snapshot.MemberType;
import dev.trellis.model.snapshot.ProjectNode;
import dev.trellis.model.snapshot.ResourceNode;
import dev.trellis.model.snapshot.RoleNode;
import dev.trellis.model.snapshot.ScopeKind;
import dev.trellis.model.snapshot.ScopeRef;
import dev.trellis.model.snapshot.SubjectKind;
import dev.trellis.model.snapshot.SubjectRef;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Random sequences of mutations of an organization: bindings (role, scope, subject, expiry), members (type,
 * address, client ID, disabled, invitation), folders and projects (re-parented, deleted, created, sometimes under a
 * name something already points at), resources and connectors (associations, connector), roles (deleted, broken,
 * where they may be given), partnerships (phase), acceptances (listed members), partner members, packages, the
 * clock. Half the steps are drawn at random; a quarter aim at a link on a grant's chain, a quarter mend what keeps
 * a binding from granting, so that along a sequence grants appear and go.
 */
final class RandomMutations {
  private static final List<String> COMMON_ROLES = List.of("operation-support-analyst", "super-viewer",
      "folder-or-project-admin", "organization-admin");
  private static final List<ProductPackage> OPTIONAL_PACKAGES = List.of(ProductPackage.EventAndIncidentManagement,
      ProductPackage.RemediationAndAutomation);

  private final Random rnd;
  private final Map<String, RoleNode> originalRoles = new LinkedHashMap<>();
  private OrgWorld w;

  private RandomMutations(OrgWorld start, Random rnd) {
    this.rnd = rnd;
    this.w = start;
    start.all(ROLE, RoleNode.class).forEach(r -> originalRoles.put(r.name(), r));
  }

  /** 1 to 12 mutations, each drawn from the world the previous ones left. */
  static List<Mutation> sequence(OrgWorld start, long seed) {
    RandomMutations g = new RandomMutations(start, new Random(seed * 0x9E3779B97F4A7C15L + 0x7F4A7C15L));
    List<Mutation> out = new ArrayList<>();
    for (int k = 1 + g.rnd.nextInt(12); k > 0; k--) {
      Mutation m = g.next();
      out.add(m);
      g.w = g.w.with(m.key(), m.value());
    }
    return out;
  }

  private Mutation next() {
    // A quarter of the steps aim at a link on the chain of a grant, random ones mostly miss the few that matter;
    // first a kind of link, so that the rare ones (a partnership, a package) get their turn. Another quarter
    // mends what keeps a binding from granting, so that grants come and go along a sequence.
    int aim = rnd.nextInt(4);
    if (aim == 1) {
      Mutation m = mend();
      if (m != null) {
        return m;
      }
    }
    if (aim == 0) {
      Map<String, TreeSet<String>> links = new TreeMap<>();
      new ReferenceGrants(w.snapshot()).chains(w.now()).values().forEach(chain -> chain
          .forEach(link -> links.computeIfAbsent(ReferenceGrants.linkKind(link), k -> new TreeSet<>()).add(link)));
      if (!links.isEmpty()) {
        return aimingAt(pick(List.copyOf(pick(List.copyOf(links.values())))));
      }
    }
    int roll = rnd.nextInt(100);
    if (roll < 20) {
      return binding(null);
    } else if (roll < 32) {
      return member(null);
    } else if (roll < 39) {
      return folder(null);
    } else if (roll < 45) {
      return project(null);
    } else if (roll < 54) {
      return resource(null, null);
    } else if (roll < 61) {
      return connector(null, null);
    } else if (roll < 68) {
      return role(null);
    } else if (roll < 76) {
      return partnership(null);
    } else if (roll < 83) {
      return acceptance(null);
    } else if (roll < 90) {
      return partnerMember(null);
    } else if (roll < 95) {
      return packages(null);
    }
    Instant later = w.now().plusSeconds(3600L * (1 + rnd.nextInt(8)));
    return mutation("clock", "the clock moves to " + later, CLOCK_KEY, later);
  }

  /**
   * A change that mends the first thing keeping a random idle binding from granting, as the resolver's verdict
   * names it (the verdicts only steer the sequence; what is checked comes from the reference). Null when every
   * binding grants.
   */
  private Mutation mend() {
    var verdicts = GrantResolver.judge(w.snapshot(), w.now()).verdicts().bindings();
    List<String> idle = verdicts.keySet().stream().filter(n -> !verdicts.get(n).effective()).sorted().toList();
    if (idle.isEmpty()) {
      return null;
    }
    BindingNode b = (BindingNode) w.get(new Key(BINDING, pick(idle)));
    Key key = new Key(BINDING, b.name());
    SubjectRef subject = b.subject();
    boolean partner = subject != null && subject.kind() == SubjectKind.PartnerMember;
    String memberOrg = partner ? partnerOrganization(subject.partnership()) : null;
    switch (verdicts.get(b.name()).verdict().reason()) {
      case Reasons.ROLE_NOT_FOUND, Reasons.ROLE_INVALID, Reasons.ROLE_NOT_ASSIGNABLE_AT_SCOPE,
          Reasons.ROLE_NOT_ASSIGNABLE_TO_PARTNERS -> {
        RoleNode original = originalRoles.get(b.role());
        if (original != null && !original.equals(w.get(new Key(ROLE, b.role())))) {
          return mutation("role create", "create role " + b.role() + " again", new Key(ROLE, b.role()), original);
        }
        return mutation("binding role", key + " role operation-support-analyst", key, new BindingNode(b.name(),
            "operation-support-analyst", subject, b.scope(), b.expiresAt()));
      }
      case Reasons.SCOPE_NOT_FOUND, Reasons.SCOPE_INVALID -> {
        if (b.scope() == null || b.scope().name() == null) {
          return null;
        }
        String name = b.scope().name();
        return b.scope().kind() == ScopeKind.Folder
            ? mutation("folder parent", "folder " + name + " at the root", new Key(FOLDER, name),
                new FolderNode(name, ""))
            : mutation("project parent", "project " + name + " at the root", new Key(PROJECT, name),
                new ProjectNode(name, null));
      }
      case Reasons.SUBJECT_NOT_FOUND, Reasons.SUBJECT_INVALID, Reasons.SUBJECT_DISABLED -> {
        if (subject == null || subject.name() == null || partner && memberOrg == null) {
          return null;
        }
        MemberNode m = MemberNode.user(subject.name(), subject.name() + "@" + (partner ? memberOrg : "acme") + ".com");
        return partner
            ? mutation("partner member create", "create partner member " + memberOrg + "/" + m,
                OrgWorld.partnerMember(memberOrg, m.name()), new PartnerMember(memberOrg, m))
            : mutation("member create", "create member " + m, new Key(MEMBER, m.name()), m);
      }
      case Reasons.PARTNERSHIP_NOT_FOUND, Reasons.PARTNERSHIP_NOT_ESTABLISHED -> {
        String name = subject.partnership();
        Partnership p = new Partnership(name, PartnershipPhase.Established,
            memberOrg != null ? memberOrg : "partner-" + name);
        return mutation(memberOrg != null ? "partnership phase" : "partnership create", "partnership " + p,
            new Key(PARTNERSHIP, name), p);
      }
      case Reasons.NOT_A_PARTNERSHIP_MEMBER -> {
        Acceptance a = (Acceptance) w.get(new Key(ACCEPTANCE, subject.partnership()));
        List<String> members = new ArrayList<>(a == null ? List.of() : a.members());
        members.add(subject.name());
        return mutation(a == null ? "acceptance create" : "acceptance list", "acceptance of "
            + subject.partnership() + " lists " + members, new Key(ACCEPTANCE, subject.partnership()),
            new Acceptance(subject.partnership(), members));
      }
      case Reasons.EXPIRED -> {
        return mutation("binding expiry", key + " expires no more", key,
            new BindingNode(b.name(), b.role(), subject, b.scope(), null));
      }
      case Reasons.PACKAGE_NOT_SUBSCRIBED -> {
        return packages(OPTIONAL_PACKAGES.stream().filter(x -> !w.packages().contains(x)).findFirst().orElse(null));
      }
      case Reasons.READY -> {
        return reaching(b.scope());
      }
      default -> {
        return null;
      }
    }
  }

  /** A resource, its connector, or an association that lets a valid scope reach one more resource. */
  private Mutation reaching(ScopeRef scope) {
    List<String> connectors = names(CONNECTOR);
    List<ResourceNode> resources = w.all(RESOURCE, ResourceNode.class);
    if (connectors.isEmpty() || resources.isEmpty()) {
      return null;
    }
    ResourceNode r = pick(resources);
    Key key = new Key(RESOURCE, r.name());
    if (!connectors.contains(r.connector())) {
      String connector = pick(connectors);
      return mutation("resource connector", key + " connector " + connector, key,
          new ResourceNode(r.name(), r.type(), connector, r.projects(), r.folders()));
    }
    if (scope.kind() == ScopeKind.Organization) {
      return null;
    }
    boolean project = scope.kind() == ScopeKind.Project;
    String point = scope.name();
    if (!(project ? r.projects() : r.folders()).contains(point)) {
      List<String> changed = new ArrayList<>(project ? r.projects() : r.folders());
      changed.add(point);
      return mutation("resource associate", key + (project ? " projects " : " folders ") + changed, key,
          new ResourceNode(r.name(), r.type(), r.connector(), project ? changed : r.projects(),
              project ? r.folders() : changed));
    }
    ConnectorNode c = (ConnectorNode) w.get(new Key(CONNECTOR, r.connector()));
    List<String> changed = new ArrayList<>(project ? c.projects() : c.folders());
    changed.add(point);
    return mutation("connector associate", "Connector/" + c.name() + (project ? " projects " : " folders ")
        + changed, new Key(CONNECTOR, c.name()),
        new ConnectorNode(c.name(), project ? changed : c.projects(),
            project ? c.folders() : changed));
  }

  private String partnerOrganization(String partnership) {
    Partnership p = partnership == null ? null : (Partnership) w.get(new Key(PARTNERSHIP, partnership));
    return p == null ? null : p.partnerOrganization();
  }

  /** A change of the object a chain link names: often one that breaks the link, sometimes one that need not. */
  private Mutation aimingAt(String link) {
    String kind = link.substring(0, link.indexOf('/'));
    String name = link.substring(link.indexOf('/') + 1);
    if (name.contains("->")) {
      String owner = name.substring(0, name.indexOf("->"));
      String point = name.substring(name.indexOf("->") + 2);
      return kind.equals(RESOURCE) ? resource(owner, point) : connector(owner, point);
    }
    return switch (kind) {
      case BINDING -> binding(name);
      case MEMBER -> member(name);
      case FOLDER -> folder(name);
      case PROJECT -> project(name);
      case RESOURCE -> resource(name, null);
      case CONNECTOR -> connector(name, null);
      case ROLE -> role(name);
      case PARTNERSHIP -> partnership(name);
      case ACCEPTANCE -> acceptance(name);
      case PARTNER_MEMBER -> partnerMember(name);
      // Hybrid Discovery and Monitoring is always on: an organization cannot drop it.
      case "Package" -> packages(OPTIONAL_PACKAGES.contains(ProductPackage.valueOf(name))
          ? ProductPackage.valueOf(name) : null);
      default -> throw new IllegalArgumentException(link);
    };
  }

  /** A change of binding {@code target}, or of a random one (or a new one) when it is null. */
  private Mutation binding(String target) {
    List<BindingNode> all = w.all(BINDING, BindingNode.class);
    int op = target != null ? 1 + rnd.nextInt(5) : rnd.nextInt(6);
    if (all.isEmpty() || op == 0) {
      String name = newName("b", 20);
      SubjectRef subject = subject();
      BindingNode b = new BindingNode(name, roleName(subject), subject, scope(), expiry());
      return mutation("binding create", "create " + describe(b), new Key(BINDING, name), b);
    }
    BindingNode b = target != null ? (BindingNode) w.get(new Key(BINDING, target)) : pick(all);
    Key key = new Key(BINDING, b.name());
    return switch (op) {
      case 1 -> mutation("binding delete", "delete " + key, key, null);
      case 2 -> {
        String role = roleName(b.subject());
        yield mutation("binding role", key + " role " + role, key,
            new BindingNode(b.name(), role, b.subject(), b.scope(), b.expiresAt()));
      }
      case 3 -> {
        ScopeRef scope = scope();
        yield mutation("binding scope", key + " scope " + scope.label(), key,
            new BindingNode(b.name(), b.role(), b.subject(), scope, b.expiresAt()));
      }
      case 4 -> {
        SubjectRef subject = subject();
        yield mutation("binding subject", key + " subject " + subject, key,
            new BindingNode(b.name(), b.role(), subject, b.scope(), b.expiresAt()));
      }
      default -> {
        Instant expiry = expiry();
        yield mutation("binding expiry", key + " expires at " + expiry, key,
            new BindingNode(b.name(), b.role(), b.subject(), b.scope(), expiry));
      }
    };
  }

  private Mutation member(String target) {
    List<MemberNode> all = w.all(MEMBER, MemberNode.class);
    int op = target != null ? 1 + rnd.nextInt(6) : rnd.nextInt(7);
    if (all.isEmpty() || op == 0) {
      String name = newName("m", 6);
      MemberNode m = newMember(name, "acme");
      return mutation("member create", "create member " + m, new Key(MEMBER, name), m);
    }
    MemberNode m = target != null ? (MemberNode) w.get(new Key(MEMBER, target)) : pick(all);
    Key key = new Key(MEMBER, m.name());
    return switch (op) {
      case 1 -> mutation("member delete", "delete " + key, key, null);
      case 2 -> mutation("member disabled", key + " disabled " + !m.disabled(), key, m.withDisabled(!m.disabled()));
      case 3 -> {
        InvitationNode inv = invitation(m.name());
        yield mutation("member invitation", key + " invitation " + inv, key, m.withInvitation(inv));
      }
      case 4 -> {
        // Sometimes another member's address, in upper case or not: one of the two holds it.
        List<String> taken = all.stream().map(MemberNode::email).filter(Objects::nonNull).toList();
        String email = rnd.nextInt(5) == 0 ? null
            : rnd.nextBoolean() && !taken.isEmpty() ? pick(taken) : m.name() + "-" + rnd.nextInt(3) + "@acme.com";
        if (email != null && rnd.nextInt(4) == 0) {
          email = email.toUpperCase();
        }
        yield mutation("member email", key + " email " + email, key,
            new MemberNode(m.name(), m.type(), email, m.clientId(), m.disabled(), m.created(), m.invitation(),
                m.wasReady()));
      }
      case 5 -> {
        MemberType type = m.type() == MemberType.User ? MemberType.ServiceAccount : MemberType.User;
        yield mutation("member type", key + " type " + type, key,
            new MemberNode(m.name(), type, m.email(), m.clientId(), m.disabled(), m.created(), m.invitation(),
                m.wasReady()));
      }
      default -> {
        // Sometimes the client ID another service account already is, or one shaped like an address.
        List<String> taken = new ArrayList<>();
        all.stream().filter(x -> x.type() == MemberType.ServiceAccount).forEach(x -> taken.add(
            x.clientId() == null || x.clientId().isBlank() ? "acme/" + x.name() : x.clientId()));
        int roll = rnd.nextInt(10);
        String clientId = roll < 3 ? null : roll < 6 && !taken.isEmpty() ? pick(taken)
            : roll < 8 ? "client-" + m.name() + "-" + rnd.nextInt(2) : "robot@acme.com";
        yield mutation("member client", key + " client ID " + clientId, key,
            new MemberNode(m.name(), m.type(), m.email(), clientId, m.disabled(), m.created(), m.invitation(),
                m.wasReady()));
      }
    };
  }

  private Mutation folder(String target) {
    List<FolderNode> all = w.all(FOLDER, FolderNode.class);
    int op = target != null ? 1 + rnd.nextInt(2) : rnd.nextInt(3);
    if (all.isEmpty() || op == 0) {
      String name = rnd.nextInt(6) == 0 ? "ghost-folder" : newName("f", 9);
      FolderNode f = new FolderNode(name, parentFor(name));
      return mutation("folder create", "create folder " + name + " under " + show(f.parent()),
          new Key(FOLDER, name), f);
    }
    FolderNode f = target != null ? (FolderNode) w.get(new Key(FOLDER, target)) : pick(all);
    Key key = new Key(FOLDER, f.name());
    if (op == 1) {
      return mutation("folder delete", "delete " + key, key, null);
    }
    String parent = parentFor(f.name());
    return mutation("folder parent", key + " moves under " + show(parent), key, new FolderNode(f.name(), parent));
  }

  /** The root, a folder (maybe one below it: a cycle), itself, or one that does not exist. */
  private String parentFor(String folder) {
    int roll = rnd.nextInt(10);
    List<String> folders = names(FOLDER);
    return roll < 3 || folders.isEmpty() ? "" : roll < 8 ? pick(folders) : roll < 9 ? folder : "ghost-folder";
  }

  private Mutation project(String target) {
    List<ProjectNode> all = w.all(PROJECT, ProjectNode.class);
    int op = target != null ? 1 + rnd.nextInt(2) : rnd.nextInt(3);
    if (all.isEmpty() || op == 0) {
      String name = rnd.nextInt(6) == 0 ? "ghost-project" : newName("p", 7);
      ProjectNode p = new ProjectNode(name, folderOrRoot());
      return mutation("project create", "create project " + name + " under " + show(p.folder()),
          new Key(PROJECT, name), p);
    }
    ProjectNode p = target != null ? (ProjectNode) w.get(new Key(PROJECT, target)) : pick(all);
    Key key = new Key(PROJECT, p.name());
    if (op == 1) {
      return mutation("project delete", "delete " + key, key, null);
    }
    String folder = folderOrRoot();
    return mutation("project parent", key + " moves under " + show(folder), key, new ProjectNode(p.name(), folder));
  }

  private String folderOrRoot() {
    List<String> folders = names(FOLDER);
    int roll = rnd.nextInt(10);
    return roll < 3 || folders.isEmpty() ? null : roll < 9 ? pick(folders) : "ghost-folder";
  }

  /** A change of resource {@code target} (of its association with {@code point} when set), or of a random one. */
  private Mutation resource(String target, String point) {
    List<ResourceNode> all = w.all(RESOURCE, ResourceNode.class);
    int op = point != null ? 5 : target != null ? 1 + rnd.nextInt(4) : rnd.nextInt(5);
    if (all.isEmpty() || op == 0) {
      String name = newName("r", 9);
      ResourceNode r = new ResourceNode(name, rnd.nextBoolean() ? "ONTAPCluster" : "FSx", connectorName(),
          subset(names(PROJECT)), subset(names(FOLDER)));
      return mutation("resource create", "create resource " + r, new Key(RESOURCE, name), r);
    }
    ResourceNode r = target != null ? (ResourceNode) w.get(new Key(RESOURCE, target)) : pick(all);
    Key key = new Key(RESOURCE, r.name());
    return switch (op) {
      case 1 -> mutation("resource delete", "delete " + key, key, null);
      case 5 -> {
        boolean project = point.startsWith("Project/");
        List<String> changed = without(project ? r.projects() : r.folders(), point);
        yield mutation("resource dissociate", key + (project ? " projects " : " folders ") + changed, key,
            new ResourceNode(r.name(), r.type(), r.connector(), project ? changed : r.projects(),
                project ? r.folders() : changed));
      }
      case 2 -> {
        String connector = connectorName();
        yield mutation("resource connector", key + " connector " + connector, key,
            new ResourceNode(r.name(), r.type(), connector, r.projects(), r.folders()));
      }
      default -> {
        boolean project = rnd.nextBoolean();
        List<String> list = project ? r.projects() : r.folders();
        List<String> changed = reassociate(list, project ? PROJECT : FOLDER);
        yield mutation("resource " + (changed.size() > list.size() ? "associate" : "dissociate"),
            key + (project ? " projects " : " folders ") + changed, key, new ResourceNode(r.name(), r.type(),
                r.connector(), project ? changed : r.projects(), project ? r.folders() : changed));
      }
    };
  }

  /** A change of connector {@code target} (of its association with {@code point} when set), or of a random one. */
  private Mutation connector(String target, String point) {
    List<ConnectorNode> all = w.all(CONNECTOR, ConnectorNode.class);
    int op = target != null ? 1 + rnd.nextInt(3) : rnd.nextInt(4);
    if (all.isEmpty() || op == 0) {
      String name = rnd.nextInt(6) == 0 ? "ghost-connector" : newName("c", 3);
      ConnectorNode c = new ConnectorNode(name, subset(names(PROJECT)), subset(names(FOLDER)));
      return mutation("connector create", "create connector " + c, new Key(CONNECTOR, name), c);
    }
    ConnectorNode c = target != null ? (ConnectorNode) w.get(new Key(CONNECTOR, target)) : pick(all);
    Key key = new Key(CONNECTOR, c.name());
    if (op == 1) {
      return mutation("connector delete", "delete " + key, key, null);
    }
    if (point != null) {
      boolean project = point.startsWith("Project/");
      List<String> changed = without(project ? c.projects() : c.folders(), point);
      return mutation("connector dissociate", key + (project ? " projects " : " folders ") + changed, key,
          new ConnectorNode(c.name(), project ? changed : c.projects(), project ? c.folders() : changed));
    }
    boolean project = rnd.nextBoolean();
    List<String> list = project ? c.projects() : c.folders();
    List<String> changed = reassociate(list, project ? PROJECT : FOLDER);
    return mutation("connector " + (changed.size() > list.size() ? "associate" : "dissociate"),
        key + (project ? " projects " : " folders ") + changed, key,
        new ConnectorNode(c.name(), project ? changed : c.projects(), project ? c.folders() : changed));
  }

  /** The list without the point ("Project/p", "Folder/f") at all. */
  private static List<String> without(List<String> list, String point) {
    String name = point.substring(point.indexOf('/') + 1);
    return list.stream().filter(x -> !x.equals(name)).toList();
  }

  /** The list with one more name (an existing one, one already there, or a missing one), or one fewer. */
  private List<String> reassociate(List<String> list, String kind) {
    List<String> out = new ArrayList<>(list);
    if (!out.isEmpty() && rnd.nextBoolean()) {
      out.remove(rnd.nextInt(out.size()));
      return out;
    }
    List<String> existing = names(kind);
    out.add(existing.isEmpty() || rnd.nextInt(8) == 0 ? "ghost-" + kind.toLowerCase() : pick(existing));
    return out;
  }

  /**
   * A change of role {@code target} ("name", or "name@Kind" / "name@partners" for where it may be given), or of a
   * random one.
   */
  private Mutation role(String target) {
    List<RoleNode> all = w.all(ROLE, RoleNode.class);
    List<String> missing = originalRoles.keySet().stream().filter(n -> w.get(new Key(ROLE, n)) == null).toList();
    String at = target != null && target.contains("@") ? target.substring(target.indexOf('@') + 1) : null;
    int op = at != null ? (at.equals("partners") ? 4 : 3) : target != null ? 1 + rnd.nextInt(4) : rnd.nextInt(5);
    if (op == 0 && !missing.isEmpty() || all.isEmpty()) {
      RoleNode r = originalRoles.get(pick(missing));
      return mutation("role create", "create role " + r.name(), new Key(ROLE, r.name()), r);
    }
    // Mostly a role some binding gives, so that the change shows.
    List<RoleNode> given = all.stream().filter(r -> w.all(BINDING, BindingNode.class).stream()
        .anyMatch(b -> r.name().equals(b.role()))).toList();
    RoleNode r = target != null ? (RoleNode) w.get(new Key(ROLE, at != null ? target.substring(0, target.indexOf('@'))
        : target)) : rnd.nextInt(4) != 0 && !given.isEmpty() ? pick(given) : pick(all);
    Key key = new Key(ROLE, r.name());
    return switch (op) {
      case 0, 1 -> mutation("role delete", "delete " + key, key, null);
      case 2 -> {
        List<String> permissions = new ArrayList<>(r.permissions());
        permissions.add("made.up");
        yield mutation("role permissions", key + " gets an unknown permission", key,
            new RoleNode(r.name(), permissions, r.assignableAt(), r.assignableToPartners()));
      }
      case 3 -> {
        Set<ScopeKind> scopes = EnumSet.noneOf(ScopeKind.class);
        for (ScopeKind k : ScopeKind.values()) {
          if (rnd.nextInt(3) != 0 && !k.name().equals(at)) {
            scopes.add(k);
          }
        }
        yield mutation("role scopes", key + " assignable at " + scopes, key,
            new RoleNode(r.name(), r.permissions(), scopes, r.assignableToPartners()));
      }
      default -> mutation("role partners", key + " assignable to partners " + !r.assignableToPartners(), key,
          new RoleNode(r.name(), r.permissions(), r.assignableAt(), !r.assignableToPartners()));
    };
  }

  private Mutation partnership(String target) {
    List<Partnership> all = w.all(PARTNERSHIP, Partnership.class);
    int op = target != null ? 1 + rnd.nextInt(3) : rnd.nextInt(4);
    if (all.isEmpty() || op == 0) {
      String name = rnd.nextInt(6) == 0 ? "ghost-partnership" : newName("ps", 3);
      List<String> orgs = all.stream().map(Partnership::partnerOrganization).toList();
      String org = orgs.isEmpty() || rnd.nextInt(4) != 0 ? "partner-" + name : pick(orgs);
      Partnership p = new Partnership(name, phase(), org);
      return mutation("partnership create", "create " + p, new Key(PARTNERSHIP, name), p);
    }
    Partnership p = target != null ? (Partnership) w.get(new Key(PARTNERSHIP, target)) : pick(all);
    Key key = new Key(PARTNERSHIP, p.name());
    if (op == 1) {
      return mutation("partnership delete", "delete " + key, key, null);
    }
    PartnershipPhase phase = phase();
    return mutation("partnership phase", key + " is " + phase, key,
        new Partnership(p.name(), phase, p.partnerOrganization()));
  }

  private PartnershipPhase phase() {
    return rnd.nextBoolean() ? PartnershipPhase.Established : pick(List.of(PartnershipPhase.values()));
  }

  /** A change of acceptance {@code target} ("partnership", or "partnership#member" to unlist), or of a random one. */
  private Mutation acceptance(String target) {
    List<String> partnerships = names(PARTNERSHIP);
    String partnership = target != null ? target.split("#")[0]
        : partnerships.isEmpty() || rnd.nextInt(8) == 0 ? "ghost-partnership" : pick(partnerships);
    Key key = new Key(ACCEPTANCE, partnership);
    Acceptance a = (Acceptance) w.get(key);
    int op = rnd.nextInt(4);
    if (target != null && target.contains("#")) {
      String member = target.substring(target.indexOf('#') + 1);
      List<String> members = a.members().stream().filter(x -> !x.equals(member)).toList();
      return mutation("acceptance unlist", key + " lists " + members, key, new Acceptance(partnership, members));
    }
    if (a == null) {
      Acceptance created = new Acceptance(partnership, subset(List.of("pm0", "pm1", "pm2", "pm3")));
      return mutation("acceptance create", "create " + created, key, created);
    }
    if (op == 0) {
      return mutation("acceptance delete", "delete " + key, key, null);
    }
    List<String> members = new ArrayList<>(a.members());
    if (!members.isEmpty() && op == 1) {
      members.remove(rnd.nextInt(members.size()));
    } else {
      List<String> named = partnerSubjects(partnership);
      members.add(rnd.nextInt(8) == 0 ? "pm-ghost"
          : !named.isEmpty() && rnd.nextBoolean() ? pick(named) : "pm" + rnd.nextInt(4));
    }
    return mutation("acceptance " + (members.size() < a.members().size() ? "unlist" : "list"),
        key + " lists " + members, key, new Acceptance(partnership, members));
  }

  /** A change of partner member {@code target} ("organization/member"), or of a random one. */
  private Mutation partnerMember(String target) {
    List<PartnerMember> all = w.all(PARTNER_MEMBER, PartnerMember.class);
    List<String> orgs = w.all(PARTNERSHIP, Partnership.class).stream().map(Partnership::partnerOrganization)
        .distinct().toList();
    int op = target != null ? 1 + rnd.nextInt(3) : rnd.nextInt(4);
    if (all.isEmpty() || op == 0) {
      String org = orgs.isEmpty() ? "partner-ps0" : pick(orgs);
      List<String> named = new ArrayList<>();
      w.all(PARTNERSHIP, Partnership.class).stream().filter(p -> p.partnerOrganization().equals(org))
          .forEach(p -> named.addAll(partnerSubjects(p.name())));
      String name = !named.isEmpty() && rnd.nextBoolean() ? pick(named) : "pm" + rnd.nextInt(4);
      PartnerMember m = new PartnerMember(org, newMember(name, org));
      return mutation("partner member create", "create partner member " + org + "/" + m.member(),
          OrgWorld.partnerMember(org, name), m);
    }
    PartnerMember pm = target != null ? (PartnerMember) w.get(new Key(PARTNER_MEMBER, target)) : pick(all);
    MemberNode m = pm.member();
    Key key = OrgWorld.partnerMember(pm.organization(), m.name());
    return switch (op) {
      case 1 -> mutation("partner member delete", "delete " + key, key, null);
      case 2 -> mutation("partner member disabled", key + " disabled " + !m.disabled(), key,
          new PartnerMember(pm.organization(), m.withDisabled(!m.disabled())));
      default -> {
        InvitationNode inv = invitation(m.name());
        yield mutation("partner member invitation", key + " invitation " + inv, key,
            new PartnerMember(pm.organization(), m.withInvitation(inv)));
      }
    };
  }

  /** Unsubscribes from {@code target}, or subscribes to or unsubscribes from a random package. */
  private Mutation packages(ProductPackage target) {
    ProductPackage p = target != null ? target : pick(OPTIONAL_PACKAGES);
    Set<ProductPackage> now = EnumSet.copyOf(w.packages());
    boolean drop = now.contains(p);
    if (drop) {
      now.remove(p);
    } else {
      now.add(p);
    }
    return mutation("packages", (drop ? "unsubscribe from " : "subscribe to ") + p, PACKAGES_KEY, Set.copyOf(now));
  }

  private Mutation mutation(String kind, String what, Key key, Object value) {
    return new Mutation(kind, what, key, value, breaks(w, key, value));
  }

  /** The chain links that writing {@code value} under {@code key} breaks in {@code w} (see ReferenceGrants). */
  static Set<String> breaks(OrgWorld w, Key key, Object value) {
    Object old = w.get(key);
    Set<String> out = new TreeSet<>();
    String self = key.toString();
    switch (key.kind()) {
      case BINDING -> {
        BindingNode was = (BindingNode) old;
        BindingNode is = (BindingNode) value;
        if (was != null && (is == null || !Objects.equals(was.role(), is.role())
            || !Objects.equals(was.subject(), is.subject()) || !Objects.equals(was.scope(), is.scope())
            || is.expiresAt() != null && !w.now().isBefore(is.expiresAt()))) {
          out.add(self);
        }
      }
      case MEMBER -> {
        if (old != null && (value == null || loses((MemberNode) old, (MemberNode) value, w.organization().name()))) {
          out.add(self);
        }
      }
      case PARTNER_MEMBER -> {
        if (old != null && (value == null || loses(((PartnerMember) old).member(), ((PartnerMember) value).member(),
            ((PartnerMember) old).organization()))) {
          out.add(self);
        }
      }
      case FOLDER, PROJECT -> {
        if (old != null && value == null) {
          out.add(self);
        }
      }
      case RESOURCE, CONNECTOR -> {
        if (old != null && value == null) {
          out.add(self);
        } else if (old instanceof ResourceNode was) {
          ResourceNode is = (ResourceNode) value;
          if (!Objects.equals(was.connector(), is.connector())) {
            out.add(self);
          }
          out.addAll(lostAssociations(self, was.projects(), was.folders(), is.projects(), is.folders()));
        } else if (old instanceof ConnectorNode was) {
          ConnectorNode is = (ConnectorNode) value;
          out.addAll(lostAssociations(self, was.projects(), was.folders(), is.projects(), is.folders()));
        }
      }
      case ROLE -> {
        RoleNode was = (RoleNode) old;
        RoleNode is = (RoleNode) value;
        if (was != null && (is == null || !is.permissions().stream().allMatch(PermissionCatalogue::contains))) {
          out.add(self);
        } else if (was != null) {
          was.assignableAt().stream().filter(k -> !is.assignableAt().contains(k)).forEach(k -> out.add(self + "@" + k));
          if (was.assignableToPartners() && !is.assignableToPartners()) {
            out.add(self + "@partners");
          }
        }
      }
      case PARTNERSHIP -> {
        Partnership was = (Partnership) old;
        Partnership is = (Partnership) value;
        if (was != null && (is == null || is.phase() != PartnershipPhase.Established
            || !is.partnerOrganization().equals(was.partnerOrganization()))) {
          out.add(self);
        }
      }
      case ACCEPTANCE -> {
        if (old != null && value == null) {
          out.add(self);
        } else if (old != null) {
          lost(((Acceptance) old).members(), ((Acceptance) value).members()).forEach(m -> out.add(self + "#" + m));
        }
      }
      case PACKAGES -> w.packages().stream().filter(p -> !((Set<?>) value).contains(p))
          .forEach(p -> out.add("Package/" + p));
      case CLOCK -> w.all(BINDING, BindingNode.class).stream()
          .filter(b -> b.expiresAt() != null && !((Instant) value).isBefore(b.expiresAt()))
          .forEach(b -> out.add(BINDING + "/" + b.name()));
      default -> throw new IllegalArgumentException(key.toString());
    }
    return out;
  }

  /**
   * Whether a member written as {@code is} can no longer be what {@code was} was in grants: gone as a subject
   * (disabled, an invitation not accepted, an address or client ID unfit) or another subject.
   */
  private static boolean loses(MemberNode was, MemberNode is, String organization) {
    boolean unfit = is.type() == MemberType.User ? is.email() == null || is.email().isBlank()
        : is.clientId() != null && is.clientId().contains("@");
    return is.disabled() || is.invitation() != null && !is.invitation().accepted() || unfit
        || is.type() != was.type() || !identity(is, organization).equals(identity(was, organization));
  }

  /** Who a member is in grants: a user's address; a service account's client ID, by default organization/name. */
  private static String identity(MemberNode m, String organization) {
    return m.type() == MemberType.User ? String.valueOf(m.email())
        : m.clientId() == null || m.clientId().isBlank() ? organization + "/" + m.name() : m.clientId();
  }

  /**
   * The associations ("Resource/r->Project/p") a write drops, when it adds none: one that adds another may open
   * another way to the same grant.
   */
  private static Set<String> lostAssociations(String self, List<String> projects, List<String> folders,
      List<String> newProjects, List<String> newFolders) {
    Set<String> out = new TreeSet<>();
    if (new HashSet<>(projects).containsAll(newProjects) && new HashSet<>(folders).containsAll(newFolders)) {
      lost(projects, newProjects).forEach(p -> out.add(self + "->Project/" + p));
      lost(folders, newFolders).forEach(f -> out.add(self + "->Folder/" + f));
    }
    return out;
  }

  private static Set<String> lost(List<String> was, List<String> is) {
    Set<String> out = new HashSet<>(was);
    out.removeAll(is);
    return out;
  }

  private MemberNode newMember(String name, String org) {
    boolean sa = rnd.nextInt(4) == 0;
    String email = sa || rnd.nextInt(10) == 0 ? null : name + "@" + org + ".com";
    String clientId = sa && rnd.nextBoolean() ? "client-" + name : null;
    InvitationNode inv = rnd.nextInt(3) == 0 ? invitation(name) : null;
    return new MemberNode(name, sa ? MemberType.ServiceAccount : MemberType.User, email, clientId,
        rnd.nextInt(7) == 0, null, inv, false);
  }

  /** None, pending, run out, or accepted. */
  private InvitationNode invitation(String member) {
    Instant end = w.now().plusSeconds(3600L * (rnd.nextInt(24) - 8));
    return switch (rnd.nextInt(4)) {
      case 0 -> null;
      case 1 -> InvitationNode.pending(end);
      case 2 -> InvitationNode.pending(w.now().minusSeconds(60));
      default -> new InvitationNode(end, end.minusSeconds(3600), "accepted-" + member);
    };
  }

  /** The partner members that bindings name through a partnership, sorted. */
  private List<String> partnerSubjects(String partnership) {
    return w.all(BINDING, BindingNode.class).stream().map(BindingNode::subject)
        .filter(x -> x != null && x.kind() == SubjectKind.PartnerMember && partnership.equals(x.partnership()))
        .map(SubjectRef::name).distinct().sorted().toList();
  }

  /** Mostly a role that fits any scope, and for a partner member mostly one that partners may be given. */
  private String roleName(SubjectRef subject) {
    List<String> forPartners = w.all(ROLE, RoleNode.class).stream().filter(RoleNode::assignableToPartners)
        .map(RoleNode::name).toList();
    if (subject != null && subject.kind() == SubjectKind.PartnerMember && !forPartners.isEmpty()
        && rnd.nextInt(4) != 0) {
      return pick(forPartners);
    }
    List<String> roles = new ArrayList<>(names(ROLE));
    roles.add("ghost-role");
    return rnd.nextBoolean() ? pick(COMMON_ROLES) : pick(roles);
  }

  private SubjectRef subject() {
    if (rnd.nextInt(3) == 0) {
      List<String> partnerships = names(PARTNERSHIP);
      String partnership = partnerships.isEmpty() || rnd.nextInt(6) == 0 ? "ghost-partnership" : pick(partnerships);
      // Mostly someone the partner's acceptance lists, so that partner grants are not rare.
      Acceptance a = (Acceptance) w.get(new Key(ACCEPTANCE, partnership));
      return SubjectRef.partnerMember(partnership, a != null && !a.members().isEmpty() && rnd.nextBoolean()
          ? pick(a.members()) : "pm" + rnd.nextInt(4));
    }
    List<String> members = names(MEMBER);
    return SubjectRef.member(members.isEmpty() || rnd.nextInt(10) == 0 ? "ghost-member" : pick(members));
  }

  private ScopeRef scope() {
    int roll = rnd.nextInt(100);
    List<String> folders = names(FOLDER);
    List<String> projects = names(PROJECT);
    if (roll < 20) {
      return ScopeRef.organization();
    }
    if (roll < 55 && !folders.isEmpty()) {
      return ScopeRef.folder(rnd.nextInt(12) == 0 ? "ghost-folder" : pick(folders));
    }
    return ScopeRef.project(projects.isEmpty() || rnd.nextInt(12) == 0 ? "ghost-project" : pick(projects));
  }

  /** None, or a whole hour from 12 hours ago to 36 hours ahead: the clock's steps meet some exactly. */
  private Instant expiry() {
    return rnd.nextInt(10) < 6 ? null : w.now().plusSeconds((rnd.nextInt(48) - 12) * 3600L);
  }

  private String connectorName() {
    List<String> connectors = names(CONNECTOR);
    int roll = rnd.nextInt(100);
    return roll < 85 && !connectors.isEmpty() ? pick(connectors) : roll < 95 ? "ghost-connector" : null;
  }

  /** A name the random organizations use (maybe deleted, or taken: then the object is replaced) or a new one. */
  private String newName(String prefix, int generated) {
    return rnd.nextInt(3) == 0 ? prefix + rnd.nextInt(generated) : prefix + "x" + rnd.nextInt(4);
  }

  private List<String> names(String kind) {
    return w.contents().keySet().stream().filter(k -> k.kind().equals(kind)).map(Key::name).sorted().toList();
  }

  private List<String> subset(List<String> from) {
    List<String> out = new ArrayList<>();
    from.forEach(x -> {
      if (rnd.nextBoolean()) {
        out.add(x);
      }
    });
    return out;
  }

  private static String show(String parent) {
    return parent == null || parent.isEmpty() ? "the root" : parent;
  }

  private static String describe(BindingNode b) {
    return "binding " + b.name() + " (" + b.role() + " to " + b.subject() + " at " + b.scope().label()
        + (b.expiresAt() == null ? "" : " until " + b.expiresAt()) + ")";
  }

  private <T> T pick(List<T> from) {
    return from.get(rnd.nextInt(from.size()));
  }
}
