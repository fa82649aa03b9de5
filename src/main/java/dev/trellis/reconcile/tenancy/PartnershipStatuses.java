package dev.trellis.reconcile.tenancy;

import dev.trellis.api.v1alpha1.Organization;
import dev.trellis.api.v1alpha1.OrganizationPartnership;
import dev.trellis.api.v1alpha1.PartnerAccess;
import dev.trellis.api.v1alpha1.PartnerMemberRoles;
import dev.trellis.api.v1alpha1.PartnerRole;
import dev.trellis.api.v1alpha1.Partnership;
import dev.trellis.api.v1alpha1.PartnershipAcceptance;
import dev.trellis.api.v1alpha1.PartnershipAcceptanceStatus;
import dev.trellis.api.v1alpha1.PartnershipPhase;
import dev.trellis.api.v1alpha1.RoleBinding;
import dev.trellis.api.v1alpha1.Subject;
import dev.trellis.model.grants.Resolution;
import dev.trellis.model.partnership.PartnershipTransition;
import dev.trellis.reconcile.conversion.SnapshotConversion;
import dev.trellis.reconcile.status.PartnershipAcceptanceStatusAssembler;
import dev.trellis.reconcile.status.PartnershipStatusAssembler;
import dev.trellis.reconcile.support.EventRecorder;
import dev.trellis.reconcile.support.StatusWriter;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The statuses partnerships give: the Partnership's phase and history (with an Event on both sides of each
 * transition), the acceptance's mirrored phase, each partner member's access list for context switching,
 * and each organization's list of partnerships.
 */
final class PartnershipStatuses {
  private final TenancyView view;
  private final PartnershipEvaluator evaluator;
  private final StatusWriter statuses;
  private final EventRecorder events;
  private final Clock clock;

  PartnershipStatuses(TenancyView view, PartnershipEvaluator evaluator, StatusWriter statuses,
      EventRecorder events, Clock clock) {
    this.clock = clock;
    this.view = view;
    this.evaluator = evaluator;
    this.statuses = statuses;
    this.events = events;
  }

  /**
   * Writes the customer-side status of each evaluated partnership; records its transitions.
   *
   * @return the namespaces of the partners whose members' published roles ({@code status.memberRoles}) changed: their
   *     access lists must be written again, and this process's own status write wakes no one through its cache
   */
  Set<String> writePartnerships(List<PartnershipEvaluator.Evaluation> evaluations, Resolution resolution,
      Instant now, ResourceID primary) {
    Set<String> republished = new HashSet<>();
    for (var e : evaluations) {
      Partnership partnership = e.partnership();
      var evaluated = new PartnershipStatusAssembler.Evaluated(e.phase(),
          e.partner().map(p -> p.getMetadata().getName()).orElse(null), evaluator.members(e), e.transitions(),
          e.current());
      List<PartnerMemberRoles> memberRoles = new ArrayList<>();
      new TreeMap<>(rolesByMember(partnership, resolution))
          .forEach((member, roles) -> memberRoles.add(new PartnerMemberRoles(member, roles)));
      List<PartnerMemberRoles> before = partnership.getStatus() == null
          || partnership.getStatus().getMemberRoles() == null ? List.of() : partnership.getStatus().getMemberRoles();
      boolean written = statuses.apply(partnership,
          PartnershipStatusAssembler.assemble(partnership, evaluated, memberRoles, now, clock),
          view.cache(Partnership.class), primary);
      if (written && !before.equals(memberRoles)) {
        e.partner().ifPresent(p -> republished.add(p.effectiveNamespace()));
      }
      if (written) {
        for (PartnershipTransition t : e.transitions()) {
          String message = "Partnership " + partnership.getMetadata().getNamespace() + "/"
              + partnership.getMetadata().getName() + " is " + t.phase() + ": " + t.message();
          events.normal(partnership, t.reason(), message);
          e.acceptance().ifPresent(a -> events.normal(a, t.reason(), message));
        }
      }
    }
    return republished;
  }

  /**
   * An acceptance of the partner organization, with what it refers to: the customer (if an active one has the
   * orgId), its Partnership of that name, whether that Partnership names this partner, and then its phase.
   */
  record Accepted(PartnershipAcceptance acceptance, Optional<Organization> customer,
      Optional<Partnership> partnership, boolean namesUs, PartnershipPhase phase,
      Optional<PartnershipAcceptance> counting) {

    /** Whether another acceptance of the same partnership, created earlier, is the one that counts. */
    boolean duplicate() {
      return counting.isPresent()
          && !counting.get().getMetadata().getName().equals(acceptance.getMetadata().getName());
    }
  }

  /** The acceptances in {@code namespace}, each looked up and evaluated once per reconcile. */
  List<Accepted> accepted(String namespace, Organization partner) {
    List<Accepted> result = new ArrayList<>();
    for (PartnershipAcceptance acceptance : view.in(PartnershipAcceptance.class, namespace).toList()) {
      if (acceptance.getSpec() == null) {
        continue;
      }
      Optional<Organization> customer = view.organizationByOrgId(acceptance.getSpec().getCustomerOrgId())
          .filter(Organization::active);
      Optional<Partnership> partnership =
          customer.flatMap(c -> view.partnership(c.effectiveNamespace(), acceptance.getSpec().getPartnership()));
      boolean namesUs = partnership.map(p -> partner.getStatus().getOrgId().equals(p.getSpec().getPartnerOrgId()))
          .orElse(false);
      var evaluation = namesUs ? evaluator.evaluate(partnership.get(), customer.get()) : null;
      result.add(new Accepted(acceptance, customer, partnership, namesUs,
          evaluation == null ? null : evaluation.phase(),
          evaluation == null ? Optional.empty() : evaluation.acceptance()));
    }
    return result;
  }

  /** Writes the status of the partner's acceptances. */
  void writeAcceptances(List<Accepted> accepted, ResourceID primary) {
    for (Accepted a : accepted) {
      PartnershipAcceptance acceptance = a.acceptance();
      String customer = a.customer().map(c -> c.getMetadata().getName()).orElse(null);
      PartnershipAcceptanceStatus status = a.duplicate()
          ? PartnershipAcceptanceStatusAssembler.duplicate(acceptance, customer,
              a.counting().get().getMetadata().getName(), clock)
          : PartnershipAcceptanceStatusAssembler.assemble(acceptance, new PartnershipAcceptanceStatusAssembler.Referred(
              customer, a.partnership().isPresent(), a.namesUs(), a.phase()), clock);
      statuses.apply(acceptance, status, view.cache(PartnershipAcceptance.class), primary);
    }
  }

  /**
   * For each member of the partner's namespace, the customer organizations it can switch to: those whose
   * established partnership its organization accepted listing it, with the roles it effectively holds there as the
   * customer's reconcile published them on the Partnership's status ({@code status.memberRoles}, which only the
   * operator writes). One path whether or not this process serves the customer (docs/scaling.md): a partner's
   * reconcile never rebuilds its customers' snapshots, and a change of those roles reaches it as that status's
   * change.
   */
  Map<String, List<PartnerAccess>> partnerAccess(List<Accepted> accepted) {
    Map<String, List<PartnerAccess>> access = new HashMap<>();
    for (Accepted a : accepted) {
      PartnershipAcceptance acceptance = a.acceptance();
      if (acceptance.getMetadata().getDeletionTimestamp() != null || a.phase() != PartnershipPhase.Established
          || a.duplicate()) {
        continue;
      }
      Organization customer = a.customer().get();
      Partnership partnership = a.partnership().get();
      Map<String, List<PartnerRole>> rolesByMember = published(partnership);
      for (String member : acceptance.getSpec().getMembers()) {
        List<PartnerRole> roles = rolesByMember.getOrDefault(member, List.of());
        if (!roles.isEmpty()) {
          access.computeIfAbsent(member, m -> new ArrayList<>()).add(new PartnerAccess(
              customer.getMetadata().getName(), customer.getStatus().getOrgId(), customer.effectiveNamespace(),
              partnership.getMetadata().getName(), roles));
        }
      }
    }
    access.values().forEach(list -> list.sort(Comparator.comparing(PartnerAccess::getOrganization)
        .thenComparing(PartnerAccess::getPartnership)));
    return access;
  }

  /**
   * The organization's partnerships, as customer (its Partnerships) and as partner (every Partnership naming
   * it, accepted or only offered).
   */
  /** Most partnerships offered to an organization, and not accepted by it, that its status lists. */
  static final int MAX_OFFERS = 20;

  List<OrganizationPartnership> organizationPartnerships(Organization org, String namespace,
      List<PartnershipEvaluator.Evaluation> evaluations) {
    List<OrganizationPartnership> result = new ArrayList<>();
    for (var e : evaluations) {
      result.add(new OrganizationPartnership(OrganizationPartnership.Side.Customer,
          e.partnership().getMetadata().getName(),
          e.partner().map(p -> p.getMetadata().getName()).orElse(null),
          e.partnership().getSpec().getPartnerOrgId(), e.phase()));
    }
    // As partner: every partnership this organization accepted, and at most MAX_OFFERS only offered. Anyone who
    // learns an orgId can offer partnerships to it: the offers must not grow its status without bound.
    List<OrganizationPartnership> offers = new ArrayList<>();
    for (Partnership offered : view.partnershipsNaming(org.getStatus().getOrgId()).toList()) {
      if (offered.getMetadata().getDeletionTimestamp() != null) {
        continue;
      }
      Optional<Organization> customer = view.organizationOwning(offered.getMetadata().getNamespace());
      if (customer.isEmpty() || customer.get().getStatus().getOrgId().equals(org.getStatus().getOrgId())) {
        continue;
      }
      var entry = new OrganizationPartnership(OrganizationPartnership.Side.Partner,
          offered.getMetadata().getName(), customer.get().getMetadata().getName(),
          customer.get().getStatus().getOrgId(), evaluator.evaluate(offered, customer.get()).phase());
      (entry.getPhase() == PartnershipPhase.Initiated ? offers : result).add(entry);
    }
    offers.stream().sorted(Comparator.comparing(OrganizationPartnership::getCounterpartOrgId)
        .thenComparing(OrganizationPartnership::getPartnership)).limit(MAX_OFFERS).forEach(result::add);
    result.sort(Comparator.comparing((OrganizationPartnership p) -> p.getSide().name())
        .thenComparing(p -> p.getCounterpartOrgId() == null ? "" : p.getCounterpartOrgId())
        .thenComparing(OrganizationPartnership::getPartnership));
    return result;
  }

  /** The roles the effective bindings of the partnership's customer give each of the partnership's members. */
  private Map<String, List<PartnerRole>> rolesByMember(Partnership partnership, Resolution resolution) {
    Map<String, List<PartnerRole>> rolesByMember = new HashMap<>();
    view.in(RoleBinding.class, partnership.getMetadata().getNamespace())
        .filter(b -> names(b, partnership.getMetadata().getName()))
        .filter(b -> {
          var verdict = resolution.verdicts().bindings().get(b.getMetadata().getName());
          return verdict != null && verdict.effective();
        })
        .forEach(b -> rolesByMember.computeIfAbsent(b.getSpec().getSubject().getName(), m -> new ArrayList<>())
            .add(new PartnerRole(b.getSpec().getRole(), SnapshotConversion.binding(b).scope().label())));
    rolesByMember.replaceAll((member, roles) -> ordered(roles));
    return rolesByMember;
  }

  /** Roles in role, then scope order, each once: as the statuses list them. */
  private static List<PartnerRole> ordered(List<PartnerRole> roles) {
    return roles.stream()
        .sorted(Comparator.comparing(PartnerRole::getRole).thenComparing(PartnerRole::getScope))
        .distinct()
        .toList();
  }

  /** The roles the partnership's status says its customer's effective bindings give each member. */
  private static Map<String, List<PartnerRole>> published(Partnership partnership) {
    Map<String, List<PartnerRole>> rolesByMember = new HashMap<>();
    if (partnership.getStatus() != null) {
      partnership.getStatus().getMemberRoles()
          .forEach(m -> rolesByMember.put(m.getMember(), ordered(m.getRoles())));
    }
    return rolesByMember;
  }

  private static boolean names(RoleBinding binding, String partnership) {
    var subject = binding.getSpec() == null ? null : binding.getSpec().getSubject();
    return subject != null && subject.getKind() == Subject.Kind.PartnerMember
        && partnership.equals(subject.getPartnership()) && subject.getName() != null;
  }

}
