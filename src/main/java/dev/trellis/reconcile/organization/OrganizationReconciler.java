package dev.trellis.reconcile.organization;

import dev.trellis.api.v1alpha1.ApiConstants;
import dev.trellis.api.v1alpha1.Condition;
import dev.trellis.api.v1alpha1.Organization;
import dev.trellis.api.v1alpha1.OrganizationStatus;
import dev.trellis.api.v1alpha1.OrganizationStatus.Phase;
import dev.trellis.model.Reasons;
import dev.trellis.model.organization.NamespaceClaim;
import dev.trellis.model.organization.NamespaceClaim.Action;
import dev.trellis.model.packages.PackageAvailability;
import dev.trellis.model.security.EffectiveSecurity;
import dev.trellis.model.security.SecurityDocument;
import dev.trellis.model.tenancy.TenantTree;
import dev.trellis.model.verdict.Verdict;
import dev.trellis.reconcile.conversion.BrandingConversion;
import dev.trellis.reconcile.conversion.SecurityConversion;
import dev.trellis.reconcile.conversion.TenantTreeConversion;
import dev.trellis.reconcile.mappers.BrandingImagesToOrganizationMapper;
import dev.trellis.reconcile.mappers.ManagedConfigMapToOrganizationMapper;
import dev.trellis.reconcile.mappers.NamespaceToOrganizationMapper;
import dev.trellis.reconcile.mappers.OrganizationToTenantTreeNeighboursMapper;
import dev.trellis.reconcile.status.OrganizationStatusAssembler;
import dev.trellis.reconcile.support.CacheReadiness;
import dev.trellis.reconcile.support.Conditions;
import dev.trellis.reconcile.support.ConfigMapApplier;
import dev.trellis.reconcile.support.EventRecorder;
import dev.trellis.reconcile.support.ReconcileErrors;
import dev.trellis.reconcile.support.Sharding;
import dev.trellis.reconcile.support.StatusUpdates;
import dev.trellis.reconcile.support.StatusWriter;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Gives each organization its namespace and its orgId, and deletes the namespace with the organization. */
@ControllerConfiguration(name = OrganizationReconciler.NAME, finalizerName = ApiConstants.FINALIZER)
public class OrganizationReconciler implements Reconciler<Organization>, Cleaner<Organization> {
  public static final String NAME = "organization";
  /** The ConfigMap, in each organization's namespace, holding its effective security policy. */
  public static final String SECURITY_CONFIGMAP = "trellis-security";
  /** The ConfigMap, in each organization's namespace, holding its branding and images. */
  public static final String BRANDING_CONFIGMAP = "trellis-branding";
  /** Label a user's ConfigMap of branding images carries, so that Trellis watches it. */
  public static final String BRANDING_IMAGES_LABEL = ApiConstants.GROUP + "/branding";
  private static final long WAIT_FOR_NAMESPACE_MILLIS = 10_000;
  /** Objects per page of an informer's first list, so that it is decoded a page at a time. */
  private static final long LIST_PAGE = 500;

  private final EventRecorder events;
  private final StatusWriter statuses;
  private final Clock clock;
  private InformerEventSource<Namespace, Organization> namespaces;
  private InformerEventSource<ConfigMap, Organization> configMaps;
  private InformerEventSource<ConfigMap, Organization> brandingImages;
  private InformerEventSource<Organization, Organization> tree;
  private final CacheReadiness readiness;

  private final Sharding sharding;

  public OrganizationReconciler(EventRecorder events, StatusWriter statuses, Clock clock, CacheReadiness readiness,
      Sharding sharding) {
    this.sharding = sharding;
    this.readiness = readiness;
    this.events = events;
    this.statuses = statuses;
    this.clock = clock;
  }

  /** Whether every cache of this controller has finished its first list. */
  private boolean synced() {
    return CacheReadiness.listed(java.util.Arrays.asList(namespaces, tree, configMaps, brandingImages));
  }

  @Override
  public List<EventSource<?, Organization>> prepareEventSources(EventSourceContext<Organization> context) {
    NamespaceToOrganizationMapper.index(context.getPrimaryCache());
    namespaces = new InformerEventSource<>(
        InformerEventSourceConfiguration.from(Namespace.class, Organization.class)
            .withInformerListLimit(LIST_PAGE)
            .withSecondaryToPrimaryMapper(new NamespaceToOrganizationMapper(context.getPrimaryCache()))
            .build(),
        context);
    OrganizationToTenantTreeNeighboursMapper.index(context.getPrimaryCache());
    tree = new InformerEventSource<>(
        InformerEventSourceConfiguration.from(Organization.class, Organization.class)
            .withName("tenant-tree")
            .withInformerListLimit(LIST_PAGE)
            .withSecondaryToPrimaryMapper(new OrganizationToTenantTreeNeighboursMapper(context.getPrimaryCache()))
            .build(),
        context);
    configMaps = new InformerEventSource<>(
        InformerEventSourceConfiguration.from(ConfigMap.class, Organization.class)
            .withName("organization-configmaps")
            .withLabelSelector(ApiConstants.MANAGED_BY_LABEL + "=" + ApiConstants.MANAGED_BY + ","
                + ApiConstants.ORGANIZATION_LABEL)
            .withInformerListLimit(LIST_PAGE)
            .withSecondaryToPrimaryMapper(new ManagedConfigMapToOrganizationMapper())
            .build(),
        context);
    brandingImages = new InformerEventSource<>(
        InformerEventSourceConfiguration.from(ConfigMap.class, Organization.class)
            .withName("branding-images")
            .withLabelSelector(BRANDING_IMAGES_LABEL + "=images")
            .withInformerListLimit(LIST_PAGE)
            .withSecondaryToPrimaryMapper(new BrandingImagesToOrganizationMapper(context.getPrimaryCache()))
            .build(),
        context);
    readiness.register(NAME, this::synced);
    return List.of(namespaces, tree, configMaps, brandingImages);
  }

  @Override
  public UpdateControl<Organization> reconcile(Organization org, Context<Organization> context) {
    String name = org.getMetadata().getName();
    if (!sharding.serves(org.effectiveNamespace())) {
      return UpdateControl.noUpdate(); // another operator process serves this organization
    }
    if (!synced()) {
      // A cache still empty after a failed first list would read as "no namespace", "no parent": wait for all.
      return UpdateControl.<Organization>noUpdate().rescheduleAfter(CacheReadiness.RETRY_WHILE_LISTING.toMillis());
    }
    String namespaceName = org.effectiveNamespace();
    Optional<Namespace> namespace = namespace(namespaceName);
    List<Organization> organizations = context.getPrimaryCache().list().toList();
    TenantTree tree = TenantTreeConversion.tree(organizations);
    PackageAvailability subscription = TenantTreeConversion.subscriptions(tree, organizations).of(name);
    EffectiveSecurity security = SecurityConversion.tree(tree, organizations).of(name);
    BrandingConversion branding = BrandingConversion.of(org, brandingImages);
    OrganizationStatus old = org.getStatus() == null ? new OrganizationStatus() : org.getStatus();
    Termination termination = org.terminationRequested() ? terminate(org, namespace, old, context) : null;
    Condition ready = termination != null ? termination.ready()
        : ensureNamespace(org, namespace, context, tree.verdict(name),
            firstProblem(subscription.verdict(), security.verdict(), branding.verdict()));
    // The orgId (the UID) is what partners and children are told: only an organization that owns its namespace
    // gets one, so a namespace squatted by another never makes its squatter reachable under it. Once given it
    // stays; while the organization owns no namespace it resolves to nothing (TenancyView.organizationByOrgId).
    String uid = org.getMetadata().getUid();
    String orgId = ready.isTrue() || owns(org, namespace) || uid.equals(old.getOrgId()) ? uid : null;
    if (!org.terminationRequested()) {
      // Only into a namespace this organization owns: never into another organization's (NamespaceConflict).
      if (ready.isTrue() || owns(org, namespace)) {
        projectSecurity(org, security, context);
        // Invalid branding keeps the last good projection: someone's typo must not blank the login page.
        if (branding.verdict().ready() && !branding.data().isEmpty()) {
          project(org, BRANDING_CONFIGMAP, branding.data(), branding.binaryData(), context);
        }
      }
    }
    OrganizationStatus status = OrganizationStatusAssembler.assemble(org, new OrganizationStatusAssembler.Own(
        namespaceName, orgId, termination == null ? null : termination.phase(),
        termination == null ? null : termination.terminatedAt(), tree.children(name),
        List.copyOf(subscription.effective().packages()), List.copyOf(subscription.effective().addOns()),
        org.terminationRequested() ? null
            : SecurityConversion.status(security.policy(), org.getSpec().getSecurity())),
        ready, clock);
    labelPhase(org, status.getPhase(), context);
    // The tenancy controller's part of the status is compared without, and applied without.
    return StatusUpdates.patchIfChanged(org, OrganizationStatusAssembler.own(old), status, events);
  }

  /** What termination has reached: the phase, when it ended (Inactive), and Ready saying so. */
  private record Termination(Phase phase, String terminatedAt, Condition ready) {}

  /**
   * Creates or adopts the namespace; Ready also tells the organization's place in the tenant tree and the first
   * problem of its settings (packages, security, branding).
   */
  private Condition ensureNamespace(Organization org, Optional<Namespace> namespace, Context<Organization> context,
      Verdict position, Verdict settings) {
    String name = org.getMetadata().getName();
    String namespaceName = org.effectiveNamespace();
    Action action = NamespaceClaim.judge(name, org.getMetadata().getUid(), namespace.isPresent(),
        namespace.map(ns -> ns.getMetadata().getLabels()).orElse(null),
        namespace.map(ns -> ns.getMetadata().getAnnotations()).orElse(null),
        namespace.map(ns -> ns.getMetadata().getDeletionTimestamp() != null).orElse(false));
    return switch (action) {
      case CREATE, ADOPT, OWNED -> {
        if (action == Action.CREATE) {
          if (!create(desiredNamespace(org, true), context)) {
            yield Conditions.of(ApiConstants.READY, false, Reasons.NAMESPACE_NOT_OWNED, "Namespace " + namespaceName
                + " appeared while Trellis was creating it; Trellis does not take over a namespace it did not"
                + " create.", generation(org));
          }
        } else if (action == Action.ADOPT || !hasManagedLabels(namespace.get()) || !filed(namespace.get())) {
          context.getClient().namespaces().resource(desiredNamespace(org, false))
              .fieldManager(StatusWriter.FIELD_MANAGER).forceConflicts().serverSideApply();
        }
        if (action == Action.ADOPT) {
          events.normal(org, "AdoptedNamespace", "Took over namespace " + namespaceName
              + ", which a cluster administrator marked with " + ApiConstants.ADOPT_ANNOTATION + "=" + name + ".");
        }
        if (!position.ready()) {
          yield Conditions.of(ApiConstants.READY, false, position.reason(), position.message(), generation(org));
        }
        yield settings.ready()
            ? Conditions.of(ApiConstants.READY, true, Reasons.READY,
                "The organization owns namespace " + namespaceName + ".", generation(org))
            : Conditions.of(ApiConstants.READY, false, settings.reason(), settings.message(), generation(org));
      }
      case NOT_OWNED -> Conditions.of(ApiConstants.READY, false, Reasons.NAMESPACE_NOT_OWNED,
          "Namespace " + namespaceName + " already exists and Trellis did not create it; choose another"
              + " spec.namespace, or have a cluster administrator annotate the namespace "
              + ApiConstants.ADOPT_ANNOTATION + "=" + name + " to hand it over.",
          generation(org));
      case CONFLICT -> Conditions.of(ApiConstants.READY, false, Reasons.NAMESPACE_CONFLICT,
          "Namespace " + namespaceName + " belongs to " + ownerOf(namespace.get())
              + "; delete this organization and create it again with another spec.namespace.",
          generation(org));
      case TERMINATING -> Conditions.of(ApiConstants.READY, false, Reasons.NAMESPACE_TERMINATING,
          "Namespace " + namespaceName + " is being deleted; Trellis creates it again once it is gone.",
          generation(org));
    };
  }

  /**
   * Termination deletes the organization's namespace and everything in it, then keeps the Organization as an
   * Inactive record. A namespace the organization never owned is left alone.
   */
  private Termination terminate(Organization org, Optional<Namespace> namespace, OrganizationStatus old,
      Context<Organization> context) {
    String namespaceName = org.effectiveNamespace();
    if (owns(org, namespace) && !createdFor(org, namespace)) {
      release(org, context);
    } else if (createdFor(org, namespace)) {
      if (namespace.get().getMetadata().getDeletionTimestamp() == null) {
        context.getClient().namespaces().withName(namespaceName).delete();
      }
      return new Termination(Phase.Terminating, null, Conditions.of(ApiConstants.READY, false,
          Reasons.TERMINATING, "The organization is being terminated: namespace " + namespaceName
              + " and everything in it are being deleted.",
          generation(org)));
    }
    // Its partnerships ended with its data: the record says so.
    OrganizationStatusAssembler.terminated(org, clock)
        .ifPresent(part -> statuses.applyOrganizationTenancy(org, part.partnerships(), part.accountOwners(),
            part.allowedDomains(),
            part.conditions(), null, null));
    String terminatedAt = old.getTerminatedAt() != null ? old.getTerminatedAt()
        : Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString();
    return new Termination(Phase.Inactive, terminatedAt, Conditions.of(ApiConstants.READY, false, Reasons.INACTIVE,
        "The organization was terminated at " + terminatedAt + "; its data is deleted and it is kept as a record.",
        generation(org)));
  }

  /** The effective policy, for the gateways that enforce it: ConfigMap trellis-security, written on change. */
  private void projectSecurity(Organization org, EffectiveSecurity security, Context<Organization> context) {
    project(org, SECURITY_CONFIGMAP, SecurityDocument.render(security.policy()), Map.of(), context);
  }

  /** Writes one of the organization's ConfigMaps by server-side apply, only when its content changed. */
  private void project(Organization org, String name, Map<String, String> data, Map<String, String> binaryData,
      Context<Organization> context) {
    ConfigMap desired = new ConfigMapBuilder()
        .withNewMetadata()
        .withName(name)
        .withNamespace(org.effectiveNamespace())
        .addToLabels(ApiConstants.MANAGED_BY_LABEL, ApiConstants.MANAGED_BY)
        .addToLabels(ApiConstants.ORGANIZATION_LABEL, org.getMetadata().getName())
        .endMetadata()
        .withData(data)
        .withBinaryData(binaryData.isEmpty() ? null : binaryData)
        .build();
    ConfigMapApplier.applyIfChanged(context.getClient(), desired, configMaps, ResourceID.fromResource(org));
  }

  /** The first of these verdicts that is not Ready, or a Ready one. */
  private static Verdict firstProblem(Verdict... verdicts) {
    for (var verdict : verdicts) {
      if (!verdict.ready()) {
        return verdict;
      }
    }
    return verdicts[0];
  }

  /** Labels the Organization with its phase, so users can filter: -l iam.trellis.dev/status=inactive. */
  private static void labelPhase(Organization org, Phase phase, Context<Organization> context) {
    String value = phase == null ? "active" : phase.name().toLowerCase(java.util.Locale.ROOT);
    Map<String, String> labels = org.getMetadata().getLabels();
    if (labels != null && value.equals(labels.get(ApiConstants.STATUS_LABEL))) {
      return;
    }
    mergePatch(context.getClient().resources(Organization.class).withName(org.getMetadata().getName()),
        Map.of(ApiConstants.STATUS_LABEL, value), Map.of());
  }

  @Override
  public DeleteControl cleanup(Organization org, Context<Organization> context) {
    if (!sharding.serves(org.effectiveNamespace())) {
      return DeleteControl.noFinalizerRemoval(); // the process that serves it cleans up and removes the finalizer
    }
    if (!synced()) {
      return DeleteControl.noFinalizerRemoval().rescheduleAfter(CacheReadiness.RETRY_WHILE_LISTING.toMillis());
    }
    String namespaceName = org.effectiveNamespace();
    Optional<Namespace> namespace = namespace(namespaceName);
    if (!createdFor(org, namespace)) {
      // Adopted: it was someone's before; hand it back unmarked, with its contents. Never ours: leave it alone.
      if (owns(org, namespace)) {
        release(org, context);
      }
      return DeleteControl.defaultDelete();
    }
    if (namespace.get().getMetadata().getDeletionTimestamp() == null) {
      context.getClient().namespaces().withName(namespaceName).delete();
      events.normal(org, "DeletingNamespace",
          "Deleting namespace " + namespaceName + " and everything in it before removing the organization.");
    }
    if (org.getStatus() != null && org.getStatus().getPhase() != Phase.Terminating) {
      statuses.patchOrganization(org, OrganizationStatusAssembler.terminating(org));
    }
    // The namespace's deletion event brings us back; the reschedule is a safety net.
    return DeleteControl.noFinalizerRemoval().rescheduleAfter(WAIT_FOR_NAMESPACE_MILLIS);
  }

  private Optional<Namespace> namespace(String name) {
    return namespaces.get(new ResourceID(name));
  }

  /** Whether the namespace carries this organization's label and UID, and is not being deleted. */
  private static boolean owns(Organization org, Optional<Namespace> namespace) {
    return namespace.map(ns -> ns.getMetadata().getDeletionTimestamp() == null && labelledFor(org, ns))
        .orElse(false);
  }

  /** Whether Trellis created the namespace for this very organization (its UID), so that it may delete it. */
  private static boolean createdFor(Organization org, Optional<Namespace> namespace) {
    return namespace.map(ns -> labelledFor(org, ns)
        && NamespaceClaim.createdFor(org.getMetadata().getUid(), ns.getMetadata().getAnnotations()))
        .orElse(false);
  }

  /** Whether the namespace carries this organization's label and UID, being deleted or not. */
  private static boolean labelledFor(Organization org, Namespace namespace) {
    return NamespaceClaim.owns(org.getMetadata().getName(), org.getMetadata().getUid(),
        namespace.getMetadata().getLabels(), namespace.getMetadata().getAnnotations());
  }

  private static String ownerOf(Namespace namespace) {
    var labels = namespace.getMetadata().getLabels();
    String owner = labels == null ? null : labels.get(ApiConstants.ORGANIZATION_LABEL);
    return owner == null ? "another organization" : "organization " + owner;
  }

  /** Creates the namespace; false when someone else created it first (it is then not ours). */
  private static boolean create(Namespace desired, Context<Organization> context) {
    try {
      context.getClient().namespaces().resource(desired).create();
      return true;
    } catch (io.fabric8.kubernetes.client.KubernetesClientException e) {
      if (e.getCode() == java.net.HttpURLConnection.HTTP_CONFLICT) {
        return false;
      }
      throw e;
    }
  }

  /** Removes this organization's label and UID from an adopted namespace it no longer owns. */
  private static void release(Organization org, Context<Organization> context) {
    Map<String, String> labels = new java.util.HashMap<>();
    labels.put(ApiConstants.ORGANIZATION_LABEL, null);
    labels.put(ApiConstants.MANAGED_BY_LABEL, null);
    Map<String, String> annotations = new java.util.HashMap<>();
    annotations.put(ApiConstants.OWNER_UID_ANNOTATION, null);
    mergePatch(context.getClient().namespaces().withName(org.effectiveNamespace()), labels, annotations);
  }

  /** A JSON merge patch of an object's labels and annotations; a null value removes the key. */
  private static void mergePatch(
      io.fabric8.kubernetes.client.dsl.Resource<? extends io.fabric8.kubernetes.api.model.HasMetadata> resource,
      Map<String, String> labels, Map<String, String> annotations) {
    Map<String, Object> metadata = new java.util.LinkedHashMap<>();
    if (!labels.isEmpty()) {
      metadata.put("labels", labels);
    }
    if (!annotations.isEmpty()) {
      metadata.put("annotations", annotations);
    }
    try {
      // Plain Jackson: a null value must be sent as null, which is how a merge patch removes a key.
      resource.patch(PatchContext.of(PatchType.JSON_MERGE),
          MERGE_PATCH.writeValueAsString(Map.of("metadata", metadata)));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Whether the namespace carries the label of the shard that serves it (always, without shards); this process
   * reconciles only the organizations it serves, so that is its own label.
   */
  private boolean filed(Namespace namespace) {
    return !sharding.enabled() || sharding.selects(namespace);
  }

  private static boolean hasManagedLabels(Namespace namespace) {
    Map<String, String> labels = namespace.getMetadata().getLabels();
    return labels != null && ApiConstants.MANAGED_BY.equals(labels.get(ApiConstants.MANAGED_BY_LABEL));
  }

  /** The organization's namespace: labelled for it, with its UID, and (when Trellis creates it) created for it. */
  private Namespace desiredNamespace(Organization org, boolean creating) {
    String uid = org.getMetadata().getUid();
    return new NamespaceBuilder()
        .withNewMetadata()
        .withName(org.effectiveNamespace())
        .addToLabels(ApiConstants.ORGANIZATION_LABEL, org.getMetadata().getName())
        .addToLabels(ApiConstants.MANAGED_BY_LABEL, ApiConstants.MANAGED_BY)
        // With shards, which one serves it: the webhook configuration routes the namespace's reviews by it.
        .addToLabels(sharding.enabled() ? Map.of(Sharding.LABEL, sharding.valueFor(org.effectiveNamespace()))
            : Map.of())
        .addToAnnotations(ApiConstants.OWNER_UID_ANNOTATION, uid)
        .addToAnnotations(creating ? Map.of(ApiConstants.CREATED_FOR_ANNOTATION, uid) : Map.of())
        .endMetadata()
        .build();
  }

  /**
   * A reconcile that failed (an API call refused, an unexpected exception) says so in Ready, reason ReconcileError,
   * until a later one succeeds and writes Ready from the organization's state again. The rest of the status stays.
   */
  @Override
  public ErrorStatusUpdateControl<Organization> updateErrorStatus(Organization org, Context<Organization> context,
      Exception e) {
    if (!ReconcileErrors.worthReporting(e)) {
      return ErrorStatusUpdateControl.noStatusUpdate();
    }
    OrganizationStatus old = org.getStatus() == null ? new OrganizationStatus() : org.getStatus();
    return StatusUpdates.patchErrorIfChanged(org, OrganizationStatusAssembler.own(old),
        OrganizationStatusAssembler.failed(org, ReconcileErrors.ready(e, generation(org)), clock), events);
  }

  private static final com.fasterxml.jackson.databind.ObjectMapper MERGE_PATCH =
      new com.fasterxml.jackson.databind.ObjectMapper();

  private static Long generation(Organization org) {
    return org.getMetadata().getGeneration();
  }
}
