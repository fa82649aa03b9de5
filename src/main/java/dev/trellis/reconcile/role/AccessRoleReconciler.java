package dev.trellis.reconcile.role;

import dev.trellis.api.v1alpha1.AccessRole;
import dev.trellis.api.v1alpha1.AccessRoleStatus;
import dev.trellis.model.validation.RoleValidator;
import dev.trellis.model.verdict.Verdict;
import dev.trellis.reconcile.conversion.SnapshotConversion;
import dev.trellis.reconcile.status.AccessRoleStatusAssembler;
import dev.trellis.reconcile.status.StatusAssembly;
import dev.trellis.reconcile.support.EventRecorder;
import dev.trellis.reconcile.support.ReconcileErrors;
import dev.trellis.reconcile.support.Sharding;
import dev.trellis.reconcile.support.StatusUpdates;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import java.time.Clock;

/**
 * Checks each cluster-wide role against the permission catalogue. Organizations re-check the roles their
 * bindings name when they resolve grants, so this status is what a user reads, not what grants depend on.
 */
@ControllerConfiguration(name = AccessRoleReconciler.NAME)
public class AccessRoleReconciler implements Reconciler<AccessRole> {
  public static final String NAME = "accessrole";

  private final EventRecorder events;
  private final Clock clock;

  private final Sharding sharding;

  public AccessRoleReconciler(EventRecorder events, Clock clock, Sharding sharding) {
    this.sharding = sharding;
    this.events = events;
    this.clock = clock;
  }

  @Override
  public UpdateControl<AccessRole> reconcile(AccessRole role, Context<AccessRole> context) {
    if (sharding.shard() != 0) {
      return UpdateControl.noUpdate(); // a role's status is the same in every shard: the first writes it
    }
    Verdict verdict = RoleValidator.judge(SnapshotConversion.role(role));
    AccessRoleStatus old = role.getStatus() == null ? new AccessRoleStatus() : role.getStatus();
    return StatusUpdates.patchIfChanged(role, old, AccessRoleStatusAssembler.assemble(role, verdict, clock), events);
  }

  /** A failed reconcile says so in Ready (ReconcileError) until a later one succeeds. */
  @Override
  public ErrorStatusUpdateControl<AccessRole> updateErrorStatus(AccessRole role, Context<AccessRole> context,
      Exception e) {
    if (!ReconcileErrors.worthReporting(e)) {
      return ErrorStatusUpdateControl.noStatusUpdate();
    }
    AccessRoleStatus old = role.getStatus() == null ? new AccessRoleStatus() : role.getStatus();
    return StatusUpdates.patchErrorIfChanged(role, old, StatusAssembly.failed(role, AccessRoleStatus::new,
        ReconcileErrors.ready(e, role.getMetadata().getGeneration()), clock), events);
  }
}
