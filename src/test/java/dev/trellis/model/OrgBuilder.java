package dev.trellis.model;

import dev.trellis.model.snapshot.BindingNode;
import dev.trellis.model.snapshot.ConnectorNode;
import dev.trellis.model.snapshot.FolderNode;
import dev.trellis.model.snapshot.MemberNode;
import dev.trellis.model.snapshot.OrgSnapshot;
import dev.trellis.model.snapshot.OrganizationNode;
import dev.trellis.model.snapshot.PartnershipView;
import dev.trellis.model.snapshot.ProjectNode;
import dev.trellis.model.snapshot.ResourceNode;
import dev.trellis.model.snapshot.RoleNode;
import dev.trellis.model.snapshot.ScopeRef;
import dev.trellis.model.snapshot.SubjectRef;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Builds snapshots in tests the way a user would write the YAML; roles default to the predefined ones. */
public final class OrgBuilder {
  private OrganizationNode org;
  private final List<dev.trellis.model.snapshot.AcceptanceNode> acceptances = new ArrayList<>();
  private final List<FolderNode> folders = new ArrayList<>();
  private final List<ProjectNode> projects = new ArrayList<>();
  private final List<ResourceNode> resources = new ArrayList<>();
  private final List<ConnectorNode> connectors = new ArrayList<>();
  private final List<MemberNode> members = new ArrayList<>();
  private final List<RoleNode> roles = new ArrayList<>(RoleFiles.roles());
  private final List<BindingNode> bindings = new ArrayList<>();
  private final List<PartnershipView> partnerships = new ArrayList<>();

  private OrgBuilder(String name) {
    org = new OrganizationNode(name, "id-" + name, "org-" + name);
  }

  public static OrgBuilder org(String name) {
    return new OrgBuilder(name);
  }

  public OrgBuilder folder(String name, String parent) {
    folders.add(new FolderNode(name, parent));
    return this;
  }

  public OrgBuilder project(String name, String folder) {
    projects.add(new ProjectNode(name, folder));
    return this;
  }

  public OrgBuilder resource(String name, String connector, List<String> projects, List<String> folders) {
    resources.add(new ResourceNode(name, "ONTAPCluster", connector, projects, folders));
    return this;
  }

  public OrgBuilder connector(String name, List<String> projects, List<String> folders) {
    connectors.add(new ConnectorNode(name, projects, folders));
    return this;
  }

  public OrgBuilder user(String name) {
    members.add(MemberNode.user(name, name + "@" + org.name() + ".com"));
    return this;
  }

  public OrgBuilder member(MemberNode m) {
    members.add(m);
    return this;
  }

  public OrgBuilder role(RoleNode r) {
    roles.add(r);
    return this;
  }

  public OrgBuilder bind(String name, String role, String member, ScopeRef scope) {
    return bind(new BindingNode(name, role, SubjectRef.member(member), scope, null));
  }

  public OrgBuilder bind(String name, String role, String member, ScopeRef scope, Instant expiresAt) {
    return bind(new BindingNode(name, role, SubjectRef.member(member), scope, expiresAt));
  }

  public OrgBuilder bind(BindingNode b) {
    bindings.add(b);
    return this;
  }

  /** Single sign-on and domain restriction settings. */
  public OrgBuilder access(dev.trellis.model.snapshot.AccessPolicy policy) {
    org = new OrganizationNode(org.name(), org.orgId(), org.namespace(), policy);
    return this;
  }

  public OrgBuilder acceptance(dev.trellis.model.snapshot.AcceptanceNode a) {
    acceptances.add(a);
    return this;
  }

  public OrgBuilder partnership(PartnershipView p) {
    partnerships.add(p);
    return this;
  }

  public OrgSnapshot build() {
    return new OrgSnapshot(org, folders, projects, resources, connectors, members, roles, bindings, partnerships,
        null, acceptances);
  }
}
