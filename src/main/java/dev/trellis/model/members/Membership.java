package dev.trellis.model.members;

import dev.trellis.api.v1alpha1.DomainRestrictionSpec.Mode;
import dev.trellis.api.v1alpha1.FeatureLevel;
import dev.trellis.api.v1alpha1.MemberPhase;
import dev.trellis.model.Reasons;
import dev.trellis.model.snapshot.AccessPolicy;
import dev.trellis.model.snapshot.BindingNode;
import dev.trellis.model.snapshot.MemberNode;
import dev.trellis.model.snapshot.MemberType;
import dev.trellis.model.snapshot.RoleNode;
import dev.trellis.model.snapshot.ScopeKind;
import dev.trellis.model.snapshot.SubjectKind;
import dev.trellis.model.verdict.Verdict;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Judges an organization's own members together (seed 003): each on its own (e-mail, invitation), then one
 * member per e-mail address (DuplicateEmail for the later ones), then the domain restriction, whose default
 * domains are those of the account owners. Account owners are Active, enabled user members with a binding of
 * an AccountOwner feature role at Organization scope; they are never outside the allowed domains.
 */
public final class Membership {

  /**
   * Every member's verdict and phase, the account owners' owner bindings (binding name → member name, before the
   * bindings are checked for conflicts), and the allowed domains (null when any domain is allowed).
   */
  public record Result(Map<String, Verdict> verdicts, Map<String, MemberPhase> phases,
      Map<String, String> ownerBindings, Set<String> allowedDomains) {}

  private Membership() {}

  public static Result judge(String organization, Collection<MemberNode> members, Collection<BindingNode> bindings,
      Map<String, RoleNode> roles, Map<String, Verdict> roleVerdicts, AccessPolicy policy, Instant now) {
    Map<String, Verdict> verdicts = new TreeMap<>();
    Map<String, MemberPhase> phases = new TreeMap<>();
    Map<String, MemberNode> byName = new TreeMap<>();
    members.forEach(m -> byName.putIfAbsent(m.name(), m));
    byName.forEach((n, m) -> {
      verdicts.put(n, MemberValidator.judge(m, now));
      phases.put(n, Invitations.phase(m, now));
    });
    duplicates(byName, verdicts);
    duplicateClients(organization, byName, verdicts);
    Map<String, String> ownerBindings = ownerBindings(byName, verdicts, bindings, roles, roleVerdicts, now);
    Set<String> allowed = null;
    if (policy.restricted()) {
      allowed = new TreeSet<>();
      for (String owner : ownerBindings.values()) {
        allowed.add(Invitations.domainOf(byName.get(owner).email()));
      }
      if (policy.restriction() == Mode.DefaultDomainsAndListed) {
        for (String d : policy.listedDomains()) {
          allowed.add(d.toLowerCase(Locale.ROOT));
        }
      }
      restrict(byName, verdicts, allowed, policy.restriction());
    }
    return new Result(verdicts, phases, ownerBindings, allowed);
  }

  /** The first member with an address (by creation, then name) keeps it; later ones are DuplicateEmail. */
  private static void duplicates(Map<String, MemberNode> members, Map<String, Verdict> verdicts) {
    Map<String, MemberNode> first = new TreeMap<>();
    members.values().stream()
        .filter(m -> MemberValidator.type(m) == MemberType.User && m.email() != null && !m.email().isBlank())
        .sorted(Comparator.comparing(MemberNode::created, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(m -> !m.wasReady()).thenComparing(MemberNode::name))
        .forEach(m -> {
          MemberNode holder = first.putIfAbsent(m.email().toLowerCase(Locale.ROOT), m);
          if (holder != null) {
            verdicts.put(m.name(), Verdict.invalid(Reasons.DUPLICATE_EMAIL, "Member \"" + holder.name()
                + "\" already has the address " + m.email() + "; an address belongs to one member: delete this"
                + " one or give it another address."));
          }
        });
  }

  /**
   * A service account's subject (its client ID, or organization/name) names one member: the first (by creation, then
   * name) keeps it; later ones are DuplicateClientId and grant nothing, so nobody can take over a robot's access.
   */
  private static void duplicateClients(String organization, Map<String, MemberNode> members,
      Map<String, Verdict> verdicts) {
    Map<String, MemberNode> first = new TreeMap<>();
    members.values().stream()
        .filter(m -> MemberValidator.type(m) == MemberType.ServiceAccount && verdicts.get(m.name()).ready())
        .sorted(Comparator.comparing(MemberNode::created, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(m -> !m.wasReady()).thenComparing(MemberNode::name))
        .forEach(m -> {
          String subject = MemberValidator.subject(m, organization);
          MemberNode holder = first.putIfAbsent(subject, m);
          if (holder != null) {
            verdicts.put(m.name(), Verdict.invalid(Reasons.DUPLICATE_CLIENT_ID, "Member \"" + holder.name()
                + "\" is already the service account " + subject + "; a client ID belongs to one member: delete this"
                + " one or give it another spec.clientId."));
          }
        });
  }

  private static Map<String, String> ownerBindings(Map<String, MemberNode> members, Map<String, Verdict> verdicts,
      Collection<BindingNode> bindings, Map<String, RoleNode> roles, Map<String, Verdict> roleVerdicts, Instant now) {
    Map<String, String> owners = new TreeMap<>();
    for (BindingNode b : bindings) {
      if (b.subject() == null || b.subject().kind() != SubjectKind.Member || b.scope() == null
          || b.scope().kind() != ScopeKind.Organization || (b.expiresAt() != null && !b.expiresAt().isAfter(now))) {
        continue;
      }
      RoleNode role = b.role() == null ? null : roles.get(b.role());
      if (role == null || !ownerRole(role) || !roleVerdicts.get(role.name()).ready()) {
        continue;
      }
      MemberNode m = members.get(b.subject().name());
      if (m != null && !m.disabled() && MemberValidator.type(m) == MemberType.User
          && verdicts.get(m.name()).ready()) {
        owners.put(b.name(), m.name());
      }
    }
    return owners;
  }

  /** An AccountOwner feature role that may be given at Organization scope. */
  public static boolean ownerRole(RoleNode role) {
    return role.featured() && role.level() == FeatureLevel.AccountOwner
        && role.assignableAt().contains(ScopeKind.Organization);
  }

  private static void restrict(Map<String, MemberNode> members, Map<String, Verdict> verdicts, Set<String> allowed,
      Mode mode) {
    List<String> sorted = List.copyOf(allowed);
    members.values().stream()
        .filter(m -> MemberValidator.type(m) == MemberType.User && verdicts.get(m.name()).ready())
        .filter(m -> !allowed.contains(Invitations.domainOf(m.email())))
        .forEach(m -> verdicts.put(m.name(), Verdict.invalid(Reasons.DOMAIN_NOT_ALLOWED, m.email()
            + " is outside the domains the organization allows (" + (sorted.isEmpty() ? "none yet: no account owner"
                : String.join(", ", sorted))
            + ", spec.domainRestriction.mode " + mode + "); use an address of an"
            + " allowed domain or list this one in spec.domainRestriction.domains.")));
  }

  private static final Verdict NOT_READY = Verdict.invalid("", "");
}
