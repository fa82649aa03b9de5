package dev.trellis.model.admission;

import dev.trellis.model.snapshot.ScopeRef;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What Trellis must grant a member, and where, for each write of the organization's IAM objects other than role
 * bindings (those are {@link Delegation#mayBind}). The table is docs/security.md's "write → permission needed".
 * Pure: it reads the object before and after the write.
 */
public final class WriteRules {

  /** One requirement: any of {@code permissions} at {@code scope}. */
  public record Need(List<String> permissions, ScopeRef scope) {
    static Need of(String permission, ScopeRef scope) {
      return new Need(List.of(permission), scope);
    }
  }

  private WriteRules() {}

  /** A Member: members.manage (seed 001) or users.manage (seed 003) at the organization, for any write. */
  public static List<Need> member() {
    return List.of(new Need(List.of("members.manage", "users.manage"), ScopeRef.organization()));
  }

  /** A Partnership (customer side) or PartnershipAcceptance (partner side): partnerships.manage at the organization. */
  public static List<Need> partnership() {
    return List.of(Need.of("partnerships.manage", ScopeRef.organization()));
  }

  /**
   * A Folder: creating needs folders.create where it goes (its parent, or the organization), deleting folders.delete
   * at the folder, moving folders.manage at the old place and the new one.
   */
  public static List<Need> folder(String operation, String name, String oldParent, String newParent) {
    return placed("folders", operation, ScopeRef.folder(name), folderOrRoot(oldParent), folderOrRoot(newParent));
  }

  /** A Project: as a folder, with projects.* and its folder as its place. */
  public static List<Need> project(String operation, String name, String oldFolder, String newFolder) {
    return placed("projects", operation, ScopeRef.project(name), folderOrRoot(oldFolder), folderOrRoot(newFolder));
  }

  /**
   * A Connector: creating needs connectors.create and deleting connectors.delete at the organization; associating
   * it with a project or folder, or removing that association, needs connectors.associate there.
   */
  public static List<Need> connector(String operation, List<ScopeRef> oldPoints, List<ScopeRef> newPoints) {
    List<Need> needs = new ArrayList<>();
    switch (operation) {
      case "CREATE" -> needs.add(Need.of("connectors.create", ScopeRef.organization()));
      case "DELETE" -> needs.add(Need.of("connectors.delete", ScopeRef.organization()));
      default -> {}
    }
    Set<ScopeRef> changed = new LinkedHashSet<>();
    oldPoints.stream().filter(p -> !newPoints.contains(p)).forEach(changed::add);
    newPoints.stream().filter(p -> !oldPoints.contains(p)).forEach(changed::add);
    if ("CREATE".equals(operation)) {
      changed.addAll(newPoints);
    }
    changed.forEach(p -> needs.add(Need.of("connectors.associate", p)));
    return needs;
  }

  private static List<Need> placed(String area, String operation, ScopeRef self, ScopeRef oldPlace, ScopeRef newPlace) {
    return switch (operation) {
      case "CREATE" -> List.of(Need.of(area + ".create", newPlace));
      case "DELETE" -> List.of(Need.of(area + ".delete", self));
      default -> Objects.equals(oldPlace, newPlace) ? List.of()
          : List.of(Need.of(area + ".manage", oldPlace), Need.of(area + ".manage", newPlace));
    };
  }

  private static ScopeRef folderOrRoot(String folder) {
    return folder == null || folder.isEmpty() ? ScopeRef.organization() : ScopeRef.folder(folder);
  }
}
