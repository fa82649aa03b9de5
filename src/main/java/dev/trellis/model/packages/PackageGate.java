package dev.trellis.model.packages;

import dev.trellis.api.v1alpha1.ProductPackage;
import dev.trellis.model.Reasons;
import dev.trellis.model.permissions.PermissionCatalogue;
import dev.trellis.model.verdict.Verdict;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Drops the permissions whose package the resource's organization does not have (DESIGN §3 rule 7). Unknown
 * permissions are dropped too: a permission that belongs to no package cannot be subscribed to.
 */
public final class PackageGate {

  private PackageGate() {}

  /** The permissions that survive, in their given order. */
  public static List<String> gate(List<String> permissions, Set<ProductPackage> effective) {
    return permissions.stream().filter(p -> allowed(p, effective)).toList();
  }

  /** Whether one permission survives the organization's effective packages. */
  public static boolean allowed(String permission, Set<ProductPackage> effective) {
    return PermissionCatalogue.packageOf(permission).map(effective::contains).orElse(false);
  }

  /**
   * {@code PackageNotSubscribed} when a role has permissions and every one of them is gated off; empty when
   * at least one survives (the binding keeps granting it) or the role has none.
   */
  public static Optional<Verdict> notSubscribed(List<String> rolePermissions, Set<ProductPackage> effective) {
    if (rolePermissions.isEmpty() || !gate(rolePermissions, effective).isEmpty()) {
      return Optional.empty();
    }
    EnumSet<ProductPackage> missing = EnumSet.noneOf(ProductPackage.class);
    rolePermissions.forEach(p -> PermissionCatalogue.packageOf(p).filter(k -> !effective.contains(k))
        .ifPresent(missing::add));
    if (missing.isEmpty()) {
      // Only unknown permissions: the role itself is invalid and says so; this is not about packages.
      return Optional.empty();
    }
    String names = missing.stream().map(ProductPackage::displayName).collect(Collectors.joining(", "));
    String message = missing.size() == 1
        ? "Access denied: the organization is not subscribed to this product package (" + names
            + "); every permission of the role belongs to it."
        : "Access denied: the organization is not subscribed to these product packages (" + names
            + "); every permission of the role belongs to one of them.";
    return Optional.of(Verdict.invalid(Reasons.PACKAGE_NOT_SUBSCRIBED, message));
  }
}
