package dev.trellis.model.permissions;

import dev.trellis.api.v1alpha1.FeatureLevel;

/**
 * One row of the seed's "permissions by user role" table: its label, the permission that stands for it, and
 * its Y/N answers for the combined Administrator/Account Owner column, User and Guest.
 */
public record FeatureTableRow(String label, String permission, boolean administratorOrOwner, boolean user,
    boolean guest) {

  /** The table's answer for a level: AccountOwner and Administrator share the combined column. */
  public boolean says(FeatureLevel level) {
    return switch (level) {
      case AccountOwner, Administrator -> administratorOrOwner;
      case User -> user;
      case Guest -> guest;
    };
  }
}
