package dev.trellis.model.permissions;

import java.util.List;
import java.util.Optional;

/**
 * The seed's "permissions by user role" table, row for row and Y for Y; docs/feature-roles.md shows it. What
 * the roles make of it (which rows a feature has, where the prose overrides a Y) is {@link FeatureRoles}'s job.
 */
public final class FeatureTable {

  private static final List<FeatureTableRow> ROWS = List.of(
      row("Acquisition Units: Add/Modify/Delete", "acquisitionunits.manage", "YNN"),
      row("Alerts: Create/Modify/Delete", "alerts.manage", "YYN"),
      row("Alerts: View", "alerts.view", "YYY"),
      row("Annotation Rules: Create/Run/Modify/Delete", "annotationrules.manage", "YYN"),
      row("Annotations: Create/Modify/Assign/View/Remove/Delete", "annotations.manage", "YYN"),
      row("API Access: Create/Rename/Disable/Revoke", "apitokens.manage", "YNN"),
      row("Applications: Create/View/Modify/Delete", "applications.manage", "YYN"),
      row("Asset Pages: Modify", "assetpages.manage", "YYN"),
      row("Asset Pages: View", "assetpages.view", "YYY"),
      row("Audit: View", "audit.view", "YNN"),
      row("Cloud Cost", "cloudcost.view", "YNN"),
      row("Security", "forensics.manage", "YNN"),
      row("Dashboards: Create/Modify/Delete", "dashboards.manage", "YYN"),
      row("Dashboards: View", "dashboards.view", "YYY"),
      row("Data Collectors: Add/Modify/Poll/Delete", "datacollectors.manage", "YNN"),
      row("Notifications: View", "notifications.view", "YYY"),
      row("Notifications: Modify", "notifications.manage", "YNN"),
      row("Queries: Create/Modify/Delete", "queries.manage", "YYN"),
      row("Queries: View/Run", "queries.view", "YYY"),
      row("Device Resolution", "deviceresolution.manage", "YYN"),
      row("Reports: View/Run", "reports.view", "YYY"),
      row("Reports: Create/Modify/Delete/Schedule", "reports.manage", "YYN"),
      row("Subscription: View/Modify", "subscription.manage", "YNN"),
      row("User Management: Invite/Add/Modify/Deactivate", "users.manage", "YNN"));

  private FeatureTable() {}

  /** Every row, in the seed's order. */
  public static List<FeatureTableRow> rows() {
    return ROWS;
  }

  /** The row a permission stands for, if it stands for one. */
  public static Optional<FeatureTableRow> rowOf(String permission) {
    return ROWS.stream().filter(r -> r.permission().equals(permission)).findFirst();
  }

  /** {@code yn} is the three columns as written in the seed: Administrator/Account Owner, User, Guest. */
  private static FeatureTableRow row(String label, String permission, String yn) {
    if (!yn.matches("[YN]{3}")) {
      throw new IllegalArgumentException(label + ": " + yn);
    }
    return new FeatureTableRow(label, permission, yn.charAt(0) == 'Y', yn.charAt(1) == 'Y', yn.charAt(2) == 'Y');
  }
}
