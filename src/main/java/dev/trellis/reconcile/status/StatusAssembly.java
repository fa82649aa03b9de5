package dev.trellis.reconcile.status;

import dev.trellis.api.v1alpha1.ApiConstants;
import dev.trellis.api.v1alpha1.Condition;
import dev.trellis.api.v1alpha1.TrellisStatus;
import dev.trellis.reconcile.support.Conditions;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.time.Clock;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * What every kind's status shares: {@code observedGeneration}, the Ready condition with a transition time that
 * moves only when its status does, and the two statuses any object can get whatever its kind — its namespace
 * belongs to no organization, or the reconcile that should judge it failed. Pure: the old status is read from the
 * object, time from the clock.
 */
public final class StatusAssembly {
  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  private StatusAssembly() {}

  /**
   * A status of the resource's kind: what {@code fill} sets, the resource's generation as observed, and its
   * conditions with {@code ready} in place of the old Ready.
   */
  public static <S extends TrellisStatus> S assemble(CustomResource<?, S> resource, Supplier<S> fresh,
      Consumer<S> fill, Condition ready, Clock clock) {
    S old = resource.getStatus() == null ? fresh.get() : resource.getStatus();
    S desired = fresh.get();
    fill.accept(desired);
    desired.setObservedGeneration(resource.getMetadata().getGeneration());
    desired.setConditions(Conditions.set(old.getConditions(), ready, clock));
    return desired;
  }

  /**
   * The status of an object whose namespace belongs to no organization: Ready=False NoOrganization with
   * {@code message}, and what {@code withoutOrganization} says of the kind's other fields.
   */
  public static <S extends TrellisStatus> S withoutOrganization(CustomResource<?, S> resource, Supplier<S> fresh,
      Consumer<S> withoutOrganization, String reason, String message, Clock clock) {
    return assemble(resource, fresh, withoutOrganization, notReady(reason, message, resource), clock);
  }

  /**
   * The status of an object whose reconcile failed: the old status kept as it is, {@code observedGeneration}
   * included (the failed reconcile observed nothing new), with {@code ready} (a ReconcileError) as Ready.
   */
  public static <S extends TrellisStatus> S failed(CustomResource<?, S> resource, Supplier<S> fresh, Condition ready,
      Clock clock) {
    S old = resource.getStatus();
    S desired = old == null ? fresh.get() : copy(old);
    desired.setObservedGeneration(old == null ? null : old.getObservedGeneration());
    desired.setConditions(Conditions.set(old == null ? null : old.getConditions(), ready, clock));
    return desired;
  }

  /** A deep copy of {@code status}, so that an assembler never changes the cached object it read. */
  @SuppressWarnings("unchecked")
  static <S> S copy(S status) {
    return (S) SERIALIZATION.clone(status);
  }

  /** A Ready=False condition for the resource's generation. */
  public static Condition notReady(String reason, String message, CustomResource<?, ?> resource) {
    return Conditions.of(ApiConstants.READY, false, reason, message, resource.getMetadata().getGeneration());
  }
}
