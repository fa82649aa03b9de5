package dev.trellis.reconcile.tenancy;

import dev.trellis.api.v1alpha1.Member;
import dev.trellis.api.v1alpha1.Organization;
import dev.trellis.api.v1alpha1.Partnership;
import dev.trellis.api.v1alpha1.PartnershipAcceptance;
import dev.trellis.api.v1alpha1.PartnershipPhase;
import dev.trellis.model.partnership.PartnershipObservation;
import dev.trellis.model.partnership.PartnershipStateMachine;
import dev.trellis.model.partnership.PartnershipTransition;
import dev.trellis.model.snapshot.MemberNode;
import dev.trellis.model.snapshot.PartnershipView;
import dev.trellis.reconcile.conversion.SnapshotConversion;
import java.util.List;
import java.util.Optional;

/**
 * Observes a partnership in the caches and asks the state machine where it stands. Trust is two-sided:
 * only an acceptance in the namespace of the organization whose orgId the customer named, naming the
 * customer's orgId and this partnership, counts.
 */
final class PartnershipEvaluator {
  /** Oldest first (creationTimestamp, RFC 3339 in UTC, orders as text), then by name. */
  static final java.util.Comparator<PartnershipAcceptance> FIRST_CREATED = java.util.Comparator
      .comparing((PartnershipAcceptance a) -> String.valueOf(a.getMetadata().getCreationTimestamp()))
      .thenComparing(a -> a.getMetadata().getName());

  private final TenancyView view;

  PartnershipEvaluator(TenancyView view) {
    this.view = view;
  }

  /** A partnership, what was observed of it, and the state machine's answer. */
  record Evaluation(
      Partnership partnership,
      Organization customer,
      Optional<Organization> partner,
      Optional<PartnershipAcceptance> acceptance,
      PartnershipPhase previous,
      List<PartnershipTransition> transitions,
      PartnershipTransition current) {

    PartnershipPhase phase() {
      return current.phase();
    }
  }

  Evaluation evaluate(Partnership partnership, Organization customer) {
    String customerOrgId = customer.getStatus().getOrgId();
    String partnerOrgId = partnership.getSpec().getPartnerOrgId();
    Optional<Organization> partner = view.organizationByOrgId(partnerOrgId)
        .filter(Organization::active);
    Optional<PartnershipAcceptance> acceptance =
        partner.flatMap(p -> view.in(PartnershipAcceptance.class, p.effectiveNamespace())
            .filter(a -> customerOrgId.equals(a.getSpec().getCustomerOrgId())
                && partnership.getMetadata().getName().equals(a.getSpec().getPartnership()))
            .filter(a -> a.getMetadata().getDeletionTimestamp() == null)
            // A terminated acceptance is spent: it never establishes a new partnership of the same name.
            .filter(a -> a.getStatus() == null || a.getStatus().getPhase() != PartnershipPhase.Terminated)
            // Two acceptances of one partnership: the earliest counts, whatever order the cache lists them in.
            .min(FIRST_CREATED));
    var observation = new PartnershipObservation(
        Boolean.TRUE.equals(partnership.getSpec().getTerminated()),
        Boolean.TRUE.equals(partnership.getSpec().getPaused()),
        customerOrgId.equals(partnerOrgId),
        partner.isPresent() && !customerOrgId.equals(partnerOrgId),
        acceptance.isPresent() && !customerOrgId.equals(partnerOrgId),
        customer.active());
    PartnershipPhase previous = partnership.getStatus() == null ? null : partnership.getStatus().getPhase();
    return new Evaluation(partnership, customer, partner, acceptance, previous,
        PartnershipStateMachine.settle(previous, observation),
        PartnershipStateMachine.current(previous, observation));
  }

  /** What grant resolution needs of the partnership: phase, listed members, the partner's members. */
  PartnershipView view(Evaluation e) {
    List<MemberNode> partnerMembers = e.partner()
        .map(p -> {
          // A partner member invited and not yet accepted is no member yet, on the customer's side either.
          var acceptances = SnapshotConversion.acceptances(view.countingAcceptances(p.effectiveNamespace()));
          return SnapshotConversion.members(view.in(Member.class, p.effectiveNamespace()).toList(),
              acceptances);
        })
        .orElse(List.of());
    List<String> listed = e.acceptance().map(a -> a.getSpec().getMembers()).orElse(List.of());
    return new PartnershipView(e.partnership().getMetadata().getName(), e.phase(),
        e.partner().map(p -> p.getMetadata().getName()).orElse(null), listed, partnerMembers);
  }

  /**
   * The partner members currently in the partnership: listed by the acceptance and existing, enabled, in the
   * partner organization; none unless the partnership is Established or Paused.
   */
  List<String> members(Evaluation e) {
    if (e.acceptance().isEmpty() || e.partner().isEmpty()
        || (e.phase() != PartnershipPhase.Established && e.phase() != PartnershipPhase.Paused)) {
      return List.of();
    }
    String partnerNamespace = e.partner().get().effectiveNamespace();
    return e.acceptance().get().getSpec().getMembers().stream()
        .filter(name -> view.get(Member.class, partnerNamespace, name)
            .filter(m -> m.getMetadata().getDeletionTimestamp() == null)
            .filter(m -> !Boolean.TRUE.equals(m.getSpec().getDisabled()))
            .isPresent())
        .sorted().distinct().toList();
  }
}
