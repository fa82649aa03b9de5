package dev.trellis.model.permissions;

import static dev.trellis.api.v1alpha1.Feature.Observability;
import static dev.trellis.api.v1alpha1.Feature.Reporting;
import static dev.trellis.api.v1alpha1.Feature.WorkloadSecurity;
import static dev.trellis.api.v1alpha1.FeatureLevel.AccountOwner;
import static dev.trellis.api.v1alpha1.FeatureLevel.Administrator;
import static dev.trellis.api.v1alpha1.FeatureLevel.Guest;
import static dev.trellis.api.v1alpha1.FeatureLevel.User;
import static org.assertj.core.api.Assertions.assertThat;

import dev.trellis.api.v1alpha1.Feature;
import dev.trellis.api.v1alpha1.FeatureLevel;
import dev.trellis.model.snapshot.ScopeKind;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The feature roles give what the seed's "permissions by user role" table and role descriptions say. The table
 * is transcribed here on its own, so a slip in the main code's copy cannot hide itself.
 */
class FeatureRolesTest {

  /**
   * The seed's table as printed: label | permission | Administrator/Account Owner | User | Guest, then the
   * features the row belongs to (O Observability, W Workload Security, R Reporting). * is "Requires Premium".
   */
  private static final String SEED_TABLE = """
      Acquisition Units: Add/Modify/Delete                  | acquisitionunits.manage | Y | N | N | O
      Alerts*: Create/Modify/Delete                         | alerts.manage           | Y | Y | N | O W
      Alerts*: View                                         | alerts.view             | Y | Y | Y | O W
      Annotation Rules: Create/Run/Modify/Delete            | annotationrules.manage  | Y | Y | N | O
      Annotations: Create/Modify/Assign/View/Remove/Delete  | annotations.manage      | Y | Y | N | O
      API Access*: Create/Rename/Disable/Revoke             | apitokens.manage        | Y | N | N | O W R
      Applications: Create/View/Modify/Delete               | applications.manage     | Y | Y | N | O
      Asset Pages: Modify                                   | assetpages.manage       | Y | Y | N | O
      Asset Pages: View                                     | assetpages.view         | Y | Y | Y | O
      Audit: View                                           | audit.view              | Y | N | N | O W
      Cloud Cost                                            | cloudcost.view          | Y | N | N | O
      Security                                              | forensics.manage        | Y | N | N | W
      Dashboards: Create/Modify/Delete                      | dashboards.manage       | Y | Y | N | O R
      Dashboards: View                                      | dashboards.view         | Y | Y | Y | O R
      Data Collectors: Add/Modify/Poll/Delete               | datacollectors.manage   | Y | N | N | O W
      Notifications: View                                   | notifications.view      | Y | Y | Y | O W
      Notifications: Modify                                 | notifications.manage    | Y | N | N | O W
      Queries: Create/Modify/Delete                         | queries.manage          | Y | Y | N | O
      Queries: View/Run                                     | queries.view            | Y | Y | Y | O
      Device Resolution                                     | deviceresolution.manage | Y | Y | N | O
      Reports*: View/Run                                    | reports.view            | Y | Y | Y | R
      Reports*: Create/Modify/Delete/Schedule               | reports.manage          | Y | Y | N | R
      Subscription: View/Modify                             | subscription.manage     | Y | N | N | O W R
      User Management: Invite/Add/Modify/Deactivate         | users.manage            | Y | N | N | O W R
      """;

  /** The documented exception: the prose keeps subscriptions from Administrators, whatever the column says. */
  private static final String OWNER_ONLY_ROW = "subscription.manage";

  record SeedRow(String label, String permission, boolean adminOrOwner, boolean user, boolean guest,
      Set<Feature> features) {

    boolean says(FeatureLevel level) {
      return switch (level) {
        case AccountOwner, Administrator -> adminOrOwner;
        case User -> user;
        case Guest -> guest;
      };
    }

    @Override
    public String toString() {
      return label;
    }
  }

  static List<SeedRow> seedTable() {
    List<SeedRow> rows = new ArrayList<>();
    for (String line : SEED_TABLE.strip().split("\n")) {
      String[] c = line.split("\\|");
      Set<Feature> features = EnumSet.noneOf(Feature.class);
      for (String f : c[5].trim().split(" ")) {
        features.add(switch (f) {
          case "O" -> Observability;
          case "W" -> WorkloadSecurity;
          case "R" -> Reporting;
          default -> throw new IllegalArgumentException(line);
        });
      }
      rows.add(new SeedRow(c[0].trim(), c[1].trim(), yes(c[2]), yes(c[3]), yes(c[4]), features));
    }
    return rows;
  }

  private static boolean yes(String cell) {
    return switch (cell.trim()) {
      case "Y" -> true;
      case "N" -> false;
      default -> throw new IllegalArgumentException(cell);
    };
  }

  /** Every row of the seed × every level × every feature the row belongs to. */
  static Stream<Arguments> everyRowAtEveryLevelOfEachOfItsFeatures() {
    return seedTable().stream().flatMap(row -> row.features().stream()
        .flatMap(feature -> Stream.of(FeatureLevel.values()).map(level -> Arguments.of(row, feature, level))));
  }

  static Stream<Arguments> everyFeatureAndLevel() {
    return Stream.of(Feature.values()).flatMap(f -> Stream.of(FeatureLevel.values()).map(l -> Arguments.of(f, l)));
  }

  /** Beyond the rows of its feature, a role holds only these, each from the seed's prose. */
  private static Set<String> documentedExtras(Feature feature, FeatureLevel level) {
    Set<String> out = new TreeSet<>();
    if (level == AccountOwner) {
      out.addAll(List.of("billing.view", "sso.manage")); // "view billing and usage", "manage SSO ... Federation"
    }
    if (feature == WorkloadSecurity) {
      out.add("forensics.view"); // "User: view Forensics", "Guest: can view Alerts and Forensics"
    }
    return out;
  }

  @Test
  void theMainCodesTableIsTheSeedsTableRowForRow() {
    List<SeedRow> seed = seedTable();
    assertThat(seed).hasSize(24);
    assertThat(FeatureTable.rows()).hasSameSizeAs(seed);
    for (int i = 0; i < seed.size(); i++) {
      SeedRow s = seed.get(i);
      assertThat(FeatureTable.rows().get(i)).as(s.label())
          .isEqualTo(new FeatureTableRow(s.label().replace("*", ""), s.permission(), s.adminOrOwner(), s.user(),
              s.guest()));
    }
  }

  @ParameterizedTest(name = "{1} {2} / {0}")
  @MethodSource("everyRowAtEveryLevelOfEachOfItsFeatures")
  void aFeatureRoleHoldsARowsPermissionExactlyWhenTheTableSaysY(SeedRow row, Feature feature, FeatureLevel level) {
    boolean expected = row.says(level) && !(row.permission().equals(OWNER_ONLY_ROW) && level == Administrator);

    assertThat(FeatureRoles.permissions(feature, level).contains(row.permission()))
        .as("%s %s holds %s (%s)", feature, level, row.permission(), row.label()).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("everyFeatureAndLevel")
  void aFeatureRoleHoldsNothingOutsideItsFeaturesRowsButTheDocumentedExtras(Feature feature, FeatureLevel level) {
    Set<String> rowsOfFeature = new TreeSet<>();
    seedTable().stream().filter(r -> r.features().contains(feature)).forEach(r -> rowsOfFeature.add(r.permission()));

    Set<String> outside = new TreeSet<>(FeatureRoles.permissions(feature, level));
    outside.removeAll(rowsOfFeature);

    assertThat(outside).isEqualTo(documentedExtras(feature, level));
    assertThat(FeatureRoles.extras(feature, level)).isEqualTo(documentedExtras(feature, level));
  }

  @ParameterizedTest
  @EnumSource(Feature.class)
  void theRowsOfEachFeatureAreTheOnesTheSeedDescribes(Feature feature) {
    assertThat(FeatureRoles.rowsOf(feature)).extracting(FeatureTableRow::permission)
        .containsExactlyElementsOf(seedTable().stream().filter(r -> r.features().contains(feature))
            .map(SeedRow::permission).toList());
  }

  @ParameterizedTest
  @EnumSource(Feature.class)
  void eachLevelHoldsEverythingTheLevelBelowItHolds(Feature feature) {
    Set<String> owner = FeatureRoles.permissions(feature, AccountOwner);
    Set<String> admin = FeatureRoles.permissions(feature, Administrator);
    Set<String> user = FeatureRoles.permissions(feature, User);
    Set<String> guest = FeatureRoles.permissions(feature, Guest);

    assertThat(owner).containsAll(admin).hasSizeGreaterThan(admin.size());
    assertThat(admin).containsAll(user).hasSizeGreaterThan(user.size());
    assertThat(user).containsAll(guest).hasSizeGreaterThan(guest.size());
    assertThat(guest).isNotEmpty();
  }

  @Test
  void everyPermissionNamedIsInTheCatalogue() {
    seedTable().forEach(r -> assertThat(PermissionCatalogue.contains(r.permission())).as(r.label()).isTrue());
    FeatureTable.rows().forEach(r -> assertThat(PermissionCatalogue.contains(r.permission())).as(r.label()).isTrue());
    for (FeatureRole role : FeatureRoles.all()) {
      assertThat(role.permissions()).as(role.name()).allMatch(PermissionCatalogue::contains);
    }
  }

  @Test
  void onlyAccountOwnersModifySubscriptionsViewBillingAndManageSingleSignOn() {
    for (Feature feature : Feature.values()) {
      assertThat(FeatureRoles.permissions(feature, AccountOwner))
          .contains("subscription.manage", "billing.view", "sso.manage");
      for (FeatureLevel level : List.of(Administrator, User, Guest)) {
        assertThat(FeatureRoles.permissions(feature, level)).as("%s %s", feature, level)
            .doesNotContain("subscription.manage", "billing.view", "sso.manage");
      }
    }
  }

  @Test
  void administratorsAndOwnersInviteUsersButUsersAndGuestsDoNot() {
    for (Feature feature : Feature.values()) {
      assertThat(FeatureRoles.permissions(feature, AccountOwner)).contains("users.manage");
      assertThat(FeatureRoles.permissions(feature, Administrator)).contains("users.manage");
      assertThat(FeatureRoles.permissions(feature, User)).doesNotContain("users.manage");
      assertThat(FeatureRoles.permissions(feature, Guest)).doesNotContain("users.manage");
    }
  }

  @Test
  void noFeatureRoleAdministersTheOrganizationsOwnMembersBindingsOrRoles() {
    for (FeatureRole role : FeatureRoles.all()) {
      assertThat(role.permissions()).as(role.name())
          .doesNotContain("members.manage", "rolebindings.manage", "roles.manage", "organization.manage");
    }
  }

  @Test
  void workloadSecurityGuestViewsAlertsAndForensicsButCannotChangeAlertStatus() {
    assertThat(FeatureRoles.permissions(WorkloadSecurity, Guest))
        .containsExactly("alerts.view", "forensics.view", "notifications.view");
  }

  @Test
  void workloadSecurityUserManagesAlertsAndViewsForensicsButPerformsNoSecurityAdministration() {
    assertThat(FeatureRoles.permissions(WorkloadSecurity, User))
        .contains("alerts.manage", "alerts.view", "forensics.view")
        .doesNotContain("forensics.manage", "datacollectors.manage", "apitokens.manage");
  }

  @Test
  void reportingUserCreatesAndManagesReportsAndDashboardsWhileAGuestOnlyViewsAndRunsThem() {
    assertThat(FeatureRoles.permissions(Reporting, User))
        .containsExactly("dashboards.manage", "dashboards.view", "reports.manage", "reports.view");
    assertThat(FeatureRoles.permissions(Reporting, Guest)).containsExactly("dashboards.view", "reports.view");
  }

  @Test
  void observabilityGuestReadsAssetPagesDashboardsAlertsAndRunsQueries() {
    assertThat(FeatureRoles.permissions(Observability, Guest)).containsExactly("alerts.view", "assetpages.view",
        "dashboards.view", "notifications.view", "queries.view");
  }

  @Test
  void twelveRolesNamedFeatureThenLevelOwnersAtTheOrganizationOnlyAndNotForPartners() {
    List<FeatureRole> roles = FeatureRoles.all();

    assertThat(roles).extracting(FeatureRole::name).containsExactly(
        "observability-account-owner", "observability-administrator", "observability-user", "observability-guest",
        "workload-security-account-owner", "workload-security-administrator", "workload-security-user",
        "workload-security-guest",
        "reporting-account-owner", "reporting-administrator", "reporting-user", "reporting-guest");
    for (FeatureRole r : roles) {
      boolean owner = r.level() == AccountOwner;
      assertThat(r.name()).isEqualTo(FeatureRoles.roleName(r.feature(), r.level()));
      assertThat(r.permissions()).as(r.name()).isSorted()
          .containsExactlyElementsOf(FeatureRoles.permissions(r.feature(), r.level()));
      assertThat(r.assignableAt()).as(r.name()).isEqualTo(owner ? List.of(ScopeKind.Organization)
          : List.of(ScopeKind.Organization, ScopeKind.Folder, ScopeKind.Project));
      assertThat(r.assignableToPartners()).as(r.name()).isEqualTo(!owner);
    }
    assertThat(FeatureRoles.role(WorkloadSecurity, AccountOwner).displayName())
        .isEqualTo("Workload Security account owner");
    assertThat(FeatureRoles.role(Observability, Administrator).displayName())
        .isEqualTo("Observability administrator");
  }
}
