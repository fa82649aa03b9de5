package dev.trellis.model.validation;

import dev.trellis.model.Reasons;
import dev.trellis.model.permissions.PermissionCatalogue;
import dev.trellis.model.snapshot.RoleNode;
import dev.trellis.model.verdict.Verdict;
import java.util.List;
import java.util.TreeSet;

/** Judges an access role against the permission catalogue. */
public final class RoleValidator {

  private RoleValidator() {}

  public static Verdict judge(RoleNode role) {
    List<String> unknown = new TreeSet<>(
        role.permissions().stream().filter(p -> !PermissionCatalogue.contains(p)).toList()).stream().toList();
    if (!unknown.isEmpty()) {
      String quoted = String.join(", ", unknown.stream().map(p -> "\"" + p + "\"").toList());
      return Verdict.invalid(Reasons.UNKNOWN_PERMISSION, (unknown.size() == 1 ? "Permission " : "Permissions ")
          + quoted + (unknown.size() == 1 ? " is" : " are")
          + " not in the catalogue (docs/permissions.md); correct or remove "
          + (unknown.size() == 1 ? "it." : "them."));
    }
    return Verdict.ok("Role is valid.");
  }
}
