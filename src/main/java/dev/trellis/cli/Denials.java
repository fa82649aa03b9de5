package dev.trellis.cli;

import dev.trellis.api.v1alpha1.AccessRole;
import dev.trellis.api.v1alpha1.Condition;
import dev.trellis.api.v1alpha1.Connector;
import dev.trellis.api.v1alpha1.Folder;
import dev.trellis.api.v1alpha1.ManagedResource;
import dev.trellis.api.v1alpha1.MemberPhase;
import dev.trellis.api.v1alpha1.Organization;
import dev.trellis.api.v1alpha1.PartnershipPhase;
import dev.trellis.api.v1alpha1.ProductPackage;
import dev.trellis.api.v1alpha1.Project;
import dev.trellis.api.v1alpha1.RoleBinding;
import dev.trellis.api.v1alpha1.Scope;
import dev.trellis.model.hierarchy.Hierarchy;
import dev.trellis.model.packages.PackageGate;
import dev.trellis.model.permissions.PermissionCatalogue;
import dev.trellis.model.snapshot.FolderNode;
import dev.trellis.model.snapshot.ProjectNode;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Why a subject lacks access (or a permission) on a resource, read from the API objects: the Ready conditions the
 * operator wrote on members, partnerships and bindings, the roles' permissions, the organization's packages, and
 * whether each binding's scope reaches the resource through a project or folder its connector shares. Simple
 * checks, one sentence each; the operator's conditions say the rest.
 */
final class Denials {
  private final Cli cli;

  Denials(Cli cli) {
    this.cli = cli;
  }

  /** One sentence per thing that stands between the subject and the permission (or any access, when null). */
  List<String> explain(Organization org, List<Organization> all, ManagedResource resource,
      List<Identities.Identity> identities, String subject, String permission) {
    List<String> out = new ArrayList<>();
    String ns = Cli.namespaceOf(org);
    String rname = resource.getMetadata().getName();
    String connectorName = resource.getSpec() == null ? null : resource.getSpec().getConnector();
    Connector connector = null;
    if (connectorName == null || connectorName.isEmpty()) {
      out.add("managed resource " + rname + " has no connector (spec.connector): it is in no grants document, so no"
          + " connector grants anything on it.");
    } else {
      connector = cli.list(Connector.class, ns).stream()
          .filter(c -> c.getMetadata().getName().equals(connectorName)).findFirst().orElse(null);
      if (connector == null) {
        out.add("connector " + connectorName + " named by managed resource " + rname + " does not exist.");
      }
    }
    notReady("managed resource " + rname, Cli.ready(resource)).ifPresent(out::add);

    if (identities.isEmpty()) {
      out.add(subject + " is no member of " + org.getMetadata().getName() + " and no member of a partner in a"
          + " partnership of it: no RoleBinding can name it." + ssoNote(org, subject));
    }
    List<RoleBinding> bindings = cli.list(RoleBinding.class, ns);
    Hierarchy hierarchy = Hierarchy.of(
        cli.list(Folder.class, ns).stream().map(f -> new FolderNode(f.getMetadata().getName(),
            f.getSpec() == null ? null : f.getSpec().getParent())).toList(),
        cli.list(Project.class, ns).stream().map(p -> new ProjectNode(p.getMetadata().getName(),
            p.getSpec() == null ? null : p.getSpec().getFolder())).toList());
    for (Identities.Identity id : identities) {
      subjectProblems(id).forEach(out::add);
      List<RoleBinding> mine = bindings.stream().filter(id::names).toList();
      if (mine.isEmpty()) {
        out.add("no RoleBinding in " + ns + " names " + id.describe() + ": nothing gives it a role there.");
      }
      for (RoleBinding b : mine) {
        bindingProblems(org, b, resource, connector, hierarchy, permission).forEach(out::add);
      }
    }
    return out;
  }

  private static String ssoNote(Organization org, String subject) {
    int at = subject.lastIndexOf('@');
    var sso = org.getSpec() == null ? null : org.getSpec().getSso();
    if (at > 0 && sso != null && Boolean.TRUE.equals(sso.getEnabled()) && sso.getDomains() != null
        && sso.getDomains().contains(subject.substring(at + 1).toLowerCase(Locale.ROOT))) {
      return " Its domain has single sign-on: it has the default roles " + sso.getDefaultRoles() + " only.";
    }
    return "";
  }

  private List<String> subjectProblems(Identities.Identity id) {
    List<String> out = new ArrayList<>();
    var m = id.member();
    String who = "member " + id.name() + " of " + id.organization();
    if (m.getSpec() != null && Boolean.TRUE.equals(m.getSpec().getDisabled())) {
      out.add(who + " is disabled (spec.disabled): its bindings grant nothing (SubjectDisabled).");
    }
    MemberPhase phase = m.getStatus() == null ? null : m.getStatus().getPhase();
    if (phase == MemberPhase.Invited) {
      out.add(who + " is invited and has not accepted yet (InvitationPending): it grants nothing until the invitee"
          + " creates an InvitationAcceptance.");
    } else if (phase == MemberPhase.Expired) {
      out.add(who + "'s invitation expired (InvitationExpired): invite it again with a new Member.");
    } else {
      notReady(who, Cli.ready(m)).ifPresent(out::add);
    }
    if (id.partnership() != null) {
      var p = id.partnership();
      String pname = "partnership " + p.getMetadata().getName();
      PartnershipPhase pphase = p.getStatus() == null ? null : p.getStatus().getPhase();
      if (pphase != PartnershipPhase.Established) {
        String message = Cli.ready(p).map(Condition::getMessage).orElse("");
        out.add(pname + " is " + (pphase == null ? "not established" : pphase) + ": partner members have no access"
            + (message.isEmpty() ? "." : " (" + message + ")"));
      }
      List<String> members = p.getStatus() == null ? List.of() : p.getStatus().getMembers();
      if (members == null || !members.contains(id.name())) {
        out.add("member " + id.name() + " of " + id.organization() + " is not in the acceptance of " + pname
            + " (its members: " + (members == null || members.isEmpty() ? "none" : String.join(", ", members))
            + "): the partner decides who takes part.");
      }
    }
    return out;
  }

  private List<String> bindingProblems(Organization org, RoleBinding b, ManagedResource resource, Connector connector,
      Hierarchy hierarchy, String permission) {
    List<String> out = new ArrayList<>();
    String bname = "binding " + b.getMetadata().getName();
    Optional<Condition> ready = Cli.ready(b);
    if (ready.isEmpty() || !ready.get().isTrue()) {
      out.add(bname + " is not Ready" + ready.map(c -> " (" + c.getReason() + "): " + c.getMessage())
          .orElse(": the operator has not judged it yet."));
      return out;
    }
    String roleName = b.getSpec().getRole();
    if (permission != null) {
      AccessRole role = role(roleName);
      List<String> perms = role == null || role.getSpec() == null ? null : role.getSpec().getPermissions();
      if (perms != null && !perms.contains(permission)) {
        out.add("role " + roleName + " of " + bname + " does not contain " + permission + " (it has "
            + String.join(", ", perms) + ").");
        return out;
      }
      List<ProductPackage> effective = org.getStatus() == null ? null : org.getStatus().getEffectivePackages();
      if (perms != null && effective != null
          && !PackageGate.allowed(permission, effective.isEmpty() ? EnumSet.noneOf(ProductPackage.class)
              : EnumSet.copyOf(effective))) {
        out.add(permission + " belongs to the package " + PermissionCatalogue.packageOf(permission)
            .map(ProductPackage::displayName).orElse("(none)") + ", which " + org.getMetadata().getName()
            + " does not subscribe to (status.effectivePackages): " + bname + " cannot grant it.");
        return out;
      }
    }
    if (connector != null && !reaches(b.getSpec().getScope(), resource, connector, hierarchy)) {
      out.add("the scope " + scope(b.getSpec().getScope()) + " of " + bname + " does not reach "
          + resource.getMetadata().getName() + ": a scope reaches a resource only through a project or folder"
          + " associated with the resource " + associations(resource.getSpec()) + " and with its connector "
          + connector.getMetadata().getName() + " " + associations(connector.getSpec()) + ".");
      return out;
    }
    // Access ends AT expiresAt (docs/model.md, Expiry).
    if (b.getSpec().getExpiresAt() != null && !java.time.Instant.parse(b.getSpec().getExpiresAt())
        .isAfter(cli.clock.instant())) {
      out.add(bname + " expired at " + b.getSpec().getExpiresAt() + ".");
    }
    return out;
  }

  private AccessRole role(String name) {
    try {
      return cli.client.resources(AccessRole.class).withName(name).get();
    } catch (io.fabric8.kubernetes.client.KubernetesClientException e) {
      return null;
    }
  }

  /** Rules 5 and 6 of DESIGN §3 as model/grants/ReachIndex and AssociationPoints apply them. */
  static boolean reaches(Scope scope, ManagedResource resource, Connector connector, Hierarchy h) {
    if (scope == null || scope.getKind() == Scope.Kind.Organization) {
      return true;
    }
    Set<String> projects = shared(resource.getSpec().getProjects(), connector.getSpec() == null ? null
        : connector.getSpec().getProjects());
    Set<String> folders = shared(resource.getSpec().getFolders(), connector.getSpec() == null ? null
        : connector.getSpec().getFolders());
    if (scope.getKind() == Scope.Kind.Project) {
      return projects.contains(scope.getName()) && h.projectValid(scope.getName());
    }
    return projects.stream().anyMatch(p -> h.projectWithin(p, scope.getName()))
        || folders.stream().anyMatch(f -> h.folderWithin(f, scope.getName()));
  }

  private static Set<String> shared(List<String> a, List<String> b) {
    Set<String> out = new TreeSet<>(a == null ? List.of() : a);
    out.retainAll(b == null ? List.of() : b);
    return out;
  }

  static String scope(Scope s) {
    return s == null ? "?" : s.getKind() == Scope.Kind.Organization ? "Organization" : s.getKind() + "/" + s.getName();
  }

  private static String associations(dev.trellis.api.v1alpha1.AssociatedSpec spec) {
    if (spec == null) {
      return "(none)";
    }
    return "(projects " + (spec.getProjects() == null ? "[]" : spec.getProjects()) + ", folders "
        + (spec.getFolders() == null ? "[]" : spec.getFolders()) + ")";
  }

  private static Optional<String> notReady(String what, Optional<Condition> ready) {
    return ready.filter(c -> !c.isTrue()).map(c -> what + " is not Ready (" + c.getReason() + "): " + c.getMessage());
  }
}
