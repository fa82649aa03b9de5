package dev.trellis.reconcile.tenancy;

import dev.trellis.api.v1alpha1.AccessRole;
import dev.trellis.api.v1alpha1.ApiConstants;
import dev.trellis.api.v1alpha1.Connector;
import dev.trellis.api.v1alpha1.Folder;
import dev.trellis.api.v1alpha1.InvitationAcceptance;
import dev.trellis.api.v1alpha1.ManagedResource;
import dev.trellis.api.v1alpha1.Member;
import dev.trellis.api.v1alpha1.Organization;
import dev.trellis.api.v1alpha1.Partnership;
import dev.trellis.api.v1alpha1.PartnershipAcceptance;
import dev.trellis.api.v1alpha1.Project;
import dev.trellis.api.v1alpha1.RoleBinding;
import dev.trellis.reconcile.mappers.AccessRoleToNamespacesMapper;
import dev.trellis.reconcile.mappers.AdmissionPolicyToNamespacesMapper;
import dev.trellis.reconcile.mappers.MemberToNamespacesMapper;
import dev.trellis.reconcile.mappers.OrganizationToNamespacesMapper;
import dev.trellis.reconcile.mappers.PartnershipAcceptanceToNamespacesMapper;
import dev.trellis.reconcile.mappers.PartnershipToNamespacesMapper;
import dev.trellis.reconcile.mappers.ToOwnNamespaceMapper;
import dev.trellis.reconcile.support.CacheReadiness;
import dev.trellis.reconcile.support.CachedContent;
import dev.trellis.reconcile.support.Sharding;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.ValidatingAdmissionPolicy;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.ValidatingAdmissionPolicyBinding;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.SecondaryToPrimaryMapper;
import io.javaoperatorsdk.operator.processing.event.source.filter.OnUpdateFilter;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.TransformingItemStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The tenancy controller's event sources: an informer cache of every Trellis kind, the grants ConfigMaps and the
 * admission policies, each indexed by namespace, each mapping its changes to the namespaces (organizations) they
 * concern through a mapper of reconcile.mappers. Built once per controller; what they hold is read through
 * {@link TenancyView}.
 */
final class TenancyEventSources {
  /** Every cache is indexed by namespace: listing a namespace must not scan the whole cluster's objects. */
  static final String BY_NAMESPACE = "by-namespace";
  static final String ORG_BY_ORG_ID = "organization-by-orgid";
  static final String ORG_BY_PARENT = "organization-by-parent";
  static final String PARTNERSHIP_BY_PARTNER = "partnership-by-partner-orgid";
  static final String ACCEPTANCE_BY_CUSTOMER = "acceptance-by-customer-orgid";

  /**
   * Objects per page of an informer's list. Unpaged, a cache's first list is one response holding every object of
   * its kind with its managedFields, decoded whole before the item store drops them: at 200 organizations (40 000
   * role bindings with their statuses) that response alone exhausted a 422 MiB heap on a restart. Paged, the
   * transient memory is one page.
   */
  static final long LIST_PAGE = 500;

  /** Grants ConfigMaps per page: each may hold up to 900 KiB of document, which a page holds until it is digested. */
  static final long GRANTS_LIST_PAGE = 20;

  /** Label on grants ConfigMaps naming their connector. */
  static final String CONNECTOR_LABEL = ApiConstants.GROUP + "/connector";

  final InformerEventSource<Organization, Namespace> organizations;
  final InformerEventSource<Folder, Namespace> folders;
  final InformerEventSource<Project, Namespace> projects;
  final InformerEventSource<ManagedResource, Namespace> resources;
  final InformerEventSource<Connector, Namespace> connectors;
  final InformerEventSource<Member, Namespace> members;
  final InformerEventSource<RoleBinding, Namespace> bindings;
  final InformerEventSource<AccessRole, Namespace> roles;
  final InformerEventSource<Partnership, Namespace> partnerships;
  final InformerEventSource<PartnershipAcceptance, Namespace> acceptances;
  final InformerEventSource<InvitationAcceptance, Namespace> invitationAcceptances;
  final InformerEventSource<ConfigMap, Namespace> configMaps;
  final InformerEventSource<ValidatingAdmissionPolicy, Namespace> admissionPolicies;
  final InformerEventSource<ValidatingAdmissionPolicyBinding, Namespace> admissionPolicyBindings;

  /**
   * With sharding on, the kinds cached for this shard only (by its label), and for each the objects no shard has
   * filed yet (created since, or before sharding): the reconcile of their namespace's shard labels them. Empty
   * without sharding.
   */
  final Map<Class<? extends HasMetadata>, InformerEventSource<? extends HasMetadata, Namespace>> unfiled;

  /** The kinds a shard selects by its label; every other kind is cached whole (read across organizations). */
  static final List<Class<? extends HasMetadata>> SHARDED_KINDS =
      List.of(Folder.class, Project.class, ManagedResource.class, Connector.class, RoleBinding.class);

  private final Map<Class<?>, InformerEventSource<?, Namespace>> byKind;
  private final Sharding sharding;

  /**
   * With sharding on, objects that left this shard's caches (deleted, or their label removed: the watch reports both
   * as deletions), by namespace, until they are filed back or the API server no longer has them. Their namespace is
   * not resolved meanwhile, or an object whose label was removed would read as deleted.
   */
  final Map<String, Set<Moved>> moved = new ConcurrentHashMap<>();

  /** An object of a sharded kind, by name, in {@link #moved}. */
  record Moved(Class<? extends HasMetadata> kind, String name) {}

  /** Holds an object that left this shard's caches as moved until it settles. */
  private void hold(String namespace, Moved object) {
    // Atomically with settle: a set emptied and dropped there is never added to here.
    moved.compute(namespace, (ns, pending) -> {
      Set<Moved> held = pending == null ? ConcurrentHashMap.newKeySet() : pending;
      held.add(object);
      return held;
    });
  }

  /** Forgets a moved object: back in this shard's caches, or deleted. A namespace left with none is dropped. */
  void settle(String namespace, Moved object) {
    moved.computeIfPresent(namespace, (ns, pending) -> {
      pending.remove(object);
      return pending.isEmpty() ? null : pending;
    });
  }

  /** The namespaces, as the tenancy controller's primary cache holds them: ownership is read from them. */
  final io.javaoperatorsdk.operator.api.reconciler.IndexedResourceCache<Namespace> namespaces;

  TenancyEventSources(EventSourceContext<Namespace> context, TenancyView view, Sharding sharding) {
    this.sharding = sharding;
    namespaces = context.getPrimaryCache();
    // Organizations' status matters (orgId), so every change of theirs counts.
    organizations = source(context, Organization.class, new OrganizationToNamespacesMapper(view), null);
    folders = source(context, Folder.class, new ToOwnNamespaceMapper<>(), SPEC_CHANGED);
    projects = source(context, Project.class, new ToOwnNamespaceMapper<>(), SPEC_CHANGED);
    resources = source(context, ManagedResource.class, new ToOwnNamespaceMapper<>(), SPEC_CHANGED);
    connectors = source(context, Connector.class, new ToOwnNamespaceMapper<>(), SPEC_CHANGED);
    members = source(context, Member.class, new MemberToNamespacesMapper<>(view), SPEC_CHANGED);
    // A partner member's binding reaches the partner through the Partnership's status.memberRoles, not directly.
    bindings = source(context, RoleBinding.class, new ToOwnNamespaceMapper<>(), SPEC_CHANGED);
    AccessRoleToNamespacesMapper.index(bindings);
    roles = source(context, AccessRole.class, new AccessRoleToNamespacesMapper(bindings), SPEC_CHANGED);
    // The partner learns from the Partnership's status which roles the customer gives its members
    // (status.memberRoles): the customer's process, which may not be the partner's, publishes them.
    partnerships = source(context, Partnership.class, new PartnershipToNamespacesMapper(view),
        SPEC_CHANGED.or(MEMBER_ROLES_CHANGED));
    acceptances = source(context, PartnershipAcceptance.class, new PartnershipAcceptanceToNamespacesMapper(view),
        SPEC_CHANGED);
    // An acceptance changes a member; the customers of the member's organization see it too.
    invitationAcceptances = source(context, InvitationAcceptance.class,
        new MemberToNamespacesMapper<>(view), SPEC_CHANGED);
    // Whether only invitees can create acceptances matters to every namespace that has some.
    admissionPolicies = new InformerEventSource<>(InformerEventSourceConfiguration
        .from(ValidatingAdmissionPolicy.class, Namespace.class).withName("admission-policies")
        .withSecondaryToPrimaryMapper(guarded(new AdmissionPolicyToNamespacesMapper<>(invitationAcceptances)))
        .build(), context);
    admissionPolicyBindings = new InformerEventSource<>(InformerEventSourceConfiguration
        .from(ValidatingAdmissionPolicyBinding.class, Namespace.class).withName("admission-policy-bindings")
        .withSecondaryToPrimaryMapper(guarded(new AdmissionPolicyToNamespacesMapper<>(invitationAcceptances)))
        .build(), context);
    organizations.addIndexers(Map.of(
        ORG_BY_ORG_ID, org -> org.getStatus() == null || org.getStatus().getOrgId() == null
            ? List.of() : List.of(org.getStatus().getOrgId()),
        ORG_BY_PARENT, org -> org.getSpec() == null || org.getSpec().getParent() == null
            ? List.of() : List.of(org.getSpec().getParent())));
    partnerships.addIndexers(Map.of(PARTNERSHIP_BY_PARTNER, p -> p.getSpec() == null
        || p.getSpec().getPartnerOrgId() == null ? List.of() : List.of(p.getSpec().getPartnerOrgId())));
    acceptances.addIndexers(Map.of(ACCEPTANCE_BY_CUSTOMER, a -> a.getSpec() == null
        || a.getSpec().getCustomerOrgId() == null ? List.of() : List.of(a.getSpec().getCustomerOrgId())));
    configMaps = indexedByNamespace(new InformerEventSource<>(
        InformerEventSourceConfiguration.from(ConfigMap.class, Namespace.class)
            .withName("grants-configmaps")
            .withLabelSelector(ApiConstants.MANAGED_BY_LABEL + "=" + ApiConstants.MANAGED_BY + "," + CONNECTOR_LABEL
                + (sharding.enabled() ? "," + sharding.selector() : ""))
            .withSecondaryToPrimaryMapper(new ToOwnNamespaceMapper<>())
            .withInformerListLimit(GRANTS_LIST_PAGE)
            // Without their documents: those are what the operator writes, never what it reads.
            .withItemStore(CachedContent.store())
            .build(),
        context));
    byKind = Map.ofEntries(Map.entry(Organization.class, organizations), Map.entry(Folder.class, folders),
        Map.entry(Project.class, projects), Map.entry(ManagedResource.class, resources),
        Map.entry(Connector.class, connectors), Map.entry(Member.class, members),
        Map.entry(RoleBinding.class, bindings),
        Map.entry(AccessRole.class, roles), Map.entry(Partnership.class, partnerships),
        Map.entry(PartnershipAcceptance.class, acceptances),
        Map.entry(InvitationAcceptance.class, invitationAcceptances),
        Map.entry(ConfigMap.class, configMaps), Map.entry(ValidatingAdmissionPolicy.class, admissionPolicies),
        Map.entry(ValidatingAdmissionPolicyBinding.class, admissionPolicyBindings));
    unfiled = sharding.enabled() ? unfiledSources(context) : Map.of();
    view.attach(this);
  }

  /** The informer of a kind, for {@link TenancyView}. */
  @SuppressWarnings("unchecked")
  <R extends HasMetadata> InformerEventSource<R, Namespace> cache(Class<R> kind) {
    InformerEventSource<?, Namespace> source = byKind.get(kind);
    if (source == null) {
      throw new IllegalArgumentException("the tenancy controller does not cache " + kind.getSimpleName());
    }
    return (InformerEventSource<R, Namespace>) source;
  }

  List<EventSource<?, Namespace>> all() {
    List<EventSource<?, Namespace>> all = new ArrayList<>(List.of(organizations, folders, projects, resources,
        connectors, members, bindings, roles, partnerships, acceptances, invitationAcceptances, configMaps,
        admissionPolicies, admissionPolicyBindings));
    unfiled.values().forEach(all::add);
    return all;
  }

  /** For each sharded kind, an informer of its objects that carry no valid shard label. */
  private Map<Class<? extends HasMetadata>, InformerEventSource<? extends HasMetadata, Namespace>> unfiledSources(
      EventSourceContext<Namespace> context) {
    Map<Class<? extends HasMetadata>, InformerEventSource<? extends HasMetadata, Namespace>> out =
        new java.util.LinkedHashMap<>();
    for (Class<? extends HasMetadata> kind : SHARDED_KINDS) {
      out.put(kind, unfiledSource(context, kind));
    }
    return java.util.Collections.unmodifiableMap(out);
  }

  private <R extends HasMetadata> InformerEventSource<R, Namespace> unfiledSource(
      EventSourceContext<Namespace> context, Class<R> kind) {
    return indexedByNamespace(new InformerEventSource<>(InformerEventSourceConfiguration.from(kind, Namespace.class)
        .withName("unfiled-" + kind.getSimpleName().toLowerCase(java.util.Locale.ROOT))
        .withLabelSelector(sharding.unfiledSelector())
        .withSecondaryToPrimaryMapper(new ToOwnNamespaceMapper<>())
        .withInformerListLimit(LIST_PAGE)
        .withItemStore(new TransformingItemStore<>(CachedContent::withoutManagedFields))
        .build(), context));
  }

  /**
   * Whether every cache has finished its first list. Until then a cache that is still empty (its API server was not
   * reachable when the operator started, and its informer keeps retrying) would read as "no bindings", "no members":
   * documents resolved from it would lose correct grants, so nothing is resolved or decided before.
   */
  boolean synced() {
    return CacheReadiness.listed(all().stream().map(source -> (InformerEventSource<?, ?>) source).toList());
  }

  /**
   * Status writes (ours included) do not change what an object grants; spec, label and deletion changes
   * may. Filtering the rest keeps our own status writes from re-triggering the namespace.
   */
  private static final OnUpdateFilter<HasMetadata> SPEC_CHANGED =
      (updated, old) -> !Objects.equals(updated.getMetadata().getGeneration(), old.getMetadata().getGeneration())
          || !Objects.equals(updated.getMetadata().getLabels(), old.getMetadata().getLabels())
          || !Objects.equals(updated.getMetadata().getDeletionTimestamp(), old.getMetadata().getDeletionTimestamp());

  private static final OnUpdateFilter<HasMetadata> MEMBER_ROLES_CHANGED =
      (updated, old) -> updated instanceof Partnership now && old instanceof Partnership before
          && !Objects.equals(now.getStatus() == null ? null : now.getStatus().getMemberRoles(),
              before.getStatus() == null ? null : before.getStatus().getMemberRoles());

  /**
   * Whether the caches the mappers read (organizations, bindings, partnerships, acceptances, invitation
   * acceptances) are started. Event
   * sources start in parallel, and each maps the objects it already holds as it starts: a mapper reading a cache
   * not started yet failed the operator's start (seen on a restart with existing roles and bindings). Until then
   * an object maps to its own namespace only, which loses nothing: every namespace is reconciled once all sources
   * have started, from the caches as they are then.
   */
  private boolean crossCachesStarted() {
    if (!crossCachesStarted) {
      crossCachesStarted = Stream.of(organizations, bindings, partnerships, acceptances, invitationAcceptances)
          .allMatch(s -> s != null && s.isRunning());
    }
    return crossCachesStarted;
  }

  /** Set once: every event maps through {@link #guarded}, and started caches stay started until the process ends. */
  private volatile boolean crossCachesStarted;

  private <R extends HasMetadata> SecondaryToPrimaryMapper<R> guarded(SecondaryToPrimaryMapper<R> mapper) {
    return object -> {
      if (crossCachesStarted()) {
        return mapper.toPrimaryResourceIDs(object);
      }
      String namespace = object instanceof Organization org ? org.effectiveNamespace()
          : object.getMetadata().getNamespace();
      return namespace == null ? Set.of() : Set.of(new ResourceID(namespace));
    };
  }

  private <R extends HasMetadata> InformerEventSource<R, Namespace> source(
      EventSourceContext<Namespace> context, Class<R> kind, SecondaryToPrimaryMapper<R> mapper,
      OnUpdateFilter<HasMetadata> onUpdate) {
    var builder = InformerEventSourceConfiguration.from(kind, Namespace.class)
        .withSecondaryToPrimaryMapper(guarded(mapper))
        .withInformerListLimit(LIST_PAGE)
        .withItemStore(new TransformingItemStore<>(CachedContent::withoutManagedFields));
    if (onUpdate != null) {
      builder.withOnUpdateFilter(onUpdate);
    }
    if (sharding.enabled() && SHARDED_KINDS.contains(kind)) {
      builder.withLabelSelector(sharding.selector());
      // A watch filtered by label reports an object whose label was removed as deleted, with its last state that
      // matched (the label still on it): a removal cannot be told from a deletion here. So every deletion is held as
      // a move until the API server says the object is gone (TenancyReconciler.everyObjectFiled).
      builder.withOnDeleteFilter((gone, finalStateUnknown) -> {
        hold(gone.getMetadata().getNamespace(), new Moved(kind, gone.getMetadata().getName()));
        return true;
      });
      builder.withOnAddFilter(added -> {
        settle(added.getMetadata().getNamespace(), new Moved(kind, added.getMetadata().getName()));
        return true;
      });
    }
    return indexedByNamespace(new InformerEventSource<>(builder.build(), context));
  }

  private static <R extends HasMetadata> InformerEventSource<R, Namespace> indexedByNamespace(
      InformerEventSource<R, Namespace> source) {
    source.addIndexers(Map.of(BY_NAMESPACE, r -> r.getMetadata().getNamespace() == null ? List.of()
        : List.of(r.getMetadata().getNamespace())));
    return source;
  }

}
