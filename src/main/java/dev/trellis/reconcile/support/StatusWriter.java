package dev.trellis.reconcile.support;

import dev.trellis.api.v1alpha1.ApiConstants;
import dev.trellis.api.v1alpha1.Condition;
import dev.trellis.api.v1alpha1.Organization;
import dev.trellis.api.v1alpha1.OrganizationPartnership;
import dev.trellis.api.v1alpha1.TrellisStatus;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Writes the status of Trellis objects that are not the primary of the reconcile writing them: only when
 * the desired status differs from the cached one, by server-side apply (so a field left out is removed),
 * with an Event when Ready changes, and with the written object put back into the informer's cache so
 * that the next reconcile compares with what was just written.
 */
@ApplicationScoped
public class StatusWriter {
  public static final String FIELD_MANAGER = "trellis-operator";
  private static final PatchContext APPLY = new PatchContext.Builder()
      .withPatchType(PatchType.SERVER_SIDE_APPLY).withFieldManager(FIELD_MANAGER).withForce(true).build();
  private static final PatchContext PARTNERSHIPS_APPLY = new PatchContext.Builder()
      .withPatchType(PatchType.SERVER_SIDE_APPLY).withFieldManager(FIELD_MANAGER + "-partnerships").withForce(true)
      .build();

  private final KubernetesClient client;
  private final EventRecorder events;
  private final Clock clock;

  public StatusWriter(KubernetesClient client, EventRecorder events, Clock clock) {
    this.client = client;
    this.events = events;
    this.clock = clock;
  }

  /**
   * Gives {@code resource} the status that {@code fill} describes plus the Ready condition {@code ready}.
   *
   * @return whether a write happened
   */
  public <S extends TrellisStatus, R extends CustomResource<?, S>> boolean write(
      R resource, Supplier<S> fresh, Consumer<S> fill, Condition ready,
      InformerEventSource<R, ?> cache, ResourceID primary) {
    S old = resource.getStatus() == null ? fresh.get() : resource.getStatus();
    S desired = fresh.get();
    fill.accept(desired);
    desired.setObservedGeneration(resource.getMetadata().getGeneration());
    desired.setConditions(Conditions.set(old.getConditions(), ready, clock));
    if (desired.equals(resource.getStatus())) {
      return false;
    }
    R written;
    try {
      // Applied from an object rather than a string: fabric8 then sends the patch without reading first.
      written = client.resource(applyConfiguration(resource, desired)).subresource("status").patch(APPLY);
    } catch (KubernetesClientException e) {
      if (e.getCode() == 404) {
        return false; // deleted meanwhile: nothing to report on
      }
      throw e;
    }
    StatusUpdates.announceReadyChange(resource, old.condition(ApiConstants.READY),
        desired.condition(ApiConstants.READY), events);
    if (cache != null && written != null) {
      cache.handleRecentResourceUpdate(primary, written, resource);
    }
    return true;
  }

  /**
   * Sets {@code status.partnerships} of an organization, a field of its own field manager: the organization
   * controller owns the rest of the status and leaves this field out of what it applies.
   */
  public void writeOrganizationPartnerships(Organization org, List<OrganizationPartnership> partnerships,
      InformerEventSource<Organization, ?> cache, ResourceID primary) {
    List<OrganizationPartnership> current = org.getStatus() == null || org.getStatus().getPartnerships() == null
        ? List.of() : org.getStatus().getPartnerships();
    if (current.equals(partnerships)) {
      return;
    }
    Map<String, Object> body = applyConfiguration(org, Map.of("partnerships", partnerships));
    Organization written = client.resources(Organization.class).withName(org.getMetadata().getName())
        .subresource("status")
        .patch(PARTNERSHIPS_APPLY, client.getKubernetesSerialization().asJson(body));
    if (cache != null && written != null) {
      cache.handleRecentResourceUpdate(primary, written, org);
    }
  }

  /** An object of the resource's kind with only its name, namespace and the desired status. */
  @SuppressWarnings("unchecked")
  private static <S, R extends CustomResource<?, S>> R applyConfiguration(R resource, S status) {
    try {
      R apply = (R) resource.getClass().getDeclaredConstructor().newInstance();
      apply.getMetadata().setName(resource.getMetadata().getName());
      apply.getMetadata().setNamespace(resource.getMetadata().getNamespace());
      apply.setSpec(null);
      apply.setStatus(status);
      return apply;
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot instantiate " + resource.getClass(), e);
    }
  }

  private static Map<String, Object> applyConfiguration(HasMetadata resource, Object status) {
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("name", resource.getMetadata().getName());
    if (resource.getMetadata().getNamespace() != null) {
      metadata.put("namespace", resource.getMetadata().getNamespace());
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("apiVersion", resource.getApiVersion());
    body.put("kind", resource.getKind());
    body.put("metadata", metadata);
    body.put("status", status);
    return body;
  }
}
