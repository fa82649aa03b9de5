package dev.trellis.reconcile.status;

import dev.trellis.api.v1alpha1.AddOn;
import dev.trellis.api.v1alpha1.ApiConstants;
import dev.trellis.api.v1alpha1.Condition;
import dev.trellis.api.v1alpha1.Organization;
import dev.trellis.api.v1alpha1.OrganizationPartnership;
import dev.trellis.api.v1alpha1.OrganizationStatus;
import dev.trellis.api.v1alpha1.OrganizationStatus.Phase;
import dev.trellis.api.v1alpha1.PartnershipPhase;
import dev.trellis.api.v1alpha1.ProductPackage;
import dev.trellis.api.v1alpha1.SecuritySpec;
import dev.trellis.model.members.AccessOutcome;
import dev.trellis.model.verdict.Verdict;
import dev.trellis.reconcile.support.Conditions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An organization's status, in its two parts. The organization controller owns its namespace, orgId, phase, tenant
 * tree and settings in effect ({@link #assemble}); the tenancy controller owns what its namespace's resolution
 * says — partnerships, account owners, allowed domains and the conditions AccountOwners and SingleSignOn
 * ({@link #tenancy}) — under a field manager of its own. Each part is built here and nowhere else.
 */
public final class OrganizationStatusAssembler {
  /** The status fields of the tenancy controller's part; every other field is the organization controller's. */
  public static final Set<String> TENANCY_FIELDS = Set.of("partnerships", "accountOwners", "allowedDomains");
  /** The conditions of the tenancy controller's part. */
  public static final Set<String> TENANCY_CONDITIONS = Set.of(ApiConstants.ACCOUNT_OWNERS,
      ApiConstants.SINGLE_SIGN_ON);

  private OrganizationStatusAssembler() {}

  /** What the organization controller found: everything of its part but the Ready condition. */
  public record Own(String namespace, String orgId, Phase phase, String terminatedAt, List<String> children,
      List<ProductPackage> effectivePackages, List<AddOn> effectiveAddOns, SecuritySpec effectiveSecurity) {}

  /** The tenancy controller's part, with the conditions' transition times already set. */
  public record Tenancy(List<OrganizationPartnership> partnerships, List<String> accountOwners,
      List<String> allowedDomains, List<Condition> conditions) {}

  /**
   * The organization controller's part: {@code own}, the organization's generation as observed, phase Active unless
   * said otherwise, and {@code ready} among the conditions it writes. Empty lists of children and add-ons are
   * left out.
   */
  public static OrganizationStatus assemble(Organization org, Own own, Condition ready, Clock clock) {
    OrganizationStatus status = new OrganizationStatus();
    status.setNamespace(own.namespace());
    status.setOrgId(own.orgId());
    status.setPhase(own.phase() == null ? Phase.Active : own.phase());
    status.setTerminatedAt(own.terminatedAt());
    status.setChildren(own.children() == null || own.children().isEmpty() ? null : own.children());
    status.setEffectivePackages(own.effectivePackages());
    status.setEffectiveAddOns(own.effectiveAddOns() == null || own.effectiveAddOns().isEmpty() ? null
        : own.effectiveAddOns());
    status.setEffectiveSecurity(own.effectiveSecurity());
    status.setObservedGeneration(org.getMetadata().getGeneration());
    status.setConditions(Conditions.set(ownConditions(old(org)), ready, clock));
    return status;
  }

  /**
   * The organization controller's part after a failed reconcile: as it was, observedGeneration included, with
   * {@code ready} (a ReconcileError) as Ready.
   */
  public static OrganizationStatus failed(Organization org, Condition ready, Clock clock) {
    OrganizationStatus status = own(old(org));
    status.setConditions(Conditions.set(ownConditions(old(org)), ready, clock));
    return status;
  }

  /**
   * The status of a deleted organization whose namespace is being deleted: as it is, phase Terminating. Written
   * whole, by merge patch, from the organization's cleanup (JOSDK has no status update for a deletion).
   */
  public static OrganizationStatus terminating(Organization org) {
    OrganizationStatus status = StatusAssembly.copy(old(org));
    status.setPhase(Phase.Terminating);
    return status;
  }

  /**
   * The organization controller's part of {@code status}: a copy without the tenancy controller's fields and
   * conditions. A field added to the status is the organization controller's unless listed in
   * {@link #TENANCY_FIELDS}.
   */
  public static OrganizationStatus own(OrganizationStatus status) {
    OrganizationStatus copy = StatusAssembly.copy(status);
    copy.setPartnerships(new ArrayList<>());
    copy.setAccountOwners(new ArrayList<>());
    copy.setAllowedDomains(null);
    copy.setConditions(ownConditions(status));
    return copy;
  }

  /**
   * The tenancy controller's part as the organization's resolution gives it; empty when the status already says
   * exactly that. Conditions: AccountOwners always, SingleSignOn when the organization configures single sign-on.
   */
  public static Optional<Tenancy> tenancy(Organization org, List<OrganizationPartnership> partnerships,
      AccessOutcome access, Clock clock) {
    Long generation = org.getMetadata().getGeneration();
    List<Condition> conditions = new ArrayList<>();
    conditions.add(condition(ApiConstants.ACCOUNT_OWNERS, access.ownersVerdict(), generation));
    if (org.getSpec() != null && org.getSpec().getSso() != null) {
      conditions.add(condition(ApiConstants.SINGLE_SIGN_ON, access.singleSignOn(), generation));
    }
    return tenancy(org, partnerships, access.owners(),
        access.allowedDomains() == null ? null : List.copyOf(access.allowedDomains()), conditions, clock);
  }

  /**
   * The tenancy controller's part of a terminated organization: every partnership it had, Terminated; no account
   * owners, domains or conditions. Empty when none of its partnerships is left to end.
   */
  public static Optional<Tenancy> terminated(Organization org, Clock clock) {
    List<OrganizationPartnership> partnerships = old(org).getPartnerships();
    if (partnerships == null || partnerships.stream().allMatch(p -> p.getPhase() == PartnershipPhase.Terminated)) {
      return Optional.empty();
    }
    return tenancy(org, partnerships.stream()
        .map(p -> new OrganizationPartnership(p.getSide(), p.getPartnership(), p.getCounterpart(),
            p.getCounterpartOrgId(), PartnershipPhase.Terminated))
        .toList(), List.of(), null, List.of(), clock);
  }

  private static Optional<Tenancy> tenancy(Organization org, List<OrganizationPartnership> partnerships,
      List<String> accountOwners, List<String> allowedDomains, List<Condition> conditions, Clock clock) {
    OrganizationStatus current = old(org);
    List<Condition> desired = new ArrayList<>();
    conditions.forEach(c -> desired.add(Conditions.next(current.getConditions(), c, clock)));
    desired.sort(Comparator.comparing(Condition::getType));
    List<Condition> present = current.getConditions().stream()
        .filter(c -> TENANCY_CONDITIONS.contains(c.getType()))
        .sorted(Comparator.comparing(Condition::getType)).toList();
    if (current.getPartnerships().equals(partnerships) && current.getAccountOwners().equals(accountOwners)
        && Objects.equals(current.getAllowedDomains(), allowedDomains) && present.equals(desired)) {
      return Optional.empty();
    }
    return Optional.of(new Tenancy(partnerships, accountOwners, allowedDomains, desired));
  }

  private static Condition condition(String type, Verdict verdict, Long generation) {
    return Conditions.of(type, verdict.ready(), verdict.reason(), verdict.message(), generation);
  }

  /** The conditions the organization controller writes: all but those of the tenancy controller. */
  private static List<Condition> ownConditions(OrganizationStatus status) {
    return status.getConditions().stream().filter(c -> !TENANCY_CONDITIONS.contains(c.getType())).toList();
  }

  private static OrganizationStatus old(Organization org) {
    return org.getStatus() == null ? new OrganizationStatus() : org.getStatus();
  }
}
