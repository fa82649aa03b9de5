package dev.trellis.model.admission;

import dev.trellis.api.v1alpha1.FeatureLevel;
import dev.trellis.model.grants.GrantResolver;
import dev.trellis.model.hierarchy.Hierarchy;
import dev.trellis.model.snapshot.BindingNode;
import dev.trellis.model.snapshot.MemberNode;
import dev.trellis.model.snapshot.OrgSnapshot;
import dev.trellis.model.snapshot.RoleNode;
import dev.trellis.model.snapshot.ScopeKind;
import dev.trellis.model.snapshot.ScopeRef;
import dev.trellis.model.snapshot.SubjectKind;
import dev.trellis.model.verdict.Verdicts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who may give a role to someone, decided by Trellis itself (seed 001: administrators manage access within the
 * folders and projects they administer; seed 003: an administrator assigns roles of their own feature only). Like
 * Kubernetes RBAC's escalation check, a member may bind a role at a scope only while Trellis grants them
 * {@value #MANAGE} there and every permission of that role: nobody gives what they do not hold. A feature role
 * (seed 003) needs {@value #MANAGE_USERS} instead, held through an Administrator or AccountOwner role of the same
 * feature. One function, the same for every caller, pure: it reads a snapshot at an instant.
 */
public final class Delegation {
  /** The permission that lets a member manage role bindings at a scope. */
  public static final String MANAGE = "rolebindings.manage";
  /** Seed 003's user management: what lets a feature's administrator give that feature's roles. */
  public static final String MANAGE_USERS = "users.manage";

  /** Whether a write is admitted, and if not, one sentence saying what is missing. */
  public record Decision(boolean allowed, String message) {
    static Decision allow(String message) {
      return new Decision(true, message);
    }

    static Decision refuse(String message) {
      return new Decision(false, message);
    }
  }

  private final OrgSnapshot snapshot;
  private final Verdicts verdicts;
  private final Hierarchy hierarchy;
  private final java.util.Map<String, RoleNode> roles = new java.util.HashMap<>();

  private Delegation(OrgSnapshot snapshot, Instant now) {
    this.snapshot = snapshot;
    snapshot.roles().forEach(r -> roles.putIfAbsent(r.name(), r));
    this.verdicts = GrantResolver.judge(snapshot, now).verdicts();
    this.hierarchy = Hierarchy.of(snapshot.folders(), snapshot.projects());
  }

  /** The organization as it stands at {@code now}. */
  public static Delegation of(OrgSnapshot snapshot, Instant now) {
    return new Delegation(snapshot, now);
  }

  /** The Ready, enabled member of the organization whose e-mail address is {@code username}, if any. */
  public Optional<MemberNode> member(String username) {
    if (username == null) {
      return Optional.empty();
    }
    String wanted = username.toLowerCase(Locale.ROOT);
    return snapshot.members().stream()
        .filter(m -> m.email() != null && m.email().toLowerCase(Locale.ROOT).equals(wanted))
        .filter(m -> !m.disabled())
        .filter(m -> verdicts.members().get(m.name()) != null && verdicts.members().get(m.name()).ready())
        .findFirst();
  }

  /**
   * The permissions {@code member} holds at {@code scope}: those of the roles of its Ready bindings whose scope is
   * {@code scope} or contains it (the organization contains everything, a folder what lies below it).
   */
  public Set<String> held(String member, ScopeRef scope) {
    Set<String> held = new TreeSet<>();
    for (RoleNode role : rolesAt(member, scope)) {
      held.addAll(role.permissions());
    }
    return held;
  }

  /** May {@code username} create, change or delete a binding of {@code role} at {@code scope}? */
  public Decision mayBind(String username, String roleName, ScopeRef scope) {
    String organization = snapshot.organization().name();
    Optional<MemberNode> member = member(username);
    if (member.isEmpty()) {
      return Decision.refuse(username + " is not an active, enabled member of organization " + organization
          + ", and only its members (or those RBAC lets bind the role) manage its role bindings");
    }
    RoleNode role = roles.get(roleName);
    if (role == null) {
      return Decision.refuse("role " + roleName + " does not exist, so nobody can show they hold its permissions");
    }
    Set<String> held = held(member.get().name(), scope);
    List<String> missing = new ArrayList<>();
    String manage = role.feature() == null ? MANAGE : MANAGE_USERS;
    if (!held.contains(manage)) {
      missing.add(manage);
    }
    role.permissions().stream().filter(p -> !held.contains(p) && !missing.contains(p)).sorted().forEach(missing::add);
    if (!missing.isEmpty()) {
      return Decision.refuse(username + " lacks " + listed(missing) + " at " + scope.label() + " to bind " + roleName);
    }
    if (role.feature() != null && !administers(member.get().name(), role, scope)) {
      return Decision.refuse(username + " administers no " + role.feature() + " role at " + scope.label()
          + " and so may not assign " + roleName + ": an administrator assigns roles of their own feature only");
    }
    return Decision.allow(username + " holds " + manage + " and every permission of " + roleName + " at "
        + scope.label());
  }

  /**
   * May {@code username}, a member, make a write that needs {@code needs} ({@link WriteRules})? Refused naming every
   * permission missing, and where.
   */
  public Decision mayWrite(String username, String what, List<WriteRules.Need> needs) {
    Optional<MemberNode> member = member(username);
    if (member.isEmpty()) {
      return Decision.refuse(username + " is not an active, enabled member of organization "
          + snapshot.organization().name() + ", and only its members (or those RBAC lets update the Organization)"
          + " manage its objects");
    }
    List<String> missing = new ArrayList<>();
    for (WriteRules.Need need : needs) {
      Set<String> held = held(member.get().name(), need.scope());
      if (need.permissions().stream().noneMatch(held::contains)) {
        missing.add(String.join(" or ", need.permissions()) + " at " + need.scope().label());
      }
    }
    return missing.isEmpty() ? Decision.allow(username + " holds what " + what + " needs")
        : Decision.refuse(username + " lacks " + listed(missing) + " to " + what);
  }

  /** The first {@value #LISTED} of {@code missing}, and how many more: a refusal stays one readable sentence. */
  private static String listed(List<String> missing) {
    return missing.size() <= LISTED ? String.join(", ", missing)
        : String.join(", ", missing.subList(0, LISTED)) + " and " + (missing.size() - LISTED) + " more";
  }

  private static final int LISTED = 8;

  /** Whether the member holds an Administrator or AccountOwner role of {@code role}'s feature at the scope. */
  private boolean administers(String member, RoleNode role, ScopeRef scope) {
    return rolesAt(member, scope).stream().anyMatch(r -> r.feature() == role.feature()
        && (r.level() == FeatureLevel.Administrator || r.level() == FeatureLevel.AccountOwner));
  }

  /** The roles of the member's Ready bindings at a scope containing {@code scope}. */
  private List<RoleNode> rolesAt(String member, ScopeRef scope) {
    List<RoleNode> found = new ArrayList<>();
    for (BindingNode b : snapshot.bindings()) {
      if (b.subject() == null || b.subject().kind() != SubjectKind.Member || !member.equals(b.subject().name())
          || b.scope() == null || !contains(b.scope(), scope)) {
        continue;
      }
      var verdict = verdicts.bindings().get(b.name());
      // Ready is what counts: a valid, live, unexpired chain. An administrator of a folder with no resource yet
      // still administers it (such a binding is Ready but not effective).
      if (verdict == null || !verdict.ready()) {
        continue;
      }
      RoleNode role = roles.get(b.role());
      if (role != null) {
        found.add(role);
      }
    }
    return found;
  }

  /** Whether {@code outer} is {@code inner} or contains it. */
  boolean contains(ScopeRef outer, ScopeRef inner) {
    if (outer.kind() == ScopeKind.Organization) {
      return true;
    }
    if (outer.kind() == ScopeKind.Folder) {
      return switch (inner.kind()) {
        case Organization -> false;
        case Folder -> hierarchy.folderWithin(inner.name(), outer.name());
        case Project -> hierarchy.projectWithin(inner.name(), outer.name());
      };
    }
    return inner.kind() == ScopeKind.Project && outer.name().equals(inner.name())
        && hierarchy.projectValid(inner.name());
  }
}
