package dev.trellis.model.property;

import dev.trellis.api.v1alpha1.PartnershipPhase;
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
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A second, deliberately naive reading of DESIGN §3, written without the production classes: every
 * (binding, resource) grant it finds must be exactly what the resolver produces.
 */
final class ReferenceGrants {

  /** One grant as both implementations can describe it. */
  record Tuple(String connector, String resource, String subject, String subjectKind, String subjectOrganization,
      String binding, String role, String scope, String via) {}

  private final OrgSnapshot s;

  ReferenceGrants(OrgSnapshot s) {
    this.s = s;
  }

  Set<Tuple> grants(Instant now) {
    Set<Tuple> out = new HashSet<>();
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
      String[] subject = subject(b);
      if (subject == null) {
        continue;
      }
      if (b.expiresAt() != null && !now.isBefore(b.expiresAt())) {
        continue;
      }
      for (ResourceNode r : s.resources()) {
        Optional<ConnectorNode> c = s.connectors().stream().filter(x -> x.name().equals(r.connector())).findFirst();
        if (c.isPresent() && reaches(b, r, c.get())) {
          out.add(new Tuple(c.get().name(), r.name(), subject[0], subject[1], subject[2], b.name(), b.role(),
              b.scope().kind() == ScopeKind.Organization ? "Organization" : b.scope().kind() + "/" + b.scope().name(),
              subject[3]));
        }
      }
    }
    return out;
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

  /** subject, kind, organization, via; or null when rule 3 fails. */
  private String[] subject(BindingNode b) {
    if (b.subject() == null || b.subject().name() == null) {
      return null;
    }
    String name = b.subject().name();
    if (b.subject().kind() == SubjectKind.Member) {
      MemberNode m = s.members().stream().filter(x -> x.name().equals(name)).findFirst().orElse(null);
      return usable(m) ? new String[] {id(m, s.organization().name()), kind(m), s.organization().name(),
          "Member/" + name} : null;
    }
    PartnershipView p = s.partnerships().stream().filter(x -> x.name().equals(b.subject().partnership()))
        .findFirst().orElse(null);
    if (p == null || p.phase() != PartnershipPhase.Established || !p.listedMembers().contains(name)) {
      return null;
    }
    MemberNode m = p.partnerMembers().stream().filter(x -> x.name().equals(name)).findFirst().orElse(null);
    return usable(m) ? new String[] {id(m, p.partnerOrganization()), kind(m), p.partnerOrganization(),
        "Partnership/" + p.name()} : null;
  }

  private static boolean usable(MemberNode m) {
    if (m == null || m.disabled()) {
      return false;
    }
    return m.type() == MemberType.ServiceAccount || m.email() != null && !m.email().isBlank();
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
        if (chain != null && c.folders().contains(f) && chain.contains(b.scope().name()) && !out.contains("Folder/" + f)) {
          out.add("Folder/" + f);
        }
      }
    }
    return out;
  }
}
