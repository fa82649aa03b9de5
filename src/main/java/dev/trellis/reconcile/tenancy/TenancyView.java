package dev.trellis.reconcile.tenancy;

import dev.trellis.api.v1alpha1.ApiConstants;
import dev.trellis.api.v1alpha1.InvitationAcceptance;
import dev.trellis.api.v1alpha1.Organization;
import dev.trellis.api.v1alpha1.Partnership;
import dev.trellis.api.v1alpha1.PartnershipAcceptance;
import dev.trellis.api.v1alpha1.ProductPackage;
import dev.trellis.model.organization.NamespaceClaim;
import dev.trellis.model.snapshot.PartnershipView;
import dev.trellis.reconcile.conversion.SnapshotConversion;
import dev.trellis.reconcile.conversion.TenantTreeConversion;
import dev.trellis.reconcile.mappers.Directory;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What the tenancy controller's informer caches hold, read-only, through query methods: the objects of a kind in a
 * namespace, who owns a namespace, the organization with an orgId, the partnerships and acceptances naming one.
 * The tenancy reconciler, the grants writer, the partnership statuses and evaluator, admission and the metrics all
 * read the caches through this one view, injected; {@link TenancyEventSources} builds the caches and hands them
 * over once, when the controller prepares its event sources. Until then nothing is {@link #synced()}.
 */
@ApplicationScoped
public class TenancyView implements Directory {
  private volatile TenancyEventSources sources;

  /** Called once by the tenancy controller, when its event sources exist. */
  void attach(TenancyEventSources sources) {
    this.sources = sources;
  }

  private TenancyEventSources sources() {
    TenancyEventSources current = sources;
    if (current == null) {
      throw new IllegalStateException("the tenancy controller's caches do not exist yet");
    }
    return current;
  }

  /** Whether the caches exist and every one has finished its first list: before, nothing can be decided. */
  public boolean synced() {
    TenancyEventSources current = sources;
    return current != null && current.synced();
  }

  /** Whether the caches exist (they may still be listing). */
  boolean attached() {
    return sources != null;
  }

  /** The cached objects of a kind in {@code namespace}, from the namespace index. */
  <R extends HasMetadata> Stream<R> in(Class<R> kind, String namespace) {
    return in(cache(kind), namespace);
  }

  /** Every cached object of a kind, in every namespace. */
  <R extends HasMetadata> Stream<R> all(Class<R> kind) {
    return cache(kind).list();
  }

  /** The cached object of a kind with this name in {@code namespace}. */
  <R extends HasMetadata> Optional<R> get(Class<R> kind, String namespace, String name) {
    return cache(kind).get(new ResourceID(name, namespace));
  }

  /**
   * The cache of a kind, for the writers that put what they just wrote back into it (so that the next reconcile
   * compares with it); reads go through the query methods.
   */
  <R extends HasMetadata> InformerEventSource<R, Namespace> cache(Class<R> kind) {
    return sources().cache(kind);
  }

  /** Whether invitation acceptances can be trusted now (the admission policy in force, and since when). */
  AcceptancePolicy.State acceptancePolicy() {
    return AcceptancePolicy.state(sources().admissionPolicies.list().toList(),
        sources().admissionPolicyBindings.list().toList());
  }

  /**
   * The namespace's invitation acceptances that count: none while the admission policy is not in force, and
   * only those created after it came into force (fail closed: an older one may have been created by anyone).
   */
  List<InvitationAcceptance> countingAcceptances(String namespace) {
    AcceptancePolicy.State policy = acceptancePolicy();
    return in(sources().invitationAcceptances, namespace)
        .filter(a -> policy.distrust(SnapshotConversion.created(a)).isEmpty()).toList();
  }

  /**
   * The organization with this orgId, if it owns its namespace. An orgId is the organization's UID, so there is
   * at most one; a status claiming another's orgId, or an organization whose namespace is not its own, answers
   * nothing: a partner or customer is only ever found through what it owns.
   */
  Optional<Organization> organizationByOrgId(String orgId) {
    return orgId == null ? Optional.empty()
        : sources().organizations.byIndex(TenancyEventSources.ORG_BY_ORG_ID, orgId).stream()
            .filter(org -> orgId.equals(org.getMetadata().getUid()))
            .filter(this::ownsItsNamespace)
            .findFirst();
  }

  /** Whether the organization is active, has an orgId, and its namespace carries its label and UID. */
  boolean ownsItsNamespace(Organization org) {
    if (!org.active() || org.getStatus() == null || org.getStatus().getOrgId() == null) {
      return false;
    }
    Namespace namespace = sources().namespaces.get(new ResourceID(org.effectiveNamespace())).orElse(null);
    return namespace != null && namespace.getMetadata().getDeletionTimestamp() == null
        && NamespaceClaim.owns(org.getMetadata().getName(),
            org.getMetadata().getUid(), namespace.getMetadata().getLabels(), namespace.getMetadata().getAnnotations());
  }

  /** The packages in effect for an organization, down its tenant tree. */
  Set<ProductPackage> effectivePackages(Organization organization) {
    List<Organization> all = sources().organizations.list().toList();
    return TenantTreeConversion.subscriptions(TenantTreeConversion.tree(all), all)
        .of(organization.getMetadata().getName())
        .effective().packages();
  }

  @Override
  public Stream<String> descendantNamespaces(String organization) {
    List<String> namespaces = new ArrayList<>();
    Deque<String> pending = new ArrayDeque<>(List.of(organization));
    Set<String> seen = new HashSet<>();
    while (!pending.isEmpty()) {
      String parent = pending.pop();
      if (!seen.add(parent)) {
        continue; // a cycle in the tenant tree
      }
      for (Organization child : sources().organizations.byIndex(TenancyEventSources.ORG_BY_PARENT, parent)) {
        namespaces.add(child.effectiveNamespace());
        pending.push(child.getMetadata().getName());
      }
    }
    return namespaces.stream();
  }

  /** The organization that owns {@code namespace} and has an orgId, if any. */
  Optional<Organization> organizationOwning(String namespace) {
    return sources().namespaces.get(new ResourceID(namespace)).flatMap(this::owner);
  }

  @Override
  public Optional<String> namespaceOfOrgId(String orgId) {
    return organizationByOrgId(orgId).map(Organization::effectiveNamespace);
  }

  @Override
  public Stream<Partnership> partnershipsNaming(String orgId) {
    return sources().partnerships.byIndex(TenancyEventSources.PARTNERSHIP_BY_PARTNER, orgId).stream();
  }

  @Override
  public Stream<PartnershipAcceptance> acceptancesNaming(String orgId) {
    return sources().acceptances.byIndex(TenancyEventSources.ACCEPTANCE_BY_CUSTOMER, orgId).stream();
  }

  @Override
  public Stream<PartnershipAcceptance> acceptancesIn(String namespace) {
    return in(sources().acceptances, namespace);
  }

  @Override
  public Optional<Partnership> partnership(String namespace, String name) {
    return sources().partnerships.get(new ResourceID(name, namespace));
  }

  /**
   * The organization that owns {@code namespace}: the one the namespace is labelled and UID-annotated for, asking
   * for this namespace, with an orgId, and not being deleted. Nothing else confers ownership.
   */
  Optional<Organization> owner(Namespace namespace) {
    var labels = namespace.getMetadata().getLabels();
    String claimed = labels == null ? null : labels.get(ApiConstants.ORGANIZATION_LABEL);
    if (claimed == null) {
      return Optional.empty();
    }
    return sources().organizations.get(new ResourceID(claimed))
        .filter(org -> org.effectiveNamespace().equals(namespace.getMetadata().getName()))
        .filter(this::ownsItsNamespace);
  }

  /**
   * With sharding on, the objects of {@code namespace} that no shard has filed yet (no valid shard label): its
   * organization cannot be resolved before they are filed, or they would read as deleted.
   */
  List<HasMetadata> unfiled(String namespace) {
    return sources().unfiled.values().stream()
        .flatMap(source -> source.byIndex(TenancyEventSources.BY_NAMESPACE, namespace).stream())
        .map(HasMetadata.class::cast)
        .toList();
  }

  /**
   * Objects of {@code namespace} that left this shard's caches (deleted, or their label removed or changed) and are
   * neither back nor confirmed deleted yet.
   */
  List<TenancyEventSources.Moved> moved(String namespace) {
    var pending = sources().moved.get(namespace);
    return pending == null ? List.of() : List.copyOf(pending);
  }

  /** Forgets a moved object: back in the caches, or deleted. */
  void settled(String namespace, TenancyEventSources.Moved moved) {
    sources().settle(namespace, moved);
  }

  /** Whether an object of a sharded kind is cached, filed (this shard's cache) or not yet filed. */
  boolean cached(TenancyEventSources.Moved object, String namespace, boolean filed) {
    var source = filed ? sources().cache(object.kind()) : sources().unfiled.get(object.kind());
    return source != null && source.get(new ResourceID(object.name(), namespace)).isPresent();
  }

  SnapshotConversion.Inputs inputs(Organization organization, String namespace, List<PartnershipView> partnerships) {
    return new SnapshotConversion.Inputs(organization,
        in(sources().folders, namespace).toList(),
        in(sources().projects, namespace).toList(),
        in(sources().resources, namespace).toList(),
        in(sources().connectors, namespace).toList(),
        in(sources().members, namespace).toList(),
        sources().roles.list().toList(),
        in(sources().bindings, namespace).toList(),
        partnerships,
        effectivePackages(organization),
        countingAcceptances(namespace));
  }

  /** The cached objects of {@code source} in {@code namespace}, from the namespace index. */
  private static <R extends HasMetadata> Stream<R> in(InformerEventSource<R, Namespace> source, String namespace) {
    return source.byIndex(TenancyEventSources.BY_NAMESPACE, namespace).stream();
  }
}
