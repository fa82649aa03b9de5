package dev.trellis.model.permissions;

import static dev.trellis.api.v1alpha1.Feature.Observability;
import static dev.trellis.api.v1alpha1.Feature.Reporting;
import static dev.trellis.api.v1alpha1.Feature.WorkloadSecurity;

import dev.trellis.api.v1alpha1.Feature;
import dev.trellis.api.v1alpha1.FeatureLevel;
import dev.trellis.model.snapshot.ScopeKind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The permissions of each feature role (feature × level), read from {@link FeatureTable} and the seed's role
 * descriptions; docs/feature-roles.md explains every choice made here.
 */
public final class FeatureRoles {

  /** Rows every feature has: the account itself (its subscription and users) and its API tokens. */
  private static final List<String> ACCOUNT_ROWS = List.of("apitokens.manage", "subscription.manage", "users.manage");

  /** The rows of each feature, by the permission that stands for the row. */
  private static final Map<Feature, Set<String>> ROWS = rowsByFeature();

  /**
   * Rows whose Y in the combined Administrator/Account Owner column only Account Owners get: the prose gives
   * subscriptions to Account Owners, and to Administrators only the functions of their feature.
   */
  private static final Set<String> OWNER_ONLY_ROWS = Set.of("subscription.manage");

  /** What Account Owners hold beyond the table: "view billing and usage", "manage SSO and identity federation". */
  private static final Set<String> OWNER_EXTRAS = Set.of("billing.view", "sso.manage");

  /** What every level of a feature holds beyond the table: Workload Security's users and guests view forensics. */
  private static final Map<Feature, Set<String>> FEATURE_EXTRAS = Map.of(WorkloadSecurity, Set.of("forensics.view"));

  private FeatureRoles() {}

  /** The rows of the table that belong to a feature, in the table's order. */
  public static List<FeatureTableRow> rowsOf(Feature feature) {
    return FeatureTable.rows().stream().filter(r -> ROWS.get(feature).contains(r.permission())).toList();
  }

  /** Whether a row's Y in the combined column is for Account Owners only (the subscription row). */
  public static boolean ownerOnly(FeatureTableRow row) {
    return OWNER_ONLY_ROWS.contains(row.permission());
  }

  /** Permissions a feature role holds that no row of its feature gives it, sorted. */
  public static SortedSet<String> extras(Feature feature, FeatureLevel level) {
    SortedSet<String> out = new TreeSet<>(FEATURE_EXTRAS.getOrDefault(feature, Set.of()));
    if (level == FeatureLevel.AccountOwner) {
      out.addAll(OWNER_EXTRAS);
    }
    return Collections.unmodifiableSortedSet(out);
  }

  /** The permissions of a feature role: its feature's rows that say Y for the level, plus the extras, sorted. */
  public static SortedSet<String> permissions(Feature feature, FeatureLevel level) {
    SortedSet<String> out = new TreeSet<>(extras(feature, level));
    for (FeatureTableRow row : rowsOf(feature)) {
      if (row.says(level) && (level == FeatureLevel.AccountOwner || !ownerOnly(row))) {
        out.add(row.permission());
      }
    }
    return Collections.unmodifiableSortedSet(out);
  }

  /** The role's name in kebab case, {@code <feature>-<level>}: {@code workload-security-account-owner}. */
  public static String roleName(Feature feature, FeatureLevel level) {
    return kebab(feature.name()) + "-" + kebab(level.name());
  }

  /** The predefined role of a feature and level. */
  public static FeatureRole role(Feature feature, FeatureLevel level) {
    boolean owner = level == FeatureLevel.AccountOwner;
    // Account owners administer the whole account, so they are given at the organization, and kept from
    // partners as the other roles that change who has access to the organization are.
    List<ScopeKind> at = owner ? List.of(ScopeKind.Organization)
        : List.of(ScopeKind.Organization, ScopeKind.Folder, ScopeKind.Project);
    String displayName = feature.displayName() + " " + kebab(level.name()).replace('-', ' ');
    return new FeatureRole(roleName(feature, level), feature, level, displayName,
        List.copyOf(permissions(feature, level)), at, !owner);
  }

  /** Every predefined feature role, feature by feature, from AccountOwner down to Guest. */
  public static List<FeatureRole> all() {
    List<FeatureRole> out = new ArrayList<>();
    for (Feature feature : Feature.values()) {
      for (FeatureLevel level : FeatureLevel.values()) {
        out.add(role(feature, level));
      }
    }
    return List.copyOf(out);
  }

  private static Map<Feature, Set<String>> rowsByFeature() {
    Map<Feature, Set<String>> m = new EnumMap<>(Feature.class);
    m.put(Observability, withAccountRows("acquisitionunits.manage", "alerts.manage", "alerts.view",
        "annotationrules.manage", "annotations.manage", "applications.manage", "assetpages.manage",
        "assetpages.view", "audit.view", "cloudcost.view", "dashboards.manage", "dashboards.view",
        "datacollectors.manage", "notifications.view", "notifications.manage", "queries.manage", "queries.view",
        "deviceresolution.manage"));
    m.put(WorkloadSecurity, withAccountRows("alerts.manage", "alerts.view", "audit.view", "forensics.manage",
        "datacollectors.manage", "notifications.view", "notifications.manage"));
    // The Reporting user "creates and manages reports and dashboards", so Reporting has the dashboard rows.
    m.put(Reporting, withAccountRows("dashboards.manage", "dashboards.view", "reports.view", "reports.manage"));
    return Collections.unmodifiableMap(m);
  }

  private static Set<String> withAccountRows(String... rows) {
    Set<String> out = new TreeSet<>(List.of(rows));
    out.addAll(ACCOUNT_ROWS);
    for (String row : out) {
      if (FeatureTable.rowOf(row).isEmpty()) {
        throw new IllegalStateException(row + " is no row of the table");
      }
    }
    return Collections.unmodifiableSet(out);
  }

  private static String kebab(String camel) {
    return camel.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
  }
}
