package dev.trellis.model.property;

import dev.trellis.api.v1alpha1.PartnershipPhase;
import dev.trellis.api.v1alpha1.ProductPackage;
import dev.trellis.model.permissions.PermissionCatalogue;
import dev.trellis.model.snapshot.BindingNode;
import dev.trellis.model.snapshot.ConnectorNode;
import dev.trellis.model.snapshot.FolderNode;
import dev.trellis.model.snapshot.MemberNode;
import dev.trellis.model.snapshot.MemberType;
import dev.trellis.model.snapshot.OrgSnapshot;
import dev.trellis.model.snapshot.PartnershipView;
import dev.trellis.model.snapshot.ProjectNode;
import dev.trellis.model.snapshot.ResourceNode;
import dev.trellis.model.snapshot.RoleNode;
import dev.trellis.model.snapshot.ScopeKind;
import dev.trellis.model.snapshot.SubjectKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A second, deliberately naive reading of DESIGN §3, written without the production classes: every
 * (binding, resource) grant it finds must be exactly what the resolver produces.
 *
 * <p>It also names the links of each grant's chains ("Binding/b", "Folder/f", "Resource/r->Project/p", …, see
 * {@link #chains}): what a mutation that breaks one of them must take the grant away with.
 */
final class ReferenceGrants {

  /** One grant as both implementations can describe it. */
  record Tuple(String connector, String resource, String subject, String subjectKind, String subjectOrganization,
      String binding, String role, String scope, String via) {}

  /** A usable subject: its identity in grants, and the links its chain goes through. */
  private record Subject(String id, String kind, String organization, String via, Set<String> links) {}

  private final OrgSnapshot s;

  ReferenceGrants(OrgSnapshot s) {
    this.s = s;
  }

  Set<Tuple> grants(Instant now) {
    return new HashSet<>(chains(now).keySet());
  }

  /**
   * Every grant, with the links that every one of its chains goes through: the binding, its role (and the role's
   * assignability at the scope's kind, to partners), the scope and its folders, the subject's objects, the
   * resource and its connector, the only package left of the role if there is one, and what all the association
   * points through which the scope reaches the resource have in common.
   */
  Map<Tuple, Set<String>> chains(Instant now) {
    Map<Tuple, Set<String>> out = new HashMap<>();
    for (BindingNode b : s.bindings()) {
      Optional<RoleNode> role = s.roles().stream().filter(r -> r.name().equals(b.role())).findFirst();
      if (role.isEmpty() || !role.get().permissions().stream().allMatch(PermissionCatalogue::contains)) {
        continue;
      }
      if (b.scope() == null || !role.get().assignableAt().contains(b.scope().kind())) {
        continue;
      }
      boolean partner = b.subject() != null && b.subject().kind() == SubjectKind.PartnerMember;
      if (partner && !role.get().assignableToPartners()) {
        continue;
      }
      if (!scopeValid(b)) {
        continue;
      }
      Subject subject = subject(b);
      if (subject == null) {
        continue;
      }
      if (b.expiresAt() != null && !now.isBefore(b.expiresAt())) {
        continue;
      }
      // Rule 7: a role none of whose permissions the organization subscribes to gives nothing.
      Set<ProductPackage> left = packagesLeft(role.get());
      if (!role.get().permissions().isEmpty() && left.isEmpty()) {
        continue;
      }
      Set<String> links = new HashSet<>(subject.links());
      links.add("Binding/" + b.name());
      links.add("Role/" + b.role());
      links.add("Role/" + b.role() + "@" + b.scope().kind());
      if (partner) {
        links.add("Role/" + b.role() + "@partners");
      }
      if (left.size() == 1) {
        links.add("Package/" + left.iterator().next());
      }
      links.addAll(scopeLinks(b));
      for (ResourceNode r : s.resources()) {
        Optional<ConnectorNode> c = s.connectors().stream().filter(x -> x.name().equals(r.connector())).findFirst();
        if (c.isEmpty() || !reaches(b, r, c.get())) {
          continue;
        }
        Set<String> all = new HashSet<>(links);
        all.add("Resource/" + r.name());
        all.add("Connector/" + c.get().name());
        all.addAll(commonLinks(points(b, r, c.get()), r, c.get()));
        out.put(new Tuple(c.get().name(), r.name(), subject.id(), subject.kind(), subject.organization(), b.name(),
            b.role(), b.scope().kind() == ScopeKind.Organization ? "Organization"
                : b.scope().kind() + "/" + b.scope().name(),
            subject.via()), all);
      }
    }
    return out;
  }

  /** The kind of a chain link: "Resource->" for "Resource/r->Project/p", "Role@scope" for "Role/r@Folder" … */
  static String linkKind(String link) {
    String kind = link.substring(0, link.indexOf('/'));
    if (link.contains("->")) {
      return kind + "->";
    }
    if (link.contains("#")) {
      return kind + "#";
    }
    if (link.contains("@")) {
      return kind + (link.endsWith("@partners") ? "@partners" : "@scope");
    }
    return kind;
  }

  /** The sorted permissions an entry holding these roles gets: theirs, less those of packages not subscribed to. */
  SortedSet<String> permissions(Collection<String> roles) {
    SortedSet<String> out = new TreeSet<>();
    s.roles().stream().filter(r -> roles.contains(r.name())).forEach(r -> r.permissions().stream()
        .filter(p -> PermissionCatalogue.packageOf(p).map(s.packages()::contains).orElse(false))
        .forEach(out::add));
    return out;
  }

  private Set<ProductPackage> packagesLeft(RoleNode role) {
    Set<ProductPackage> out = EnumSet.noneOf(ProductPackage.class);
    role.permissions().forEach(p -> PermissionCatalogue.packageOf(p).filter(s.packages()::contains)
        .ifPresent(out::add));
    return out;
  }

  private List<String> scopeLinks(BindingNode b) {
    List<String> out = new ArrayList<>();
    if (b.scope().kind() == ScopeKind.Project) {
      out.add("Project/" + b.scope().name());
      projectChain(b.scope().name()).forEach(f -> out.add("Folder/" + f));
    } else if (b.scope().kind() == ScopeKind.Folder) {
      chain(b.scope().name()).forEach(f -> out.add("Folder/" + f));
    }
    return out;
  }

  /** The links that every association point goes through (none for Organization scope, which needs none). */
  private Set<String> commonLinks(List<String> points, ResourceNode r, ConnectorNode c) {
    Set<String> common = null;
    for (String point : points) {
      if (point.equals("Organization")) {
        return Set.of();
      }
      Set<String> links = new HashSet<>();
      links.add("Resource/" + r.name() + "->" + point);
      links.add("Connector/" + c.name() + "->" + point);
      String name = point.substring(point.indexOf('/') + 1);
      if (point.startsWith("Project/")) {
        links.add(point);
        projectChain(name).forEach(f -> links.add("Folder/" + f));
      } else {
        chain(name).forEach(f -> links.add("Folder/" + f));
      }
      if (common == null) {
        common = links;
      } else {
        common.retainAll(links);
      }
    }
    return common == null ? Set.of() : common;
  }

  /** The folder chain from {@code folder} up to the root, or null if it never gets there cleanly or is too deep. */
  List<String> chain(String folder) {
    List<String> out = new ArrayList<>();
    String cur = folder;
    while (cur != null && !cur.isEmpty()) {
      String name = cur;
      FolderNode f = s.folders().stream().filter(x -> x.name().equals(name)).findFirst().orElse(null);
      if (f == null || out.contains(name)) {
        return null;
      }
      out.add(name);
      cur = f.parent();
    }
    return out.size() > 10 ? null : out;
  }

  /** The folders a project lies in, innermost first (empty at the root), or null when the project is invalid. */
  List<String> projectChain(String project) {
    ProjectNode p = s.projects().stream().filter(x -> x.name().equals(project)).findFirst().orElse(null);
    if (p == null) {
      return null;
    }
    return p.folder() == null || p.folder().isEmpty() ? List.of() : chain(p.folder());
  }

  private boolean scopeValid(BindingNode b) {
    return switch (b.scope().kind()) {
      case Organization -> true;
      case Folder -> b.scope().name() != null && chain(b.scope().name()) != null;
      case Project -> b.scope().name() != null && projectChain(b.scope().name()) != null;
    };
  }

  /** The binding's subject, or null when rule 3 fails. */
  private Subject subject(BindingNode b) {
    if (b.subject() == null || b.subject().name() == null) {
      return null;
    }
    String name = b.subject().name();
    if (b.subject().kind() == SubjectKind.Member) {
      MemberNode m = s.members().stream().filter(x -> x.name().equals(name)).findFirst().orElse(null);
      return usable(m) && holdsItsIdentity(m) ? new Subject(id(m, s.organization().name()), kind(m),
          s.organization().name(), "Member/" + name, Set.of("Member/" + name)) : null;
    }
    PartnershipView p = s.partnerships().stream().filter(x -> x.name().equals(b.subject().partnership()))
        .findFirst().orElse(null);
    if (p == null || p.phase() != PartnershipPhase.Established || !p.listedMembers().contains(name)) {
      return null;
    }
    MemberNode m = p.partnerMembers().stream().filter(x -> x.name().equals(name)).findFirst().orElse(null);
    return usable(m) ? new Subject(id(m, p.partnerOrganization()), kind(m), p.partnerOrganization(),
        "Partnership/" + p.name(), Set.of("Partnership/" + p.name(), "Acceptance/" + p.name(),
            "Acceptance/" + p.name() + "#" + name, "PartnerMember/" + p.partnerOrganization() + "/" + name))
        : null;
  }

  private static boolean usable(MemberNode m) {
    return m != null && !m.disabled() && wellFormed(m);
  }

  /** A member that can be Ready: an address for a user, a client ID that is no address, an accepted invitation. */
  private static boolean wellFormed(MemberNode m) {
    if (m.invitation() != null && !m.invitation().accepted()) {
      return false;
    }
    return m.type() == MemberType.ServiceAccount ? m.clientId() == null || !m.clientId().contains("@")
        : m.email() != null && !m.email().isBlank();
  }

  /**
   * An address, or a service account's identity, belongs to the organization's first member that has it (by
   * creation, then the one Ready before, then name); a user's address whatever the state of that first member.
   */
  private boolean holdsItsIdentity(MemberNode m) {
    boolean user = m.type() != MemberType.ServiceAccount;
    String identity = identity(m);
    return s.members().stream()
        .filter(x -> (x.type() != MemberType.ServiceAccount) == user && (user || wellFormed(x)))
        .filter(x -> identity.equals(identity(x)))
        .min(Comparator.comparing(MemberNode::created, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(x -> !x.wasReady()).thenComparing(MemberNode::name))
        .orElseThrow() == m;
  }

  private String identity(MemberNode m) {
    return m.type() == MemberType.ServiceAccount ? id(m, s.organization().name())
        : m.email() == null ? "" : m.email().toLowerCase(Locale.ROOT);
  }

  private static String id(MemberNode m, String org) {
    if (m.type() != MemberType.ServiceAccount) {
      return m.email();
    }
    return m.clientId() == null || m.clientId().isBlank() ? org + "/" + m.name() : m.clientId();
  }

  private static String kind(MemberNode m) {
    return m.type() == MemberType.ServiceAccount ? "ServiceAccount" : "User";
  }

  boolean reaches(BindingNode b, ResourceNode r, ConnectorNode c) {
    return !points(b, r, c).isEmpty();
  }

  /** The association points ("Project/x", "Folder/y") through which the binding reaches the resource. */
  List<String> points(BindingNode b, ResourceNode r, ConnectorNode c) {
    List<String> out = new ArrayList<>();
    if (b.scope().kind() == ScopeKind.Organization) {
      out.add("Organization");
      return out;
    }
    for (String p : r.projects()) {
      List<String> chain = projectChain(p);
      if (chain == null || !c.projects().contains(p) || out.contains("Project/" + p)) {
        continue;
      }
      boolean inside = b.scope().kind() == ScopeKind.Project ? p.equals(b.scope().name())
          : chain.contains(b.scope().name());
      if (inside) {
        out.add("Project/" + p);
      }
    }
    if (b.scope().kind() == ScopeKind.Folder) {
      for (String f : r.folders()) {
        List<String> chain = chain(f);
        if (chain != null && c.folders().contains(f) && chain.contains(b.scope().name())
            && !out.contains("Folder/" + f)) {
          out.add("Folder/" + f);
        }
      }
    }
    return out;
  }
}
