package dev.trellis.reconcile.organization;

import static dev.trellis.model.organization.NamespaceClaim.Verdict;

import dev.trellis.api.v1alpha1.ApiConstants;
import dev.trellis.api.v1alpha1.Organization;
import dev.trellis.api.v1alpha1.OrganizationStatus;
import dev.trellis.api.v1alpha1.OrganizationStatus.Phase;
import dev.trellis.model.Reasons;
import dev.trellis.model.organization.NamespaceClaim;
import dev.trellis.reconcile.support.Conditions;
import dev.trellis.reconcile.support.EventRecorder;
import dev.trellis.reconcile.support.StatusUpdates;
import dev.trellis.api.v1alpha1.Condition;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Gives each organization its namespace and its orgId, and deletes the namespace with the organization. */
@ControllerConfiguration(name = OrganizationReconciler.NAME, finalizerName = ApiConstants.FINALIZER)
public class OrganizationReconciler implements Reconciler<Organization>, Cleaner<Organization> {
  public static final String NAME = "organization";
  static final String FIELD_MANAGER = "trellis-operator";
  private static final long WAIT_FOR_NAMESPACE_MILLIS = 10_000;

  private final EventRecorder events;
  private final Clock clock;
  private InformerEventSource<Namespace, Organization> namespaces;

  public OrganizationReconciler(EventRecorder events, Clock clock) {
    this.events = events;
    this.clock = clock;
  }

  @Override
  public List<EventSource<?, Organization>> prepareEventSources(EventSourceContext<Organization> context) {
    NamespaceToOrganizationMapper.index(context.getPrimaryCache());
    namespaces = new InformerEventSource<>(
        InformerEventSourceConfiguration.from(Namespace.class, Organization.class)
            .withSecondaryToPrimaryMapper(new NamespaceToOrganizationMapper(context.getPrimaryCache()))
            .build(),
        context);
    return List.of(namespaces);
  }

  @Override
  public UpdateControl<Organization> reconcile(Organization org, Context<Organization> context) {
    String name = org.getMetadata().getName();
    String namespaceName = org.effectiveNamespace();
    Optional<Namespace> namespace = namespace(namespaceName);
    Verdict verdict = NamespaceClaim.judge(name, namespace.isPresent(),
        namespace.map(ns -> ns.getMetadata().getLabels()).orElse(null),
        namespace.map(ns -> ns.getMetadata().getDeletionTimestamp() != null).orElse(false));

    Condition ready = switch (verdict) {
      case CREATE, ADOPT, OWNED -> {
        if (verdict != Verdict.OWNED || !hasManagedLabels(namespace.get())) {
          context.getClient().namespaces().resource(desiredNamespace(name, namespaceName))
              .fieldManager(FIELD_MANAGER).forceConflicts().serverSideApply();
        }
        yield Conditions.of(ApiConstants.READY, true, Reasons.READY,
            "The organization owns namespace " + namespaceName + ".", generation(org));
      }
      case CONFLICT -> Conditions.of(ApiConstants.READY, false, Reasons.NAMESPACE_CONFLICT,
          "Namespace " + namespaceName + " belongs to organization "
              + namespace.get().getMetadata().getLabels().get(ApiConstants.ORGANIZATION_LABEL)
              + "; delete this organization and create it again with another spec.namespace.",
          generation(org));
      case TERMINATING -> Conditions.of(ApiConstants.READY, false, Reasons.NAMESPACE_TERMINATING,
          "Namespace " + namespaceName + " is being deleted; Trellis creates it again once it is gone.",
          generation(org));
    };

    OrganizationStatus old = org.getStatus() == null ? new OrganizationStatus() : org.getStatus();
    OrganizationStatus status = new OrganizationStatus();
    status.setOrgId(old.getOrgId() != null ? old.getOrgId() : org.getMetadata().getUid());
    status.setNamespace(namespaceName);
    status.setPhase(Phase.Active);
    status.setObservedGeneration(generation(org));
    status.setConditions(Conditions.set(old.getConditions(), ready, clock));
    // status.partnerships belongs to the tenancy controller: compare without it, and apply without it.
    OrganizationStatus comparable = copyWithoutPartnerships(old);
    return StatusUpdates.patchIfChanged(org, comparable, status, events);
  }

  @Override
  public DeleteControl cleanup(Organization org, Context<Organization> context) {
    String namespaceName = org.effectiveNamespace();
    Optional<Namespace> namespace = namespace(namespaceName);
    boolean ours = namespace.map(ns -> org.getMetadata().getName().equals(
        ns.getMetadata().getLabels() == null ? null : ns.getMetadata().getLabels().get(ApiConstants.ORGANIZATION_LABEL)))
        .orElse(false);
    if (!ours) {
      return DeleteControl.defaultDelete();
    }
    if (namespace.get().getMetadata().getDeletionTimestamp() == null) {
      context.getClient().namespaces().withName(namespaceName).delete();
      events.normal(org, "DeletingNamespace",
          "Deleting namespace " + namespaceName + " and everything in it before removing the organization.");
    }
    if (org.getStatus() != null && org.getStatus().getPhase() != Phase.Terminating) {
      org.getStatus().setPhase(Phase.Terminating);
      context.getClient().resource(org).patchStatus();
    }
    // The namespace's deletion event brings us back; the reschedule is a safety net.
    return DeleteControl.noFinalizerRemoval().rescheduleAfter(WAIT_FOR_NAMESPACE_MILLIS);
  }

  private Optional<Namespace> namespace(String name) {
    return namespaces.get(new ResourceID(name));
  }

  private static boolean hasManagedLabels(Namespace namespace) {
    Map<String, String> labels = namespace.getMetadata().getLabels();
    return labels != null && ApiConstants.MANAGED_BY.equals(labels.get(ApiConstants.MANAGED_BY_LABEL));
  }

  private static Namespace desiredNamespace(String organization, String name) {
    return new NamespaceBuilder()
        .withNewMetadata()
          .withName(name)
          .addToLabels(ApiConstants.ORGANIZATION_LABEL, organization)
          .addToLabels(ApiConstants.MANAGED_BY_LABEL, ApiConstants.MANAGED_BY)
        .endMetadata()
        .build();
  }

  private static OrganizationStatus copyWithoutPartnerships(OrganizationStatus status) {
    OrganizationStatus copy = new OrganizationStatus();
    copy.setOrgId(status.getOrgId());
    copy.setNamespace(status.getNamespace());
    copy.setPhase(status.getPhase());
    copy.setObservedGeneration(status.getObservedGeneration());
    copy.setConditions(status.getConditions());
    return copy;
  }

  private static Long generation(Organization org) {
    return org.getMetadata().getGeneration();
  }
}
