package dev.trellis.reconcile.tenancy;

import dev.trellis.api.v1alpha1.ApiConstants;
import dev.trellis.api.v1alpha1.Connector;
import dev.trellis.api.v1alpha1.ConnectorStatus;
import dev.trellis.api.v1alpha1.Folder;
import dev.trellis.api.v1alpha1.FolderStatus;
import dev.trellis.api.v1alpha1.InvitationAcceptance;
import dev.trellis.api.v1alpha1.InvitationAcceptanceStatus;
import dev.trellis.api.v1alpha1.ManagedResource;
import dev.trellis.api.v1alpha1.ManagedResourceStatus;
import dev.trellis.api.v1alpha1.Member;
import dev.trellis.api.v1alpha1.MemberStatus;
import dev.trellis.api.v1alpha1.Organization;
import dev.trellis.api.v1alpha1.PartnerAccess;
import dev.trellis.api.v1alpha1.Partnership;
import dev.trellis.api.v1alpha1.PartnershipAcceptance;
import dev.trellis.api.v1alpha1.PartnershipAcceptanceStatus;
import dev.trellis.api.v1alpha1.PartnershipStatus;
import dev.trellis.api.v1alpha1.Project;
import dev.trellis.api.v1alpha1.ProjectStatus;
import dev.trellis.api.v1alpha1.RoleBinding;
import dev.trellis.api.v1alpha1.RoleBindingStatus;
import dev.trellis.api.v1alpha1.TrellisStatus;
import dev.trellis.model.Reasons;
import dev.trellis.model.grants.GrantResolver;
import dev.trellis.model.grants.GrantsDocument;
import dev.trellis.model.grants.Resolution;
import dev.trellis.model.members.AccessOutcome;
import dev.trellis.model.snapshot.OrgSnapshot;
import dev.trellis.model.verdict.Verdict;
import dev.trellis.model.verdict.Verdicts;
import dev.trellis.projection.Projection;
import dev.trellis.reconcile.conversion.SnapshotConversion;
import dev.trellis.reconcile.status.ConnectorStatusAssembler;
import dev.trellis.reconcile.status.FolderStatusAssembler;
import dev.trellis.reconcile.status.InvitationAcceptanceStatusAssembler;
import dev.trellis.reconcile.status.ManagedResourceStatusAssembler;
import dev.trellis.reconcile.status.MemberStatusAssembler;
import dev.trellis.reconcile.status.OrganizationStatusAssembler;
import dev.trellis.reconcile.status.ProjectStatusAssembler;
import dev.trellis.reconcile.status.RoleBindingStatusAssembler;
import dev.trellis.reconcile.status.StatusAssembly;
import dev.trellis.reconcile.support.CacheReadiness;
import dev.trellis.reconcile.support.EventRecorder;
import dev.trellis.reconcile.support.ReconcileErrors;
import dev.trellis.reconcile.support.Sharding;
import dev.trellis.reconcile.support.StatusWriter;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.inbound.SimpleInboundEventSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * Resolves one organization at a time. Grants are a function of the whole organization (its hierarchy,
 * members, roles and bindings), so the unit of reconciliation is the organization's namespace: any change
 * in it, or to a role its bindings name, re-resolves it from the informer caches with the pure model,
 * then writes only what changed — statuses of its objects and the grants ConfigMaps of its connectors. An
 * organization whose snapshot did not change (a reconcile caused by a partner, or by its own status writes)
 * reuses its last resolution and builds no document ({@link ResolutionMemo}). After a start, every
 * organization's grants are written before any organization's statuses ({@link GrantsFirst}).
 * Objects in a namespace that no organization owns are reported {@code NoOrganization} and grant nothing.
 */
@ControllerConfiguration(name = TenancyReconciler.NAME)
public class TenancyReconciler implements Reconciler<Namespace> {
  public static final String NAME = "tenancy";
  private final CacheReadiness readiness;
  private static final Logger LOG = Logger.getLogger(TenancyReconciler.class);

  private final StatusWriter statuses;
  private final OrganizationSnapshots snapshots;
  private final GrantsWriter grants;
  private final EventRecorder events;
  private final Clock clock;
  private final TenancyView view;
  private final PartnershipStatuses partnerships;
  private final Sharding sharding;
  private final ShardFiling filing;
  private final ResolutionMemo memo = new ResolutionMemo();
  /** How soon a namespace whose grants could not all be written tries again. */
  private static final Duration RETRY_GRANTS = Duration.ofSeconds(10);
  /** How soon a namespace whose objects were just filed looks again, should their events not wake it. */
  private static final Duration UNFILED_RETRY = Duration.ofSeconds(5);
  /**
   * Reconciles a namespace on request: once statuses may be written (GrantsFirst), or a partner's whose members'
   * published roles this process changed.
   */
  private final SimpleInboundEventSource<Namespace> wake = new SimpleInboundEventSource<>("wake");
  private final GrantsFirst grantsFirst = new GrantsFirst(ns -> wake.propagateEvent(new ResourceID(ns)));

  public TenancyReconciler(StatusWriter statuses, GrantsWriter grants, EventRecorder events, Clock clock,
      OrganizationSnapshots snapshots, CacheReadiness readiness, TenancyView view, Sharding sharding,
      ShardFiling filing) {
    this.view = view;
    this.sharding = sharding;
    this.filing = filing;
    this.partnerships = new PartnershipStatuses(view, new PartnershipEvaluator(view), statuses, events, clock);
    this.readiness = readiness;
    this.snapshots = snapshots;
    this.statuses = statuses;
    this.grants = grants;
    this.events = events;
    this.clock = clock;
  }

  @Override
  public List<EventSource<?, Namespace>> prepareEventSources(EventSourceContext<Namespace> context) {
    TenancyEventSources sources = new TenancyEventSources(context, view, sharding);
    readiness.register(NAME, view::synced);
    List<EventSource<?, Namespace>> all = new ArrayList<>(sources.all());
    all.add(wake);
    return all;
  }

  @Override
  public UpdateControl<Namespace> reconcile(Namespace namespace, Context<Namespace> context) {
    String name = namespace.getMetadata().getName();
    if (!view.synced()) {
      // Some cache has not finished its first list (the API server refused it at start; its informer retries):
      // resolving now would read missing bindings as revoked ones. Late is acceptable, wrong is not.
      LOG.debugf("namespace %s: waiting for every cache to be synced", name);
      return UpdateControl.<Namespace>noUpdate().rescheduleAfter(CacheReadiness.RETRY_WHILE_LISTING.toMillis());
    }
    if (!sharding.serves(name)) {
      return UpdateControl.noUpdate(); // another operator process serves this namespace
    }
    if (namespace.getMetadata().getDeletionTimestamp() != null) {
      memo.forget(name);
      return UpdateControl.noUpdate(); // everything in it is going away
    }
    if (!everyObjectFiled(name)) {
      return UpdateControl.<Namespace>noUpdate().rescheduleAfter(UNFILED_RETRY.toMillis());
    }
    var owner = view.owner(namespace);
    if (owner.isEmpty()) {
      memo.forget(name);
      reportOrphans(name);
      return UpdateControl.noUpdate();
    }
    Organization org = owner.get();
    Instant now = clock.instant();
    ResourceID primary = new ResourceID(name);
    List<PartnershipEvaluator.Evaluation> evaluations = evaluate(org, name);
    // Grants first: they are what connectors act on; statuses explain them.
    Map<String, KubernetesClientException> failed = new HashMap<>();
    OrgSnapshot snapshot = snapshot(org, name, evaluations);
    if (!everyObjectFiled(name)) {
      // An object left the caches while the snapshot was read: it may be missing from it.
      return UpdateControl.<Namespace>noUpdate().rescheduleAfter(UNFILED_RETRY.toMillis());
    }
    Resolution resolution = resolveAndWriteGrants(name, snapshot, now, primary, failed);
    if (!grantsFirst.statusesNow(name, () -> organizationNamespaces(context), now)) {
      return UpdateControl.<Namespace>noUpdate().rescheduleAfter(grantsFirst.remaining(now).toMillis());
    }
    List<PartnershipStatuses.Accepted> accepted = partnerships.accepted(name, org);
    var partnerAccess = partnerships.partnerAccess(accepted);
    writeStatuses(name, resolution.verdicts(), resolution.access(), partnerAccess, primary);
    writeInvitationAcceptances(name, resolution.access(), primary);
    // A partner served here learns of its members' new roles now: the informer passes on no event for this
    // process's own status write (another process's partners get the Partnership's watch event).
    partnerships.writePartnerships(evaluations, resolution, now, primary).stream().filter(sharding::serves)
        .forEach(partner -> wake.propagateEvent(new ResourceID(partner)));
    partnerships.writeAcceptances(accepted, primary);
    OrganizationStatusAssembler.tenancy(org, partnerships.organizationPartnerships(org, name, evaluations),
        resolution.access(), clock)
        .ifPresent(part -> statuses.applyOrganizationTenancy(org, part.partnerships(), part.accountOwners(),
            part.allowedDomains(),
            part.conditions(), view.cache(Organization.class), primary));

    UpdateControl<Namespace> control = UpdateControl.noUpdate();
    if (!failed.isEmpty()) {
      return control.rescheduleAfter(RETRY_GRANTS.toMillis());
    }
    // The resolution's next instant covers invitations running out; bindings of the namespace that reach
    // nothing yet still have to report Expired on time, hence both.
    return Stream.concat(nextExpiry(name, now).stream(), resolution.nextReconcile().stream())
        .min(Instant::compareTo)
        .map(at -> control.rescheduleAfter(Math.max(1, Duration.between(now, at).toMillis() + 1)))
        .orElse(control);
  }

  /**
   * With sharding on, whether every object of the namespace is in this shard's caches, so that the namespace may be
   * resolved: an object not filed yet (created since, or its label removed) would read as deleted and its grants would
   * go until it is filed. Files those it finds; each, filed, arrives in the caches and wakes the namespace again.
   */
  private boolean everyObjectFiled(String namespace) {
    if (!sharding.enabled()) {
      return true;
    }
    List<HasMetadata> unfiled = view.unfiled(namespace);
    boolean filed = unfiled.isEmpty();
    if (!filed) {
      filing.file(unfiled);
    }
    for (TenancyEventSources.Moved moved : view.moved(namespace)) {
      if (view.cached(moved, namespace, true)) {
        view.settled(namespace, moved); // back in this shard's caches
      } else if (view.cached(moved, namespace, false)) {
        filed = false; // being filed (above)
      } else {
        // Between the caches: the API server says whether it still exists, and with which label.
        var live = filing.live(moved.kind(), namespace, moved.name());
        if (live.isEmpty()) {
          view.settled(namespace, moved); // deleted since
        } else {
          filed = false;
          if (!sharding.selects(live.get())) {
            filing.file(List.of(live.get()));
          }
        }
      }
    }
    return filed;
  }

  /**
   * A failed reconcile of a namespace says so in the Ready condition of every object of it that is still waiting
   * for this controller (no Ready yet, or a generation it has not observed): ReconcileError and what failed, until a
   * later reconcile succeeds and writes its verdict. Objects whose status is current keep it: what they report
   * still holds, and grants already written stay as they are. A 409 is a racing write, retried at once.
   */
  @Override
  public ErrorStatusUpdateControl<Namespace> updateErrorStatus(Namespace namespace, Context<Namespace> context,
      Exception e) {
    String name = namespace.getMetadata().getName();
    if (!view.synced() || !ReconcileErrors.worthReporting(e) || !sharding.serves(name)
        || view.owner(namespace).isEmpty()) {
      return ErrorStatusUpdateControl.noStatusUpdate();
    }
    ResourceID primary = new ResourceID(name);
    int reported = 0;
    for (StatusKind<?, ?> kind : STATUS_KINDS) {
      reported += reportError(kind, name, e, primary);
    }
    LOG.warnf("namespace %s: reconcile failed (%s); %d waiting objects report ReconcileError", name, e, reported);
    return ErrorStatusUpdateControl.noStatusUpdate();
  }

  private <S extends TrellisStatus, R extends CustomResource<?, S>> int reportError(
      StatusKind<S, R> kind, String namespace, Exception e, ResourceID primary) {
    int[] written = {0};
    view.in(kind.type(), namespace).filter(TenancyReconciler::waiting).forEach(resource -> {
      try {
        S failed = StatusAssembly.failed(resource, kind.fresh(),
            ReconcileErrors.ready(e, resource.getMetadata().getGeneration()), clock);
        if (statuses.apply(resource, failed, view.cache(kind.type()), primary)) {
          written[0]++;
        }
      } catch (RuntimeException refused) {
        // The same failure may refuse this write too; the next attempt tries again.
        LOG.debugf("namespace %s: ReconcileError not written to %s: %s", namespace,
            resource.getMetadata().getName(), refused.getMessage());
      }
    });
    return written[0];
  }

  /** Whether this controller has not yet reported on the object's current generation. */
  private static boolean waiting(CustomResource<?, ? extends TrellisStatus> resource) {
    TrellisStatus status = resource.getStatus();
    return status == null || status.condition(ApiConstants.READY).isEmpty()
        || !Objects.equals(status.getObservedGeneration(), resource.getMetadata().getGeneration())
        || status.condition(ApiConstants.READY).map(c -> Reasons.RECONCILE_ERROR.equals(c.getReason())).orElse(false);
  }

  /** The namespaces that belong to an organization, as the cache holds them now. */
  private Set<String> organizationNamespaces(Context<Namespace> context) {
    return context.getPrimaryCache().list()
        .filter(ns -> sharding.serves(ns.getMetadata().getName()))
        .filter(ns -> ns.getMetadata().getDeletionTimestamp() == null && view.owner(ns).isPresent())
        .map(ns -> ns.getMetadata().getName())
        .collect(Collectors.toSet());
  }

  private void writeInvitationAcceptances(String namespace, AccessOutcome access, ResourceID primary) {
    AcceptancePolicy.State policy = view.acceptancePolicy();
    view.in(InvitationAcceptance.class, namespace).forEach(a -> {
      InvitationAcceptanceStatusAssembler.assemble(a, policy.distrust(SnapshotConversion.created(a)),
          recorded(namespace, a), access.acceptances().get(a.getMetadata().getName()), clock)
          .ifPresent(status -> statuses.apply(a, status, view.cache(InvitationAcceptance.class), primary));
    });
  }

  /** Whether the member the acceptance names records it as the acceptance that counted. */
  private boolean recorded(String namespace, dev.trellis.api.v1alpha1.InvitationAcceptance a) {
    return a.getSpec() != null && a.getSpec().getMember() != null
        && view.get(Member.class, namespace, a.getSpec().getMember())
            .flatMap(SnapshotConversion::recordedAcceptance)
            .map(recorded -> a.getMetadata().getName().equals(recorded.name()))
            .orElse(false);
  }

  /**
   * The earliest future expiry of any binding in the namespace: an effective one stops granting then, and a
   * Ready one that reaches nothing yet still has to report Expired on time.
   */
  private Optional<Instant> nextExpiry(String namespace, Instant now) {
    return view.in(RoleBinding.class, namespace)
        .map(b -> b.getSpec() == null ? null : SnapshotConversion.expiry(b.getSpec().getExpiresAt()))
        .filter(at -> at != null && at.isAfter(now))
        .min(Instant::compareTo);
  }

  private List<PartnershipEvaluator.Evaluation> evaluate(Organization org, String namespace) {
    return snapshots.evaluate(org, namespace);
  }

  private OrgSnapshot snapshot(Organization org, String namespace, List<PartnershipEvaluator.Evaluation> evaluations) {
    return snapshots.snapshot(org, namespace, evaluations);
  }

  private void writeStatuses(String namespace, Verdicts verdicts, AccessOutcome access,
      Map<String, List<PartnerAccess>> partnerAccess, ResourceID primary) {
    view.in(Folder.class, namespace).forEach(folder -> judged(verdicts.folders(), folder)
        .ifPresent(
            v -> statuses.apply(folder, FolderStatusAssembler.assemble(folder, v, clock), view.cache(Folder.class),
                primary)));
    view.in(Project.class, namespace).forEach(project -> judged(verdicts.projects(), project)
        .ifPresent(v -> statuses.apply(project, ProjectStatusAssembler.assemble(project, v, clock),
            view.cache(Project.class), primary)));
    view.in(ManagedResource.class, namespace).forEach(resource -> judged(verdicts.resources(), resource)
        .ifPresent(v -> statuses.apply(resource, ManagedResourceStatusAssembler.assemble(resource, v, clock),
            view.cache(ManagedResource.class), primary)));
    view.in(Member.class, namespace).forEach(member -> judged(verdicts.members(), member)
        .ifPresent(v -> statuses.apply(member, MemberStatusAssembler.assemble(member, v, access,
            partnerAccess.get(member.getMetadata().getName()), clock), view.cache(Member.class), primary)));
    view.in(RoleBinding.class, namespace).forEach(binding -> judged(verdicts.bindings(), binding)
        .ifPresent(v -> statuses.apply(binding, RoleBindingStatusAssembler.assemble(binding, v, clock),
            view.cache(RoleBinding.class), primary)));
  }

  /** The resolution's verdict on {@code resource}; none for an object the resolution did not see. */
  private static <V> Optional<V> judged(Map<String, V> verdicts, CustomResource<?, ?> resource) {
    return Optional.ofNullable(verdicts.get(resource.getMetadata().getName()));
  }

  /**
   * Resolves the organization and writes its connectors' grants ConfigMaps and statuses. An organization whose
   * snapshot is unchanged, and whose ConfigMaps are as its last resolution left them, reuses that resolution and
   * builds no document (see {@link ResolutionMemo}).
   */
  private Resolution resolveAndWriteGrants(String namespace, OrgSnapshot snapshot, Instant now, ResourceID primary,
      Map<String, KubernetesClientException> failed) {
    List<Connector> connectors = view.in(Connector.class, namespace).toList();
    var known = memo.reusable(namespace, snapshot, now).filter(e -> intact(namespace, connectors, e.connectors()));
    ResolutionMemo.Entry entry;
    if (known.isPresent()) {
      entry = known.get();
    } else {
      Resolution resolution = GrantResolver.resolve(snapshot, now);
      Map<String, ResolutionMemo.Written> written = new HashMap<>();
      List<GrantsWriter.Wanted> wanted = new ArrayList<>();
      for (Connector connector : connectors) {
        String name = connector.getMetadata().getName();
        String uid = connector.getMetadata().getUid();
        GrantsDocument document = resolution.documents().get(name);
        if (document == null || resolution.verdicts().connectors().get(name) == null) {
          grants.deleteAllBut(namespace, name, Set.of());
          written.put(name, new ResolutionMemo.Written(uid, GrantsWriter.format(connector), Map.of(), null));
          continue;
        }
        wanted.add(new GrantsWriter.Wanted(connector, grants.project(connector, document)));
      }
      // All connectors at once: one connector's ConfigMap that cannot be written must not stop the others' grants,
      // nor the statuses.
      List<GrantsWriter.Written> results = grants.writeAll(wanted);
      for (int i = 0; i < wanted.size(); i++) {
        Connector connector = wanted.get(i).connector();
        Projection projection = wanted.get(i).projection();
        String name = connector.getMetadata().getName();
        String uid = connector.getMetadata().getUid();
        KubernetesClientException e = results.get(i).failure();
        if (e != null) {
          LOG.warnf("namespace %s: grants of connector %s not written: %s", namespace, name, e.getMessage());
          failed.put(name, e);
          written.put(name, new ResolutionMemo.Written(uid, GrantsWriter.format(connector), Map.of(), null));
          continue;
        }
        GrantsDocument document = resolution.documents().get(name);
        written.put(name, new ResolutionMemo.Written(uid, GrantsWriter.format(connector), results.get(i).versions(),
            new ConnectorStatusAssembler.Figures(document.resources().size(), document.entries().size(),
                projection.revision(), projection.sharded()
                    ? List.copyOf(projection.configMaps().keySet()).subList(1, projection.configMaps().size())
                    : null)));
      }
      entry = memo.remember(namespace, snapshot, now, resolution, written);
      if (!failed.isEmpty()) {
        memo.forget(namespace); // what was not written must be tried again, not reused
      }
    }
    for (Connector connector : connectors) {
      String name = connector.getMetadata().getName();
      Verdict verdict = entry.resolution().verdicts().connectors().get(name);
      ConnectorStatusAssembler.Figures figures = entry.connectors().get(name).figures();
      KubernetesClientException failure = failed.get(name);
      if (verdict != null && failure != null) {
        statuses.apply(connector, ConnectorStatusAssembler.notWritten(connector, failure.getCode(),
            message(failure), clock), view.cache(Connector.class), primary);
      } else if (verdict != null && figures != null) {
        statuses.apply(connector, ConnectorStatusAssembler.assemble(connector, verdict, figures, clock),
            view.cache(Connector.class), primary);
      }
    }
    return entry.resolution();
  }

  /** Whether every connector's grants ConfigMaps are as {@code written} records them. */
  private boolean intact(String namespace, List<Connector> connectors, Map<String, ResolutionMemo.Written> written) {
    return connectors.size() == written.size() && connectors.stream().allMatch(c -> {
      ResolutionMemo.Written w = written.get(c.getMetadata().getName());
      return w != null && Objects.equals(w.connectorUid(), c.getMetadata().getUid())
          && w.format() == GrantsWriter.format(c)
          && grants.intact(namespace, c.getMetadata().getName(), w.configMaps());
    });
  }

  /** What the API server said, or the client's message when it said nothing. */
  private static String message(KubernetesClientException e) {
    return e.getStatus() != null && e.getStatus().getMessage() != null ? e.getStatus().getMessage()
        : String.valueOf(e.getMessage());
  }

  private void reportOrphans(String namespace) {
    ResourceID primary = new ResourceID(namespace);
    String message = "Namespace " + namespace + " belongs to no organization; create this object in the"
        + " namespace of an Organization (its status.namespace).";
    STATUS_KINDS.forEach(kind -> orphan(kind, namespace, message, primary));
    int deleted = grants.deleteAll(namespace);
    if (deleted > 0) {
      LOG.infof("namespace %s belongs to no organization: deleted %d grants ConfigMaps", namespace, deleted);
    }
  }

  private <S extends TrellisStatus, R extends CustomResource<?, S>> void orphan(
      StatusKind<S, R> kind, String namespace, String message, ResourceID primary) {
    view.in(kind.type(), namespace).forEach(resource -> statuses.apply(resource,
        StatusAssembly.withoutOrganization(resource, kind.fresh(), kind.withoutOrganization(),
            Reasons.NO_ORGANIZATION, message, clock),
        view.cache(kind.type()), primary));
  }

  /**
   * A namespaced kind whose status this controller writes: its class, an empty status of its kind, and what its
   * status says besides Ready when its namespace belongs to no organization.
   */
  private record StatusKind<S extends TrellisStatus, R extends CustomResource<?, S>>(
      Class<R> type, Supplier<S> fresh, Consumer<S> withoutOrganization) {

    StatusKind(Class<R> type, Supplier<S> fresh) {
      this(type, fresh, s -> {});
    }
  }

  /** Every namespaced kind whose status this controller writes: orphans and failed reconciles report on each. */
  private static final List<StatusKind<?, ?>> STATUS_KINDS = List.of(
      new StatusKind<>(Folder.class, FolderStatus::new),
      new StatusKind<>(Project.class, ProjectStatus::new),
      new StatusKind<>(ManagedResource.class, ManagedResourceStatus::new),
      new StatusKind<>(Connector.class, ConnectorStatus::new),
      new StatusKind<>(Member.class, MemberStatus::new),
      new StatusKind<>(RoleBinding.class, RoleBindingStatus::new, s -> s.setEffective(false)),
      new StatusKind<>(Partnership.class, PartnershipStatus::new),
      new StatusKind<>(PartnershipAcceptance.class, PartnershipAcceptanceStatus::new),
      new StatusKind<>(InvitationAcceptance.class, InvitationAcceptanceStatus::new));
}
