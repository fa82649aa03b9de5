package dev.trellis.model.snapshot;

import java.util.List;

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
    List<PartnershipView> partnerships) {

  public OrgSnapshot {
    folders = Lists.copy(folders);
    projects = Lists.copy(projects);
    resources = Lists.copy(resources);
    connectors = Lists.copy(connectors);
    members = Lists.copy(members);
    roles = Lists.copy(roles);
    bindings = Lists.copy(bindings);
    partnerships = Lists.copy(partnerships);
  }
}
