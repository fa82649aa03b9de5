package dev.trellis.model.grants;

import dev.trellis.api.v1alpha1.Feature;
import dev.trellis.api.v1alpha1.ProductPackage;
import dev.trellis.model.Reasons;
import dev.trellis.model.members.Invitations;
import dev.trellis.model.members.MemberValidator;
import dev.trellis.model.packages.PackageGate;
import dev.trellis.model.snapshot.AccessPolicy;
import dev.trellis.model.snapshot.MemberNode;
import dev.trellis.model.snapshot.MemberType;
import dev.trellis.model.snapshot.RoleNode;
import dev.trellis.model.snapshot.ScopeKind;
import dev.trellis.model.verdict.Verdict;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Single sign-on auto-provisioning (seed 003). Every user of a federated domain gets the default roles at
 * Organization scope through a Domain subject ({@code *@mrpaints.com}) on every resource. A member of such a
 * domain with a role of its own keeps it: its own entries carry, per resource, its roles plus the default role of
 * each feature it holds no role of there, so that a connector applies a user's own entry when there is one and the
 * Domain entry otherwise. Disabled members are listed in the Domain entries' {@code except}. Invalid default roles
 * and domains outside the domain restriction are reported and left out; the rest keeps working.
 */
final class SingleSignOn {

  /** What auto-provisioning gives: the usable default roles and domains, and the verdict. */
  record Plan(Verdict verdict, List<RoleNode> roles, List<String> domains) {}

  static final String SUBJECT_KIND = "Domain";

  private SingleSignOn() {}

  static Plan plan(AccessPolicy policy, OrgIndex idx, Set<String> allowedDomains) {
    if (!policy.ssoEnabled()) {
      return new Plan(new Verdict(true, true, Reasons.SSO_DISABLED, "Single sign-on auto-provisioning is off;"
          + " members keep the roles given to them."), List.of(), List.of());
    }
    List<Verdict> problems = new ArrayList<>();
    List<RoleNode> roles = new ArrayList<>();
    Set<Feature> features = EnumSet.noneOf(Feature.class);
    for (String name : policy.ssoDefaultRoles()) {
      RoleNode role = idx.roles.get(name);
      if (role == null) {
        problems.add(Verdict.invalid(Reasons.ROLE_NOT_FOUND, "Default role \"" + name + "\" does not exist; create"
            + " the AccessRole or name an existing one in spec.sso.defaultRoles."));
      } else if (!idx.roleVerdicts.get(name).ready()) {
        problems.add(Verdict.invalid(Reasons.ROLE_INVALID, "Default role \"" + name + "\" is not Ready ("
            + idx.roleVerdicts.get(name).reason() + "); fix the role or choose another one."));
      } else if (!role.featured()) {
        problems.add(Verdict.invalid(Reasons.FEATURE_ROLE_REQUIRED, "Default role \"" + name + "\" belongs to no"
            + " feature; single sign-on gives one role per feature, such as observability-guest."));
      } else if (!role.assignableAt().contains(ScopeKind.Organization)) {
        problems.add(Verdict.invalid(Reasons.ROLE_NOT_ASSIGNABLE_AT_SCOPE, "Default role \"" + name + "\" cannot"
            + " be given at Organization scope, where single sign-on users get their roles; choose another one."));
      } else if (!features.add(role.feature())) {
        problems.add(Verdict.invalid(Reasons.CONFLICTING_FEATURE_ROLES, "spec.sso.defaultRoles names two roles of "
            + role.feature().displayName() + "; name at most one per feature."));
      } else {
        roles.add(role);
      }
    }
    List<String> domains = new ArrayList<>();
    for (String domain : new TreeSet<>(policy.ssoDomains().stream().map(d -> d.toLowerCase(Locale.ROOT)).toList())) {
      if (allowedDomains != null && !allowedDomains.contains(domain)) {
        problems.add(Verdict.invalid(Reasons.DOMAIN_NOT_ALLOWED, "Single sign-on domain " + domain + " is outside"
            + " spec.domainRestriction; its users get nothing until the restriction allows it."));
      } else {
        domains.add(domain);
      }
    }
    Verdict verdict;
    if (problems.isEmpty()) {
      verdict = new Verdict(true, true, Reasons.SSO_ENABLED, "Users of " + String.join(", ", domains) + " get "
          + String.join(", ", roles.stream().map(RoleNode::name).toList()) + " at Organization scope.");
    } else {
      Verdict first = problems.get(0);
      verdict = new Verdict(false, !roles.isEmpty() && !domains.isEmpty(), first.reason(), first.message());
    }
    return new Plan(verdict, roles, domains);
  }

  /** Adds the Domain entries and the default roles of explicit members to every document. */
  static void apply(Plan plan, OrgIndex idx, Map<String, DocumentBuilder> docs, Set<ProductPackage> packages) {
    if (plan.roles().isEmpty() || plan.domains().isEmpty()) {
      return;
    }
    String org = idx.organization();
    // Each default role's permissions as the packages leave them; a role left with none grants nothing.
    Map<RoleNode, List<String>> gated = new java.util.LinkedHashMap<>();
    plan.roles().forEach(role -> {
      List<String> permissions = PackageGate.gate(role.permissions(), packages);
      if (!permissions.isEmpty()) {
        gated.put(role, permissions);
      }
    });
    for (String domain : plan.domains()) {
      String via = "SingleSignOn/" + domain;
      ResolvedSubject everyone = new ResolvedSubject("*@" + domain, SUBJECT_KIND, org, via);
      List<String> suspended = new ArrayList<>();
      List<MemberNode> explicit = new ArrayList<>();
      for (MemberNode m : idx.members.values()) {
        if (MemberValidator.type(m) != MemberType.User || !domain.equals(Invitations.domainOf(m.email()))) {
          continue;
        }
        if (m.disabled()) {
          suspended.add(m.email().toLowerCase(Locale.ROOT));
        } else if (idx.memberVerdicts.get(m.name()).ready()) {
          explicit.add(m);
        }
      }
      for (DocumentBuilder doc : docs.values()) {
        for (String resource : doc.resourceNames()) {
          for (var entry : gated.entrySet()) {
            RoleNode role = entry.getKey();
            List<String> permissions = entry.getValue();
            Grant grant = new Grant(role.name(), null, via, ScopeKind.Organization.name(), null);
            doc.addGrant(resource, everyone, permissions, grant);
            for (MemberNode m : explicit) {
              ResolvedSubject own = new ResolvedSubject(MemberValidator.subject(m, org), MemberType.User.name(), org,
                  "Member/" + m.name());
              boolean holdsFeature = doc.roles(resource, own).stream().map(idx.roles::get)
                  .anyMatch(r -> r != null && role.feature() == r.feature());
              if (!holdsFeature) {
                doc.addGrant(resource, own, permissions, grant);
              }
            }
          }
          doc.addExcept(resource, everyone, suspended);
        }
      }
    }
  }
}
