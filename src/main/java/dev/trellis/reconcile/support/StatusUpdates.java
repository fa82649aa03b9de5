package dev.trellis.reconcile.support;

import dev.trellis.api.v1alpha1.ApiConstants;
import dev.trellis.api.v1alpha1.Condition;
import dev.trellis.api.v1alpha1.TrellisStatus;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.CustomResource;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import java.util.Objects;
import java.util.Optional;

/** Writes a status only when it changed, and emits an Event when the Ready condition changes. */
public final class StatusUpdates {
  private StatusUpdates() {}

  public static <S extends TrellisStatus, R extends CustomResource<?, S>> UpdateControl<R> patchIfChanged(
      R resource, S old, S desired, EventRecorder events) {
    if (desired.equals(old)) {
      return UpdateControl.noUpdate();
    }
    announceReadyChange(resource, old.condition(ApiConstants.READY), desired.condition(ApiConstants.READY), events);
    resource.setStatus(desired);
    return UpdateControl.patchStatus(resource);
  }

  /** {@link #patchIfChanged} for JOSDK's error status: the same comparison, Event and patch. */
  public static <S extends TrellisStatus, R extends CustomResource<?, S>> ErrorStatusUpdateControl<R> patchErrorIfChanged(
      R resource, S old, S desired, EventRecorder events) {
    if (desired.equals(old)) {
      return ErrorStatusUpdateControl.noStatusUpdate();
    }
    announceReadyChange(resource, old.condition(ApiConstants.READY), desired.condition(ApiConstants.READY), events);
    resource.setStatus(desired);
    return ErrorStatusUpdateControl.patchStatus(resource);
  }

  /** Emits an Event when the Ready condition's status or reason changes between two statuses. */
  public static void announceReadyChange(
      HasMetadata resource, Optional<Condition> before, Optional<Condition> after, EventRecorder events) {
    if (after.isEmpty()) {
      return;
    }
    Condition now = after.get();
    boolean changed = before.isEmpty()
        || !Objects.equals(before.get().getStatus(), now.getStatus())
        || !Objects.equals(before.get().getReason(), now.getReason());
    if (!changed) {
      return;
    }
    if ("True".equals(now.getStatus())) {
      events.normal(resource, now.getReason(), now.getMessage());
    } else {
      events.warning(resource, now.getReason(), now.getMessage());
    }
  }
}
