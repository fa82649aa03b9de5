package dev.trellis.reconcile.tenancy;

import dev.trellis.api.v1alpha1.Organization;
import dev.trellis.api.v1alpha1.Partnership;
import dev.trellis.model.snapshot.OrgSnapshot;
import dev.trellis.reconcile.conversion.SnapshotConversion;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/**
 * An organization as the model sees it, built from the tenancy controller's informer caches: what its reconcile
 * resolves, and what admission decides with, so that both read the same objects the same way.
 */
@ApplicationScoped
public class OrganizationSnapshots {
  private final TenancyView view;
  private final PartnershipEvaluator evaluator;

  public OrganizationSnapshots(TenancyView view) {
    this.view = view;
    this.evaluator = new PartnershipEvaluator(view);
  }

  /**
   * The snapshot of the organization that owns {@code namespace}, as the caches hold it now; empty when no
   * organization owns it, or before the caches exist.
   */
  public Optional<OrgSnapshot> of(String namespace) {
    if (!view.attached()) {
      return Optional.empty();
    }
    return view.organizationOwning(namespace).map(org -> snapshot(org, namespace, evaluate(org, namespace)));
  }

  /** Whether the caches exist and have all finished their first list (before that, nothing can be decided). */
  public boolean ready() {
    return view.synced();
  }

  /** The organization's partnerships as the state machine sees them now. */
  List<PartnershipEvaluator.Evaluation> evaluate(Organization org, String namespace) {
    return view.in(Partnership.class, namespace)
        .filter(p -> p.getSpec() != null && p.getMetadata().getDeletionTimestamp() == null)
        .map(p -> evaluator.evaluate(p, org))
        .toList();
  }

  OrgSnapshot snapshot(Organization org, String namespace, List<PartnershipEvaluator.Evaluation> evaluations) {
    var views = evaluations.stream().map(evaluator::view).toList();
    return SnapshotConversion.build(view.inputs(org, namespace, views));
  }
}
