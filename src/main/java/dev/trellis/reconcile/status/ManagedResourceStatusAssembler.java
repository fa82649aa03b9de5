package dev.trellis.reconcile.status;

import dev.trellis.api.v1alpha1.ManagedResource;
import dev.trellis.api.v1alpha1.ManagedResourceStatus;
import dev.trellis.model.verdict.Verdict;
import dev.trellis.reconcile.support.Conditions;
import java.time.Clock;

/** A managed resource's status: Ready as the model judged it in its organization's resolution. */
public final class ManagedResourceStatusAssembler {
  private ManagedResourceStatusAssembler() {}

  public static ManagedResourceStatus assemble(ManagedResource resource, Verdict verdict, Clock clock) {
    return StatusAssembly.assemble(resource, ManagedResourceStatus::new, s -> {}, Conditions.ready(verdict, resource),
        clock);
  }
}
