package dev.trellis.reconcile.status;

import dev.trellis.api.v1alpha1.AccessRole;
import dev.trellis.api.v1alpha1.AccessRoleStatus;
import dev.trellis.model.verdict.Verdict;
import dev.trellis.reconcile.support.Conditions;
import java.time.Clock;

/** A cluster-wide role's status: Ready as the permission catalogue judges its permissions. */
public final class AccessRoleStatusAssembler {
  private AccessRoleStatusAssembler() {}

  public static AccessRoleStatus assemble(AccessRole role, Verdict verdict, Clock clock) {
    return StatusAssembly.assemble(role, AccessRoleStatus::new, s -> {}, Conditions.ready(verdict, role), clock);
  }
}
