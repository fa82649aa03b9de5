package dev.trellis.reconcile.support;

import dev.trellis.api.v1alpha1.ApiConstants;
import dev.trellis.api.v1alpha1.Condition;
import dev.trellis.api.v1alpha1.Organization;
import dev.trellis.api.v1alpha1.OrganizationPartnership;
import dev.trellis.api.v1alpha1.OrganizationStatus;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes the status of Trellis objects that are not the primary of the reconcile writing them, as their kind's
 * assembler (reconcile.status) built it: only when it differs from the cached one, by server-side apply (so a
 * field left out is removed), with an Event when Ready changes, and with the written object put back into the
 * informer's cache so that the next reconcile compares with what was just written.
 */
@ApplicationScoped
public class StatusWriter {
  public static final String FIELD_MANAGER = "trellis-operator";
  private static final PatchContext APPLY = new PatchContext.Builder()
      .withPatchType(PatchType.SERVER_SIDE_APPLY).withFieldManager(FIELD_MANAGER).withForce(true).build();
  /** Its own field manager; named after the first field it wrote, kept so that upgrades keep ownership. */
  private static final PatchContext TENANCY_APPLY = new PatchContext.Builder()
      .withPatchType(PatchType.SERVER_SIDE_APPLY).withFieldManager(FIELD_MANAGER + "-partnerships").withForce(true)
      .build();

  private final KubernetesClient client;
  private final EventRecorder events;

  public StatusWriter(KubernetesClient client, EventRecorder events) {
    this.client = client;
    this.events = events;
  }

  /**
   * Gives {@code resource} the {@code desired} status (built by its kind's assembler in reconcile.status), when it
   * differs from the cached one: by server-side apply, with an Event when Ready changes, and the written object
   * put back into {@code cache} (when given) for the next reconcile to compare with.
   *
   * @return whether a write happened
   */
  public <S extends TrellisStatus, R extends CustomResource<?, S>> boolean apply(
      R resource, S desired, InformerEventSource<R, ?> cache, ResourceID primary) {
    S old = resource.getStatus();
    if (desired.equals(old)) {
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
    Optional<Condition> before = old == null ? Optional.empty() : old.condition(ApiConstants.READY);
    Optional<Condition> after = desired.condition(ApiConstants.READY);
    // An object that is Ready from its first status gets no Event: the status says so, and on a cold start
    // of a large cluster those Events were half of all requests. Every later change, and every False, has one.
    boolean firstReady = before.isEmpty() && after.map(Condition::isTrue).orElse(false);
    if (!firstReady) {
      StatusUpdates.announceReadyChange(resource, before, after, events);
    }
    if (cache != null && written != null) {
      cache.handleRecentResourceUpdate(primary, written, resource);
    }
    return true;
  }

  /**
   * Applies the tenancy controller's part of an organization's status (as reconcile.status's
   * OrganizationStatusAssembler built it: the conditions carry their transition times),
   * under a field manager of its own: the organization controller owns the rest and leaves these out of what it
   * writes.
   */
  public void applyOrganizationTenancy(Organization org, List<OrganizationPartnership> partnerships,
      List<String> accountOwners, List<String> allowedDomains, List<Condition> conditions,
      InformerEventSource<Organization, ?> cache, ResourceID primary) {
    OrganizationStatus current = org.getStatus() == null ? new OrganizationStatus() : org.getStatus();
    Map<String, Object> status = new LinkedHashMap<>();
    status.put("partnerships", partnerships);
    status.put("accountOwners", accountOwners);
    if (allowedDomains != null) {
      status.put("allowedDomains", allowedDomains);
    }
    status.put("conditions", conditions);
    Map<String, Object> body = applyConfiguration(org, status);
    Organization written = client.resources(Organization.class).withName(org.getMetadata().getName())
        .subresource("status")
        .patch(TENANCY_APPLY, client.getKubernetesSerialization().asJson(body));
    for (Condition c : conditions) {
      StatusUpdates.announceReadyChange(org, current.condition(c.getType()), Optional.of(c), events);
    }
    if (cache != null && written != null) {
      cache.handleRecentResourceUpdate(primary, written, org);
    }
  }

  /**
   * Writes the organization controller's part of an organization's status outside a reconcile's own status update
   * (its cleanup, which has none): a merge patch of {@code status}.
   */
  public void patchOrganization(Organization org, OrganizationStatus status) {
    org.setStatus(status);
    client.resource(org).patchStatus();
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
