package dev.trellis.model.snapshot;

import dev.trellis.api.v1alpha1.ProductPackage;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Everything grant resolution reads for one organization, as immutable values (roles are cluster-wide). */
public record OrgSnapshot(
    OrganizationNode organization,
    List<FolderNode> folders,
    List<ProjectNode> projects,
    List<ResourceNode> resources,
    List<ConnectorNode> connectors,
    List<MemberNode> members,
    List<RoleNode> roles,
    List<BindingNode> bindings,
    List<PartnershipView> partnerships,
    Set<ProductPackage> packages,
    List<AcceptanceNode> acceptances) {

  /** A snapshot without invitation acceptances. */
  public OrgSnapshot(OrganizationNode organization, List<FolderNode> folders, List<ProjectNode> projects,
      List<ResourceNode> resources, List<ConnectorNode> connectors, List<MemberNode> members, List<RoleNode> roles,
      List<BindingNode> bindings, List<PartnershipView> partnerships, Set<ProductPackage> packages) {
    this(organization, folders, projects, resources, connectors, members, roles, bindings, partnerships, packages,
        List.of());
  }

  /** A snapshot of an organization that has every product package. */
  public OrgSnapshot(OrganizationNode organization, List<FolderNode> folders, List<ProjectNode> projects,
      List<ResourceNode> resources, List<ConnectorNode> connectors, List<MemberNode> members, List<RoleNode> roles,
      List<BindingNode> bindings, List<PartnershipView> partnerships) {
    this(organization, folders, projects, resources, connectors, members, roles, bindings, partnerships,
        EnumSet.allOf(ProductPackage.class));
  }

  public OrgSnapshot {
    folders = Lists.copy(folders);
    projects = Lists.copy(projects);
    resources = Lists.copy(resources);
    connectors = Lists.copy(connectors);
    members = Lists.copy(members);
    roles = Lists.copy(roles);
    bindings = Lists.copy(bindings);
    partnerships = Lists.copy(partnerships);
    packages = packages == null ? EnumSet.allOf(ProductPackage.class) : Set.copyOf(packages);
    acceptances = Lists.copy(acceptances);
  }
}
