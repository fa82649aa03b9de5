package dev.trellis.model.permissions;

import dev.trellis.api.v1alpha1.ProductPackage;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** Every permission an AccessRole may name (documented in docs/permissions.md). */
public final class PermissionCatalogue {

  private static final ProductPackage EIM = ProductPackage.EventAndIncidentManagement;
  private static final ProductPackage RA = ProductPackage.RemediationAndAutomation;
  private static final Map<String, Permission> ALL = build();

  private PermissionCatalogue() {}

  /** Every permission, in catalogue order (grouped by area). */
  public static List<Permission> all() {
    return List.copyOf(ALL.values());
  }

  /** Every permission name, sorted. */
  public static Set<String> names() {
    return Collections.unmodifiableSet(new TreeSet<>(ALL.keySet()));
  }

  /** Whether the name is a known permission. */
  public static boolean contains(String name) {
    return ALL.containsKey(name);
  }

  /** Every {@code .view} permission, sorted: what super-viewer holds. */
  public static Set<String> views() {
    Set<String> out = new TreeSet<>();
    ALL.values().stream().filter(p -> p.verb().equals("view")).forEach(p -> out.add(p.name()));
    return Collections.unmodifiableSet(out);
  }

  /** The package a permission belongs to, if the permission is known. */
  public static Optional<ProductPackage> packageOf(String name) {
    return Optional.ofNullable(ALL.get(name)).map(Permission::pkg);
  }

  /** Every permission of one package, sorted. */
  public static Set<String> inPackage(ProductPackage pkg) {
    Set<String> out = new TreeSet<>();
    ALL.values().stream().filter(p -> p.pkg() == pkg).forEach(p -> out.add(p.name()));
    return Collections.unmodifiableSet(out);
  }

  private static Map<String, Permission> build() {
    Map<String, Permission> m = new LinkedHashMap<>();
    add(m, "organization.view", "See the organization's settings and hierarchy.");
    add(m, "organization.manage", "Change the organization's settings.");
    add(m, "folders.view", "See folders.");
    add(m, "folders.create", "Create folders.");
    add(m, "folders.manage", "Rename folders and change what they contain.");
    add(m, "folders.delete", "Delete folders.");
    add(m, "projects.view", "See projects.");
    add(m, "projects.create", "Create projects.");
    add(m, "projects.manage", "Rename projects and change what they contain.");
    add(m, "projects.delete", "Delete projects.");
    add(m, "resources.view", "See managed resources and their details.");
    add(m, "resources.discover", "Add or discover managed resources.");
    add(m, "resources.manage", "Change managed resources.");
    add(m, "resources.delete", "Remove managed resources.");
    add(m, "resources.associate", "Associate managed resources with folders and projects.");
    add(m, "connectors.view", "See connectors.");
    add(m, "connectors.create", "Create connectors.");
    add(m, "connectors.associate", "Associate connectors with folders and projects.");
    add(m, "connectors.delete", "Delete connectors.");
    add(m, "members.view", "See members.");
    add(m, "members.manage", "Add, change, disable and remove members.");
    add(m, "roles.view", "See access roles.");
    add(m, "roles.manage", "Create and change custom access roles.");
    add(m, "rolebindings.view", "See who holds which role where.");
    add(m, "rolebindings.manage", "Give and take away roles.");
    add(m, "partnerships.view", "See partnerships.");
    add(m, "partnerships.manage", "Create, pause and terminate partnerships.");
    add(m, "federation.view", "See single sign-on federations.");
    add(m, "federation.manage", "Create and change single sign-on federations.");
    add(m, "monitoring.view", "See monitoring data of managed resources.");
    add(m, "alerts.view", "See alerts.");
    add(m, "alerts.manage", "Acknowledge, dismiss and configure alerts.");
    add(m, "storage.view", "See storage of managed resources (volumes, aggregates, capacity).");
    add(m, "storage.manage", "Manage storage and open a storage system's own manager.");
    add(m, "health.view", "See the health of managed resources.");
    add(m, "health.manage", "Act on health findings of managed resources.");
    add(m, "software.view", "See software versions and available updates.");
    add(m, "software.update", "Run software updates on managed resources.", RA);
    add(m, "backup.view", "See backup and recovery policies and jobs.");
    add(m, "backup.manage", "Configure backups and run restores.");
    add(m, "ransomware.view", "See ransomware protection status and incidents.");
    add(m, "ransomware.manage", "Configure ransomware protection and respond to incidents.");
    add(m, "audit.view", "See the audit timeline of the organization.");
    add(m, "incidents.view", "See incidents, service requests and their escalations.", EIM);
    add(m, "incidents.manage",
        "Create, assign, escalate and resolve incidents; configure alert correlation and first response.", EIM);
    add(m, "automation.view", "See jobs, run books and scripts, and their runs.", RA);
    add(m, "automation.run", "Create and run jobs, run books and scripts on managed resources.", RA);
    add(m, "consoles.access", "Open remote consoles (SSH, RDP) to managed resources, with session recording.", RA);
    // The per-feature permissions: one per row of the "permissions by user role" table of the seed on user
    // accounts and roles (in its row order; alerts.* and audit.view above are reused), then the ones only its
    // prose names. docs/feature-roles.md maps each row to its permission.
    add(m, "acquisitionunits.manage", "Add, change and delete acquisition units.");
    add(m, "annotationrules.manage", "Create, run, change and delete annotation rules.");
    add(m, "annotations.manage", "Create, change, assign, view, remove and delete annotations.");
    add(m, "apitokens.manage", "Create, rename, disable and revoke API access tokens.");
    add(m, "applications.manage", "Create, view, change and delete applications.");
    add(m, "assetpages.view", "See asset pages.");
    add(m, "assetpages.manage", "Change asset pages.");
    add(m, "cloudcost.view", "See cloud cost.");
    add(m, "forensics.view", "See forensics: user activity and the findings of workload security.");
    add(m, "forensics.manage",
        "Perform every workload security function: forensics and automated response policies.");
    add(m, "dashboards.view", "See dashboards.");
    add(m, "dashboards.manage", "Create, change and delete dashboards.");
    add(m, "datacollectors.manage", "Add, change, poll and delete data collectors.");
    add(m, "notifications.view", "See notification settings.");
    add(m, "notifications.manage", "Change notification settings.");
    add(m, "queries.view", "See and run queries.");
    add(m, "queries.manage", "Create, change and delete queries.");
    add(m, "deviceresolution.manage", "Manage device resolution.");
    add(m, "reports.view", "See and run reports.");
    add(m, "reports.manage", "Create, change, delete and schedule reports.");
    add(m, "subscription.manage", "See and change the subscription.");
    add(m, "users.manage", "Invite, add, change and deactivate users.");
    add(m, "billing.view", "See billing and usage.");
    add(m, "sso.manage", "Manage single sign-on authentication and identity federation settings.");
    return Collections.unmodifiableMap(m);
  }

  private static void add(Map<String, Permission> m, String name, String description) {
    add(m, name, description, ProductPackage.HybridDiscoveryAndMonitoring);
  }

  private static void add(Map<String, Permission> m, String name, String description, ProductPackage pkg) {
    m.put(name, new Permission(name, description, pkg));
  }
}
