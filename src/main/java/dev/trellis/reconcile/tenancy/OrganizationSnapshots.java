package dev.trellis.reconcile.tenancy;

import dev.trellis.reconcile.conversion.SnapshotConversion;
import dev.trellis.api.v1alpha1.Organization;
import dev.trellis.model.snapshot.OrgSnapshot;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/**
 * An organization as the model sees it, built from the tenancy controller's informer caches: what its reconcile
 * resolves, and what admission decides with, so that both read the same objects the same way.
 */
@ApplicationScoped
public class OrganizationSnapshots {
  private volatile TenancySources sources;
  private volatile PartnershipEvaluator evaluator;

  /** Called by the tenancy controller once its caches exist. */
  void attach(TenancySources sources, PartnershipEvaluator evaluator) {
    this.evaluator = evaluator;
    this.sources = sources;
  }

  /**
   * The snapshot of the organization that owns {@code namespace}, as the caches hold it now; empty when no
   * organization owns it, or before the caches exist.
   */
  public Optional<OrgSnapshot> of(String namespace) {
    TenancySources current = sources;
    if (current == null) {
      return Optional.empty();
    }
    return current.organizationOwning(namespace).map(org -> snapshot(org, namespace, evaluate(org, namespace)));
  }

  /** The tenancy controller's caches, or null before they exist. */
  TenancySources sources() {
    return sources;
  }

  /** Whether the caches exist and have all finished their first list (before that, nothing can be decided). */
  public boolean ready() {
    return sources != null && sources.synced();
  }

  /** The organization's partnerships as the state machine sees them now. */
  List<PartnershipEvaluator.Evaluation> evaluate(Organization org, String namespace) {
    return TenancySources.in(sources.partnerships, namespace)
        .filter(p -> p.getSpec() != null && p.getMetadata().getDeletionTimestamp() == null)
        .map(p -> evaluator.evaluate(p, org))
        .toList();
  }

  OrgSnapshot snapshot(Organization org, String namespace, List<PartnershipEvaluator.Evaluation> evaluations) {
    var views = evaluations.stream().map(evaluator::view).toList();
    return SnapshotConversion.build(sources.inputs(org, namespace, views));
  }
}
