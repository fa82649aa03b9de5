package dev.trellis.admission;

import dev.trellis.api.v1alpha1.RoleBinding;
import dev.trellis.api.v1alpha1.RoleBindingSpec;
import dev.trellis.model.admission.Delegation;
import dev.trellis.model.snapshot.OrgSnapshot;
import dev.trellis.reconcile.conversion.SnapshotConversion;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Decides a write of a Trellis RoleBinding by the requester, in one of two ways: Kubernetes RBAC lets them
 * {@code bind} the role (as Kubernetes' own RoleBindings), or, as a member of the organization, Trellis grants them
 * what {@link Delegation} asks. A change or a deletion needs the same over the binding as it was.
 */
public final class BindingAdmission {

  /** The outcome, with the sentence a refused requester reads. */
  public record Outcome(boolean allowed, String message) {}

  private BindingAdmission() {}

  /**
   * @param operation CREATE, UPDATE or DELETE
   * @param before the binding as it was (UPDATE, DELETE), else null
   * @param after the binding as requested (CREATE, UPDATE), else null
   * @param snapshot the organization that owns the namespace, as Trellis sees it now
   * @param mayBindByRbac whether Kubernetes RBAC lets the requester bind a role (by name)
   */
  public static Outcome decide(String operation, RoleBinding before, RoleBinding after, String username,
      OrgSnapshot snapshot, Instant now, Predicate<String> mayBindByRbac) {
    List<RoleBindingSpec> touched = new ArrayList<>();
    if (before != null && !"CREATE".equals(operation)) {
      touched.add(before.getSpec());
    }
    if (after != null && !"DELETE".equals(operation)) {
      touched.add(after.getSpec());
    }
    Delegation delegation = null;
    for (RoleBindingSpec spec : touched) {
      if (spec == null || spec.getRole() == null || spec.getScope() == null || spec.getScope().getKind() == null) {
        continue; // the schema refuses these; nothing to hold
      }
      if (mayBindByRbac.test(spec.getRole())) {
        continue;
      }
      if (delegation == null) {
        delegation = Delegation.of(snapshot, now);
      }
      Delegation.Decision decision = delegation.mayBind(username, spec.getRole(),
          SnapshotConversion.scope(spec.getScope()));
      if (!decision.allowed()) {
        return new Outcome(false, decision.message() + " (nor may they bind it through Kubernetes RBAC: verb bind"
            + " on accessroles.iam.trellis.dev " + spec.getRole() + ")");
      }
    }
    return new Outcome(true, "admitted");
  }
}
