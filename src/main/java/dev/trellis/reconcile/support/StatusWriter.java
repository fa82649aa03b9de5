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
import dev.trellis.api.v1alpha1.OrganizationStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
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
  /** The organization's status conditions that the tenancy controller writes. */
  public static final Set<String> TENANCY_CONDITIONS = Set.of(ApiConstants.ACCOUNT_OWNERS,
      ApiConstants.SINGLE_SIGN_ON);
  /** Its own field manager; named after the first field it wrote, kept so that upgrades keep ownership. */
  private static final PatchContext TENANCY_APPLY = new PatchContext.Builder()
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
    return write(resource, fresh, fill, ready, cache, primary, resource.getMetadata().getGeneration());
  }

  private <S extends TrellisStatus, R extends CustomResource<?, S>> boolean write(
      R resource, Supplier<S> fresh, Consumer<S> fill, Condition ready,
      InformerEventSource<R, ?> cache, ResourceID primary, Long observedGeneration) {
    S old = resource.getStatus() == null ? fresh.get() : resource.getStatus();
    S desired = fresh.get();
    fill.accept(desired);
    desired.setObservedGeneration(observedGeneration);
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
    // An object that is Ready from its first status gets no Event: the status says so, and on a cold start
    // of a large cluster those Events were half of all requests. Every later change, and every False, has one.
    boolean firstReady = old.condition(ApiConstants.READY).isEmpty()
        && desired.condition(ApiConstants.READY).map(Condition::isTrue).orElse(false);
    if (!firstReady) {
      StatusUpdates.announceReadyChange(resource, old.condition(ApiConstants.READY),
          desired.condition(ApiConstants.READY), events);
    }
    if (cache != null && written != null) {
      cache.handleRecentResourceUpdate(primary, written, resource);
    }
    return true;
  }

  /**
   * Puts {@code ready} (a ReconcileError) into the Ready condition of {@code resource} and keeps the rest of its
   * status as it is, observedGeneration included: the failed reconcile observed nothing new. Nothing is written
   * when Ready already says exactly that.
   *
   * @return whether a write happened
   */
  public <S extends TrellisStatus, R extends CustomResource<?, S>> boolean writeReady(
      R resource, Supplier<S> fresh, Condition ready, InformerEventSource<R, ?> cache, ResourceID primary) {
    S old = resource.getStatus();
    @SuppressWarnings("unchecked")
    Supplier<S> kept = () -> old == null ? fresh.get() : (S) client.getKubernetesSerialization().clone(old);
    return write(resource, kept, s -> {}, ready, cache, primary, old == null ? null : old.getObservedGeneration());
  }

  /**
   * Sets the fields of an organization's status that come from its namespace's resolution: partnerships, account
   * owners, allowed domains, and the conditions AccountOwners and SingleSignOn. They belong to a field manager of
   * their own (conditions are a list keyed by type); the organization controller owns the rest and leaves these
   * out of what it applies.
   */
  public void writeOrganizationTenancy(Organization org, List<OrganizationPartnership> partnerships,
      List<String> accountOwners, List<String> allowedDomains, List<Condition> conditions,
      InformerEventSource<Organization, ?> cache, ResourceID primary) {
    OrganizationStatus current = org.getStatus() == null ? new OrganizationStatus() : org.getStatus();
    List<Condition> desired = new ArrayList<>();
    conditions.forEach(c -> desired.add(Conditions.next(current.getConditions(), c, clock)));
    desired.sort(java.util.Comparator.comparing(Condition::getType));
    List<Condition> present = current.getConditions().stream()
        .filter(c -> TENANCY_CONDITIONS.contains(c.getType()))
        .sorted(java.util.Comparator.comparing(Condition::getType)).toList();
    if (current.getPartnerships().equals(partnerships) && current.getAccountOwners().equals(accountOwners)
        && Objects.equals(current.getAllowedDomains(), allowedDomains) && present.equals(desired)) {
      return;
    }
    Map<String, Object> status = new LinkedHashMap<>();
    status.put("partnerships", partnerships);
    status.put("accountOwners", accountOwners);
    if (allowedDomains != null) {
      status.put("allowedDomains", allowedDomains);
    }
    status.put("conditions", desired);
    Map<String, Object> body = applyConfiguration(org, status);
    Organization written = client.resources(Organization.class).withName(org.getMetadata().getName())
        .subresource("status")
        .patch(TENANCY_APPLY, client.getKubernetesSerialization().asJson(body));
    for (Condition c : desired) {
      StatusUpdates.announceReadyChange(org, current.condition(c.getType()), Optional.of(c), events);
    }
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
