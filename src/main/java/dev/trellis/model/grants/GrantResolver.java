package dev.trellis.model.grants;

import dev.trellis.model.Reasons;
import dev.trellis.model.members.AccessOutcome;
import dev.trellis.model.members.Invitations;
import dev.trellis.model.packages.PackageGate;
import dev.trellis.model.snapshot.BindingNode;
import dev.trellis.model.snapshot.InvitationNode;
import dev.trellis.model.snapshot.MemberNode;
import dev.trellis.model.snapshot.OrgSnapshot;
import dev.trellis.model.snapshot.ResourceNode;
import dev.trellis.model.verdict.BindingVerdict;
import dev.trellis.model.verdict.Verdict;
import dev.trellis.model.verdict.Verdicts;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/** Computes every connector's grants document and every object's verdict for one organization at an instant. */
public final class GrantResolver {

  private GrantResolver() {}

  /** The entry point: a pure function of the snapshot and {@code now}. */
  public static Resolution resolve(OrgSnapshot snapshot, Instant now) {
    return resolve(snapshot, now, true);
  }

  /**
   * The same resolution without the grants documents (an empty map): every verdict, the next expiry and the
   * people's outcome, at a fraction of the cost, for readers of verdicts only.
   */
  public static Resolution judge(OrgSnapshot snapshot, Instant now) {
    return resolve(snapshot, now, false);
  }

  /**
   * The first instant after {@code now} at which time alone can change the snapshot's resolution (a binding
   * expiring, an invitation running out, the partner members' included); null when none. Until then, resolving
   * the same snapshot gives the same result.
   */
  public static Instant validUntil(OrgSnapshot snapshot, Instant now) {
    Stream<MemberNode> members = Stream.concat(snapshot.members().stream(),
        snapshot.partnerships().stream().flatMap(p -> p.partnerMembers().stream()));
    return Stream.concat(snapshot.bindings().stream().map(BindingNode::expiresAt),
        members.map(m -> m.invitation() == null ? null : m.invitation().expiresAt()))
        .filter(t -> t != null && t.isAfter(now))
        .min(Instant::compareTo)
        .orElse(null);
  }

  private static Resolution resolve(OrgSnapshot snapshot, Instant now, boolean withDocuments) {
    OrgIndex idx = new OrgIndex(snapshot, now);
    Map<String, DocumentBuilder> docs = new TreeMap<>();
    if (withDocuments) {
      idx.connectors.keySet().forEach(c -> docs.put(c, new DocumentBuilder(snapshot.organization(), c)));
    }
    // A resource whose connector is missing is unusable: it belongs to no document.
    idx.resources.values().stream()
        .filter(r -> r.hasConnector() && docs.containsKey(r.connector()))
        .forEach(r -> docs.get(r.connector()).addResource(r, idx.hierarchy));

    ReachIndex reach = new ReachIndex(idx.points, idx.hierarchy);
    Map<String, BindingNode> bindings = new TreeMap<>();
    snapshot.bindings().forEach(b -> bindings.putIfAbsent(b.name(), b));
    Map<String, BindingCheck> checks = new TreeMap<>();
    bindings.forEach((name, b) -> checks.put(name, BindingValidator.check(b, idx, now)));
    Map<String, Verdict> conflicts = FeatureConflicts.find(bindings, checks);
    Map<String, BindingVerdict> bindingVerdicts = new TreeMap<>();
    Instant nextExpiry = null;
    for (BindingNode b : bindings.values()) {
      BindingCheck check = checks.get(b.name());
      if (!check.verdict().ready()) {
        bindingVerdicts.put(b.name(), new BindingVerdict(check.verdict(), false));
        continue;
      }
      if (conflicts.containsKey(b.name())) {
        bindingVerdicts.put(b.name(), new BindingVerdict(conflicts.get(b.name()), false));
        continue;
      }
      // Rule 7: the organization's packages gate the role's permissions; a role left with none grants nothing.
      var notSubscribed = PackageGate.notSubscribed(check.role().permissions(), snapshot.packages());
      if (notSubscribed.isPresent()) {
        bindingVerdicts.put(b.name(), new BindingVerdict(notSubscribed.get(), false));
        continue;
      }
      int granted = withDocuments
          ? grant(b, check, PackageGate.gate(check.role().permissions(), snapshot.packages()), idx, reach, docs)
          : reach.resources(b.scope()).size();
      bindingVerdicts.put(b.name(), granted > 0
          ? new BindingVerdict(check.verdict(), true)
          : new BindingVerdict(Verdict.ok(check.verdict().message().replaceAll("\\.$", "")
              + ", but reaches no resource yet; associate resources and their connector with the scope."), false));
      if (granted > 0 && b.expiresAt() != null && (nextExpiry == null || b.expiresAt().isBefore(nextExpiry))) {
        nextExpiry = b.expiresAt();
      }
    }
    // After the bindings: an explicit member's own roles decide which default roles it still gets.
    SingleSignOn.Plan sso = SingleSignOn.plan(snapshot.organization().access(), idx,
        idx.membership.allowedDomains());
    if (withDocuments) {
      SingleSignOn.apply(sso, idx, docs, snapshot.packages());
    }

    Map<String, GrantsDocument> documents = new TreeMap<>();
    docs.forEach((name, d) -> documents.put(name, d.build()));
    Verdicts verdicts = new Verdicts(idx.hierarchy.folderVerdicts(), idx.hierarchy.projectVerdicts(),
        idx.resourceVerdicts, idx.connectorVerdicts, idx.memberVerdicts, idx.roleVerdicts, bindingVerdicts);
    for (MemberNode m : idx.members.values()) {
      // An invitation that can still be accepted turns Expired on its own when it runs out.
      InvitationNode inv = m.invitation();
      if (inv != null && !inv.accepted() && inv.expiresAt().isAfter(now)
          && (nextExpiry == null || inv.expiresAt().isBefore(nextExpiry))) {
        nextExpiry = inv.expiresAt();
      }
    }
    return new Resolution(documents, verdicts, nextExpiry, access(idx, bindingVerdicts, sso.verdict()));
  }

  /** Adds one valid binding's grants to every document it reaches; returns how many entries it touched. */
  private static int grant(BindingNode b, BindingCheck check, List<String> permissions, OrgIndex idx,
      ReachIndex reach, Map<String, DocumentBuilder> docs) {
    Grant grant = new Grant(check.role().name(), b.name(), check.subject().via(), b.scope().label(), b.expiresAt());
    Set<String> reached = reach.resources(b.scope());
    for (String name : reached) {
      ResourceNode r = idx.resources.get(name);
      docs.get(r.connector()).addGrant(r.name(), check.subject(), permissions, grant);
    }
    return reached.size();
  }

  /**
   * The organization's people: account owners are the candidates whose owner binding survived every check
   * (feature conflicts included); invitations, acceptances, allowed domains and single sign-on.
   */
  private static AccessOutcome access(OrgIndex idx, Map<String, BindingVerdict> bindingVerdicts, Verdict sso) {
    Set<String> owners = new TreeSet<>();
    idx.membership.ownerBindings().forEach((binding, member) -> {
      if (bindingVerdicts.get(binding).verdict().ready()) {
        owners.add(idx.members.get(member).email().toLowerCase(Locale.ROOT));
      }
    });
    Verdict ownersVerdict;
    if (owners.size() >= AccessOutcome.RECOMMENDED_OWNERS) {
      ownersVerdict = new Verdict(true, true, Reasons.OWNERS_RECOMMENDED, "The organization has " + owners.size()
          + " account owners.");
    } else if (owners.isEmpty()) {
      ownersVerdict = Verdict.invalid(Reasons.NO_ACCOUNT_OWNER, "The organization has no account owner; give an"
          + " Active user member an AccountOwner role, such as observability-account-owner, at Organization scope.");
    } else {
      ownersVerdict = Verdict.invalid(Reasons.OWNERS_BELOW_RECOMMENDED, "The organization has one account owner ("
          + owners.iterator().next() + "); at least " + AccessOutcome.RECOMMENDED_OWNERS + " are recommended, so"
          + " that losing one does not leave the organization without.");
    }
    Map<String, InvitationNode> invitations = new TreeMap<>();
    idx.members.forEach((name, m) -> {
      if (m.invitation() != null) {
        invitations.put(name, m.invitation());
      }
    });
    Map<String, Verdict> acceptances = new TreeMap<>();
    idx.snapshot.acceptances().forEach(a -> acceptances.put(a.name(), Invitations.acceptance(a, idx.members)));
    return new AccessOutcome(idx.membership.phases(), invitations, acceptances, List.copyOf(owners), ownersVerdict,
        idx.membership.allowedDomains(), sso);
  }
}
