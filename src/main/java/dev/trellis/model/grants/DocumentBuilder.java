package dev.trellis.model.grants;

import dev.trellis.model.hierarchy.Hierarchy;
import dev.trellis.model.snapshot.OrganizationNode;
import dev.trellis.model.snapshot.ResourceNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Set;
import java.util.Comparator;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
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

  private final OrganizationNode organization;
  private final String connector;
  private final Map<String, DocumentResource> resources = new TreeMap<>();
  private final Map<Key, TreeSet<String>> permissions = new HashMap<>();
  private final Map<Key, List<Grant>> grants = new HashMap<>();
  private final Map<Key, TreeSet<String>> except = new HashMap<>();

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
    Key key = key(resource, s);
    permissions.computeIfAbsent(key, k -> new TreeSet<>()).addAll(rolePermissions);
    grants.computeIfAbsent(key, k -> new ArrayList<>()).add(grant);
  }

  /** Addresses a Domain entry does not apply to. */
  void addExcept(String resource, ResolvedSubject s, Collection<String> addresses) {
    if (!addresses.isEmpty()) {
      except.computeIfAbsent(key(resource, s), k -> new TreeSet<>()).addAll(addresses);
    }
  }

  /** The names of the resources in this document. */
  Set<String> resourceNames() {
    return resources.keySet();
  }

  /** The roles granted so far to a subject on a resource. */
  List<String> roles(String resource, ResolvedSubject s) {
    return grants.getOrDefault(key(resource, s), List.of()).stream().map(Grant::role).toList();
  }

  private static Key key(String resource, ResolvedSubject s) {
    return new Key(resource, s.subject(), s.subjectKind(), s.subjectOrganization());
  }

  GrantsDocument build() {
    List<GrantEntry> entries = new ArrayList<>();
    grants.forEach((k, g) -> {
      List<Grant> sorted = new ArrayList<>(g);
      sorted.sort(GRANT_ORDER);
      entries.add(new GrantEntry(k.subject(), k.subjectKind(), k.subjectOrganization(), k.resource(),
          new ArrayList<>(permissions.get(k)), sorted, new ArrayList<>(except.getOrDefault(k, new TreeSet<>()))));
    });
    entries.sort(ENTRY_ORDER);
    return new GrantsDocument(organization.name(), organization.orgId(), connector,
        new ArrayList<>(resources.values()), entries);
  }
}
