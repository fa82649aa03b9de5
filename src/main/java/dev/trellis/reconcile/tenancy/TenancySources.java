package dev.trellis.reconcile.tenancy;

import dev.trellis.api.v1alpha1.AccessRole;
import dev.trellis.api.v1alpha1.ApiConstants;
import dev.trellis.api.v1alpha1.Connector;
import dev.trellis.api.v1alpha1.Folder;
import dev.trellis.api.v1alpha1.ManagedResource;
import dev.trellis.api.v1alpha1.Member;
import dev.trellis.api.v1alpha1.Organization;
import dev.trellis.api.v1alpha1.Project;
import dev.trellis.api.v1alpha1.RoleBinding;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.SecondaryToPrimaryMapper;
import io.javaoperatorsdk.operator.processing.event.source.filter.OnUpdateFilter;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The informer caches the tenancy reconciler reads: every Trellis kind and the grants ConfigMaps. Each
 * maps its changes to the namespace (the organization) they concern.
 */
final class TenancySources {
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
  final InformerEventSource<ConfigMap, Namespace> configMaps;

  TenancySources(EventSourceContext<Namespace> context) {
    // Organizations' status matters (orgId), so every change of theirs counts.
    organizations = source(context, Organization.class, new OrganizationToNamespaceMapper(), null);
    folders = source(context, Folder.class, new ToNamespaceMapper<>(), SPEC_CHANGED);
    projects = source(context, Project.class, new ToNamespaceMapper<>(), SPEC_CHANGED);
    resources = source(context, ManagedResource.class, new ToNamespaceMapper<>(), SPEC_CHANGED);
    connectors = source(context, Connector.class, new ToNamespaceMapper<>(), SPEC_CHANGED);
    members = source(context, Member.class, new ToNamespaceMapper<>(), SPEC_CHANGED);
    bindings = source(context, RoleBinding.class, new ToNamespaceMapper<>(), SPEC_CHANGED);
    AccessRoleToNamespacesMapper.index(bindings);
    roles = source(context, AccessRole.class, new AccessRoleToNamespacesMapper(bindings), SPEC_CHANGED);
    configMaps = new InformerEventSource<>(
        InformerEventSourceConfiguration.from(ConfigMap.class, Namespace.class)
            .withName("grants-configmaps")
            .withLabelSelector(ApiConstants.MANAGED_BY_LABEL + "=" + ApiConstants.MANAGED_BY + "," + CONNECTOR_LABEL)
            .withSecondaryToPrimaryMapper(new ToNamespaceMapper<>())
            .build(),
        context);
  }

  List<EventSource<?, Namespace>> all() {
    return List.of(organizations, folders, projects, resources, connectors, members, bindings, roles, configMaps);
  }

  /**
   * The organization that owns {@code namespace}: the one the namespace is labelled for, asking for this
   * namespace, with an orgId, and not being deleted. Nothing else confers ownership.
   */
  Optional<Organization> owner(Namespace namespace) {
    var labels = namespace.getMetadata().getLabels();
    String claimed = labels == null ? null : labels.get(ApiConstants.ORGANIZATION_LABEL);
    if (claimed == null) {
      return Optional.empty();
    }
    return organizations.get(new ResourceID(claimed))
        .filter(org -> org.effectiveNamespace().equals(namespace.getMetadata().getName()))
        .filter(org -> org.getStatus() != null && org.getStatus().getOrgId() != null)
        .filter(org -> org.getMetadata().getDeletionTimestamp() == null);
  }

  SnapshotBuilder.Inputs inputs(Organization organization, String namespace) {
    return new SnapshotBuilder.Inputs(organization,
        folders.list(namespace).toList(),
        projects.list(namespace).toList(),
        resources.list(namespace).toList(),
        connectors.list(namespace).toList(),
        members.list(namespace).toList(),
        roles.list().toList(),
        bindings.list(namespace).toList());
  }

  /**
   * Status writes (ours included) do not change what an object grants; spec, label and deletion changes
   * may. Filtering the rest keeps our own status writes from re-triggering the namespace.
   */
  private static final OnUpdateFilter<HasMetadata> SPEC_CHANGED = (updated, old) ->
      !Objects.equals(updated.getMetadata().getGeneration(), old.getMetadata().getGeneration())
          || !Objects.equals(updated.getMetadata().getLabels(), old.getMetadata().getLabels())
          || !Objects.equals(updated.getMetadata().getDeletionTimestamp(), old.getMetadata().getDeletionTimestamp());

  private static <R extends HasMetadata> InformerEventSource<R, Namespace> source(
      EventSourceContext<Namespace> context, Class<R> kind, SecondaryToPrimaryMapper<R> mapper,
      OnUpdateFilter<HasMetadata> onUpdate) {
    var builder = InformerEventSourceConfiguration.from(kind, Namespace.class).withSecondaryToPrimaryMapper(mapper);
    if (onUpdate != null) {
      builder.withOnUpdateFilter(onUpdate);
    }
    return new InformerEventSource<>(builder.build(), context);
  }
}
