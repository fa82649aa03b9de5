package dev.trellis.model.grants;

import dev.trellis.model.hierarchy.Hierarchy;
import dev.trellis.model.snapshot.OrganizationNode;
import dev.trellis.model.snapshot.ResourceNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** Accumulates one connector's resources and grants, and sorts everything once at the end. */
final class DocumentBuilder {

  /** Entries sort by resource then subject (DESIGN); the rest only breaks ties deterministically. */
  static final Comparator<GrantEntry> ENTRY_ORDER = Comparator.comparing(GrantEntry::resource)
      .thenComparing(GrantEntry::subject)
      .thenComparing(GrantEntry::subjectOrganization)
      .thenComparing(GrantEntry::subjectKind);

  static final Comparator<Grant> GRANT_ORDER = Comparator.comparing(Grant::role)
      .thenComparing(Grant::binding, Comparator.nullsFirst(Comparator.naturalOrder()))
      .thenComparing(Grant::scope)
      .thenComparing(Grant::via);

  private record Key(String resource, String subject, String subjectKind, String subjectOrganization) {}

  /**
   * What one subject gets on one resource so far. A subject usually holds one grant there, so the role's
   * permission list is kept as it is and merged with others only when there are more.
   */
  private static final class Acc {
    final List<List<String>> permissions = new ArrayList<>(1);
    final List<Grant> grants = new ArrayList<>(1);
    TreeSet<String> except;

    List<String> mergedPermissions() {
      if (permissions.size() == 1 && sortedAndDistinct(permissions.get(0))) {
        return permissions.get(0);
      }
      TreeSet<String> all = new TreeSet<>();
      permissions.forEach(all::addAll);
      return new ArrayList<>(all);
    }

    private static boolean sortedAndDistinct(List<String> list) {
      for (int i = 1; i < list.size(); i++) {
        if (list.get(i - 1).compareTo(list.get(i)) >= 0) {
          return false;
        }
      }
      return true;
    }
  }

  private final OrganizationNode organization;
  private final String connector;
  private final Map<String, DocumentResource> resources = new TreeMap<>();
  private final Map<Key, Acc> entries = new HashMap<>();

  DocumentBuilder(OrganizationNode organization, String connector) {
    this.organization = organization;
    this.connector = connector;
  }

  /** Lists a resource with the associations that exist (missing ones are ignored, as their verdict says). */
  void addResource(ResourceNode r, Hierarchy h) {
    List<String> projects = new ArrayList<>(new TreeSet<>(r.projects().stream().filter(h::projectExists).toList()));
    List<String> folders = new ArrayList<>(new TreeSet<>(r.folders().stream().filter(h::folderExists).toList()));
    resources.put(r.name(), new DocumentResource(r.name(), r.type() == null ? "" : r.type(), projects, folders));
  }

  void addGrant(String resource, ResolvedSubject s, List<String> rolePermissions, Grant grant) {
    Acc acc = entries.computeIfAbsent(key(resource, s), k -> new Acc());
    acc.permissions.add(rolePermissions);
    acc.grants.add(grant);
  }

  /** Addresses a Domain entry does not apply to. */
  void addExcept(String resource, ResolvedSubject s, Collection<String> addresses) {
    if (!addresses.isEmpty()) {
      Acc acc = entries.computeIfAbsent(key(resource, s), k -> new Acc());
      if (acc.except == null) {
        acc.except = new TreeSet<>();
      }
      acc.except.addAll(addresses);
    }
  }

  /** The names of the resources in this document. */
  Set<String> resourceNames() {
    return resources.keySet();
  }

  /** The roles granted so far to a subject on a resource. */
  List<String> roles(String resource, ResolvedSubject s) {
    Acc acc = entries.get(key(resource, s));
    return acc == null ? List.of() : acc.grants.stream().map(Grant::role).toList();
  }

  private static Key key(String resource, ResolvedSubject s) {
    return new Key(resource, s.subject(), s.subjectKind(), s.subjectOrganization());
  }

  GrantsDocument build() {
    List<GrantEntry> built = new ArrayList<>(entries.size());
    entries.forEach((k, acc) -> {
      if (acc.grants.isEmpty()) {
        return; // an exception list with no grant is no entry
      }
      List<Grant> sorted = new ArrayList<>(acc.grants);
      sorted.sort(GRANT_ORDER);
      built.add(new GrantEntry(k.subject(), k.subjectKind(), k.subjectOrganization(), k.resource(),
          acc.mergedPermissions(), sorted, acc.except == null ? List.of() : new ArrayList<>(acc.except)));
    });
    built.sort(ENTRY_ORDER);
    return new GrantsDocument(organization.name(), organization.orgId(), connector,
        new ArrayList<>(resources.values()), built);
  }

}
