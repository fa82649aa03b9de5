package dev.trellis.reconcile.status;

import dev.trellis.api.v1alpha1.RoleBinding;
import dev.trellis.api.v1alpha1.RoleBindingStatus;
import dev.trellis.model.verdict.BindingVerdict;
import dev.trellis.reconcile.support.Conditions;
import java.time.Clock;

/** A role binding's status: Ready as the model judged it, and whether it grants anything now (effective). */
public final class RoleBindingStatusAssembler {
  private RoleBindingStatusAssembler() {}

  public static RoleBindingStatus assemble(RoleBinding binding, BindingVerdict verdict, Clock clock) {
    return StatusAssembly.assemble(binding, RoleBindingStatus::new, s -> s.setEffective(verdict.effective()),
        Conditions.ready(verdict.verdict(), binding), clock);
  }
}
