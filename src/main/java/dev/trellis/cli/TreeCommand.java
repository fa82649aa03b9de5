package dev.trellis.cli;

import dev.trellis.api.v1alpha1.Connector;
import dev.trellis.api.v1alpha1.Folder;
import dev.trellis.api.v1alpha1.ManagedResource;
import dev.trellis.api.v1alpha1.Organization;
import dev.trellis.api.v1alpha1.Project;
import dev.trellis.api.v1alpha1.TrellisStatus;
import io.fabric8.kubernetes.client.CustomResource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code tree [org]}: an organization's folders, projects (nested by parent), managed resources (under every
 * project and folder they are associated with) and connectors, with Ready and reason; the tenant tree above and
 * below it. Without an organization, every organization as a forest of the tenant tree.
 */
final class TreeCommand {
  /** One line of the tree and the lines below it. */
  record Node(String kind, String name, String ready, String reason, String message, String detail,
      List<Node> children) {}

  private final Cli cli;

  TreeCommand(Cli cli) {
    this.cli = cli;
  }

  int run() {
    List<Organization> all = cli.organizations();
    String name = cli.options.arg(1);
    List<Node> roots = new ArrayList<>();
    List<String> above = List.of();
    if (name == null && cli.options.namespace() != null) {
      name = cli.organizationOf(cli.options.namespace(), all).map(o -> o.getMetadata().getName())
          .orElseThrow(() -> new CliException("namespace " + cli.options.namespace()
              + " belongs to no organization."));
    }
    if (name == null) {
      for (Organization org : all) {
        String parent = parent(org);
        if (parent == null || all.stream().noneMatch(o -> o.getMetadata().getName().equals(parent))) {
          roots.add(organization(org, all, new java.util.HashSet<>()));
        }
      }
    } else {
      Organization org = cli.organization(name);
      above = ancestors(org, all);
      roots.add(organization(org, all, new java.util.HashSet<>()));
    }
    if (cli.options.json()) {
      Map<String, Object> doc = new LinkedHashMap<>();
      if (name != null) {
        doc.put("parents", above);
      }
      doc.put("organizations", roots);
      cli.json(doc);
      return 0;
    }
    if (!above.isEmpty()) {
      cli.out.println("parents: " + String.join(" > ", above));
    }
    for (Node root : roots) {
      cli.out.println(line(root));
      print(root.children(), "");
    }
    if (roots.isEmpty()) {
      cli.out.println("No organizations.");
    }
    return 0;
  }

  private void print(List<Node> nodes, String indent) {
    for (int i = 0; i < nodes.size(); i++) {
      boolean last = i == nodes.size() - 1;
      cli.out.println(indent + (last ? "└── " : "├── ") + line(nodes.get(i)));
      print(nodes.get(i).children(), indent + (last ? "    " : "│   "));
    }
  }

  private static String line(Node n) {
    StringBuilder s = new StringBuilder(n.kind().isEmpty() ? n.name() : n.kind() + "/" + n.name());
    if (n.detail() != null) {
      s.append(" ").append(n.detail());
    }
    if (n.ready() != null) {
      s.append("  ").append(n.ready());
      if (!"Ready".equals(n.ready()) && n.message() != null) {
        s.append(": ").append(n.message());
      }
    }
    return s.toString();
  }

  private static String parent(Organization org) {
    String p = org.getSpec() == null ? null : org.getSpec().getParent();
    return p == null || p.isEmpty() ? null : p;
  }

  /** The organizations above {@code org}, the root first. */
  private static List<String> ancestors(Organization org, List<Organization> all) {
    List<String> chain = new ArrayList<>();
    String p = parent(org);
    while (p != null && !chain.contains(p)) {
      chain.add(0, p);
      String name = p;
      p = all.stream().filter(o -> o.getMetadata().getName().equals(name)).findFirst().map(TreeCommand::parent)
          .orElse(null);
    }
    return chain;
  }

  private Node organization(Organization org, List<Organization> all, java.util.Set<String> seen) {
    String name = org.getMetadata().getName();
    seen.add(name);
    String ns = Cli.namespaceOf(org);
    List<Node> children = new ArrayList<>();
    if (org.active()) {
      children.addAll(hierarchy(ns));
    }
    for (Organization child : all) {
      if (name.equals(parent(child)) && !seen.contains(child.getMetadata().getName())) {
        children.add(organization(child, all, seen));
      }
    }
    String orgId = org.getStatus() == null ? null : org.getStatus().getOrgId();
    String displayName = org.getSpec() == null ? null : org.getSpec().getDisplayName();
    String detail = "(" + (displayName == null ? "" : displayName + ", ") + "namespace " + ns
        + (orgId == null ? "" : ", orgId " + orgId) + ")";
    return node("Organization", name, org, detail, children);
  }

  private List<Node> hierarchy(String ns) {
    List<Folder> folders = cli.list(Folder.class, ns);
    List<Project> projects = cli.list(Project.class, ns);
    List<ManagedResource> resources = cli.list(ManagedResource.class, ns);
    List<Connector> connectors = cli.list(Connector.class, ns);
    List<Node> top = new ArrayList<>();
    for (Folder f : folders) {
      if (blank(f.getSpec() == null ? null : f.getSpec().getParent())
          || folders.stream().noneMatch(x -> x.getMetadata().getName().equals(f.getSpec().getParent()))) {
        top.add(folder(f, folders, projects, resources, new java.util.HashSet<>()));
      }
    }
    for (Project p : projects) {
      String folder = p.getSpec() == null ? null : p.getSpec().getFolder();
      if (blank(folder) || folders.stream().noneMatch(x -> x.getMetadata().getName().equals(folder))) {
        top.add(project(p, resources));
      }
    }
    // Folders on a cycle have no way down from the top: show them at the top, with their reason.
    java.util.Set<String> shown = new java.util.HashSet<>();
    collect(top, shown);
    for (Folder f : folders) {
      if (!shown.contains("Folder/" + f.getMetadata().getName())) {
        top.add(node("Folder", f.getMetadata().getName(), f, null, List.of()));
      }
    }
    List<Node> unassociated = new ArrayList<>();
    for (ManagedResource r : resources) {
      if (r.getSpec() == null || (empty(r.getSpec().getProjects()) && empty(r.getSpec().getFolders()))) {
        unassociated.add(resource(r));
      }
    }
    if (!unassociated.isEmpty()) {
      top.add(new Node("", "(organization-wide, no project or folder)", null, null, null, null, unassociated));
    }
    List<Node> conns = new ArrayList<>();
    for (Connector c : connectors) {
      List<String> assoc = new ArrayList<>();
      if (c.getSpec() != null) {
        if (!empty(c.getSpec().getProjects())) {
          assoc.add("projects " + c.getSpec().getProjects());
        }
        if (!empty(c.getSpec().getFolders())) {
          assoc.add("folders " + c.getSpec().getFolders());
        }
      }
      conns.add(node("Connector", c.getMetadata().getName(), c, assoc.isEmpty() ? "(no associations)"
          : "(" + String.join(", ", assoc) + ")", List.of()));
    }
    if (!conns.isEmpty()) {
      top.add(new Node("", "connectors", null, null, null, null, conns));
    }
    return top;
  }

  private static void collect(List<Node> nodes, java.util.Set<String> into) {
    for (Node n : nodes) {
      into.add(n.kind() + "/" + n.name());
      collect(n.children(), into);
    }
  }

  private Node folder(Folder f, List<Folder> folders, List<Project> projects, List<ManagedResource> resources,
      java.util.Set<String> seen) {
    String name = f.getMetadata().getName();
    seen.add(name);
    List<Node> children = new ArrayList<>();
    for (Folder sub : folders) {
      if (sub.getSpec() != null && name.equals(sub.getSpec().getParent())
          && !seen.contains(sub.getMetadata().getName())) {
        children.add(folder(sub, folders, projects, resources, seen));
      }
    }
    for (Project p : projects) {
      if (p.getSpec() != null && name.equals(p.getSpec().getFolder())) {
        children.add(project(p, resources));
      }
    }
    for (ManagedResource r : resources) {
      if (r.getSpec() != null && r.getSpec().getFolders() != null && r.getSpec().getFolders().contains(name)) {
        children.add(resource(r));
      }
    }
    return node("Folder", name, f, null, children);
  }

  private Node project(Project p, List<ManagedResource> resources) {
    String name = p.getMetadata().getName();
    List<Node> children = new ArrayList<>();
    for (ManagedResource r : resources) {
      if (r.getSpec() != null && r.getSpec().getProjects() != null && r.getSpec().getProjects().contains(name)) {
        children.add(resource(r));
      }
    }
    return node("Project", name, p, null, children);
  }

  private Node resource(ManagedResource r) {
    String connector = r.getSpec() == null ? null : r.getSpec().getConnector();
    String type = r.getSpec() == null ? null : r.getSpec().getType();
    return node("ManagedResource", r.getMetadata().getName(), r,
        "(" + Objects.toString(type, "?") + ", " + (blank(connector) ? "no connector" : "connector " + connector) + ")",
        List.of());
  }

  private static Node node(String kind, String name, CustomResource<?, ? extends TrellisStatus> object, String detail,
      List<Node> children) {
    var ready = Cli.ready(object);
    return new Node(kind, name, Cli.readiness(object), ready.map(c -> c.getReason()).orElse(null),
        ready.map(c -> c.getMessage()).orElse(null), detail, children);
  }

  private static boolean blank(String s) {
    return s == null || s.isEmpty();
  }

  private static boolean empty(List<?> l) {
    return l == null || l.isEmpty();
  }
}
