package dev.trellis.model.property;

import dev.trellis.api.v1alpha1.PartnershipPhase;
import dev.trellis.model.RoleFiles;
import dev.trellis.model.snapshot.BindingNode;
import dev.trellis.model.snapshot.ConnectorNode;
import dev.trellis.model.snapshot.FolderNode;
import dev.trellis.model.snapshot.MemberNode;
import dev.trellis.model.snapshot.MemberType;
import dev.trellis.model.snapshot.OrgSnapshot;
import dev.trellis.model.snapshot.OrganizationNode;
import dev.trellis.model.snapshot.PartnershipView;
import dev.trellis.model.snapshot.ProjectNode;
import dev.trellis.model.snapshot.ResourceNode;
import dev.trellis.model.snapshot.RoleNode;
import dev.trellis.model.snapshot.ScopeKind;
import dev.trellis.model.snapshot.ScopeRef;
import dev.trellis.model.snapshot.SubjectRef;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/** Random organizations with cycles, dangling references, disabled members, expiries and broken roles. */
public final class RandomOrgs {
  public static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");

  private final Random rnd;

  private RandomOrgs(long seed) {
    rnd = new Random(seed);
  }

  public static OrgSnapshot generate(long seed) {
    return new RandomOrgs(seed).org();
  }

  private OrgSnapshot org() {
    int nf = rnd.nextInt(9);
    List<String> folderNames = names("f", nf);
    List<FolderNode> folders = new ArrayList<>();
    for (int i = 0; i < nf; i++) {
      int roll = rnd.nextInt(100);
      // Mostly point at an earlier folder (a tree, sometimes deep); sometimes any folder (maybe a cycle).
      String parent = roll < 25 || i == 0 && roll < 70 ? ""
          : roll < 70 ? folderNames.get(rnd.nextInt(i == 0 ? 1 : i))
              : roll < 90 ? pick(folderNames)
                  : "ghost-folder";
      folders.add(new FolderNode(folderNames.get(i), parent));
    }
    if (nf >= 1 && rnd.nextInt(8) == 0) {
      folders.set(0, new FolderNode("f0", "f0"));
    }
    if (nf >= 1 && rnd.nextInt(6) == 0) {
      // A long chain below f0 to exercise the depth limit.
      String parent = "f0";
      for (int d = 0; d < 8 + rnd.nextInt(5); d++) {
        String name = "deep" + d;
        folders.add(new FolderNode(name, parent));
        folderNames.add(name);
        parent = name;
      }
    }
    List<String> projectNames = names("p", 1 + rnd.nextInt(7));
    List<ProjectNode> projects = new ArrayList<>();
    for (String p : projectNames) {
      int roll = rnd.nextInt(100);
      String folder = roll < 30 || folderNames.isEmpty() ? null : roll < 92 ? pick(folderNames) : "ghost-folder";
      projects.add(new ProjectNode(p, folder));
    }
    List<String> connectorNames = names("c", 1 + rnd.nextInt(3));
    List<ConnectorNode> connectors = new ArrayList<>();
    for (String c : connectorNames) {
      connectors.add(new ConnectorNode(c, subset(projectNames, "ghost-project"), subset(folderNames, "ghost-folder")));
    }
    List<ResourceNode> resources = new ArrayList<>();
    for (String r : names("r", 1 + rnd.nextInt(9))) {
      int roll = rnd.nextInt(100);
      String connector = roll < 85 ? pick(connectorNames) : roll < 95 ? "ghost-connector" : null;
      resources.add(new ResourceNode(r, rnd.nextBoolean() ? "ONTAPCluster" : "FSx", connector,
          subset(projectNames, "ghost-project"), subset(folderNames, "ghost-folder")));
    }
    List<MemberNode> members = members("m", "acme", 1 + rnd.nextInt(6));
    // Feature roles (one per member and feature) have their own tests; the reference knows the other rules.
    List<RoleNode> roles = new ArrayList<>(RoleFiles.roles().stream().filter(r -> !r.featured()).toList());
    roles.add(new RoleNode("broken", List.of("resources.view", "made.up"), EnumSet.allOf(ScopeKind.class), true));
    roles.add(new RoleNode("project-only", List.of("resources.view", "backup.view"), Set.of(ScopeKind.Project), true));
    List<PartnershipView> partnerships = new ArrayList<>();
    for (String p : names("ps", rnd.nextInt(3))) {
      List<MemberNode> partnerMembers = members("pm", "partner-" + p, 1 + rnd.nextInt(3));
      List<String> listed = new ArrayList<>(subset(partnerMembers.stream().map(MemberNode::name).toList(), "pm-ghost"));
      PartnershipPhase phase =
          rnd.nextInt(3) == 0 ? pick(List.of(PartnershipPhase.values())) : PartnershipPhase.Established;
      partnerships.add(new PartnershipView(p, phase, "partner-" + p, listed, partnerMembers));
    }
    List<String> roleNames = new ArrayList<>(roles.stream().map(RoleNode::name).toList());
    roleNames.add("ghost-role");
    List<BindingNode> bindings = new ArrayList<>();
    // Half the bindings use roles that fit every scope, so that plenty of chains are valid.
    List<String> common = List.of("operation-support-analyst", "super-viewer", "folder-or-project-admin",
        "organization-admin");
    for (String b : names("b", rnd.nextInt(20))) {
      bindings.add(new BindingNode(b, rnd.nextBoolean() ? pick(common) : pick(roleNames),
          subject(members, partnerships), scope(folderNames, projectNames),
          expiry()));
    }
    return new OrgSnapshot(new OrganizationNode("acme", "id-acme", "org-acme"), folders, projects, resources,
        connectors,
        members, roles, bindings, partnerships);
  }

  private List<MemberNode> members(String prefix, String org, int n) {
    List<MemberNode> out = new ArrayList<>();
    for (String m : names(prefix, n)) {
      boolean sa = rnd.nextInt(4) == 0;
      String email = sa || rnd.nextInt(10) == 0 ? null : m + "@" + org + ".com";
      String clientId = sa && rnd.nextBoolean() ? "client-" + m : null;
      out.add(
          new MemberNode(m, sa ? MemberType.ServiceAccount : MemberType.User, email, clientId, rnd.nextInt(7) == 0));
    }
    return out;
  }

  private SubjectRef subject(List<MemberNode> members, List<PartnershipView> partnerships) {
    if (rnd.nextInt(4) == 0) {
      String partnership = partnerships.isEmpty() || rnd.nextInt(6) == 0 ? "ghost-partnership"
          : pick(partnerships).name();
      String name = partnerships.isEmpty() ? "pm0" : "pm" + rnd.nextInt(4);
      return SubjectRef.partnerMember(partnership, name);
    }
    return SubjectRef.member(rnd.nextInt(10) == 0 ? "ghost-member" : pick(members).name());
  }

  private ScopeRef scope(List<String> folders, List<String> projects) {
    int roll = rnd.nextInt(100);
    if (roll < 20) {
      return ScopeRef.organization();
    }
    if (roll < 55 && !folders.isEmpty()) {
      return ScopeRef.folder(rnd.nextInt(12) == 0 ? "ghost-folder" : pick(folders));
    }
    return ScopeRef.project(rnd.nextInt(12) == 0 ? "ghost-project" : pick(projects));
  }

  private Instant expiry() {
    return rnd.nextInt(10) < 6 ? null : NOW.plusSeconds((rnd.nextInt(48) - 12) * 3600L);
  }

  /** A random subset, sometimes with a dangling name or a duplicate. */
  private List<String> subset(List<String> from, String ghost) {
    List<String> out = new ArrayList<>();
    for (String s : from) {
      if (rnd.nextBoolean()) {
        out.add(s);
      }
    }
    if (rnd.nextInt(10) == 0) {
      out.add(ghost);
    }
    if (!out.isEmpty() && rnd.nextInt(15) == 0) {
      out.add(out.get(0));
    }
    Collections.shuffle(out, rnd);
    return out;
  }

  private <T> T pick(List<T> from) {
    return from.get(rnd.nextInt(from.size()));
  }

  private static List<String> names(String prefix, int n) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(prefix + i);
    }
    return out;
  }
}
