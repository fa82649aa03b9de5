package dev.trellis.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a grants document says, independent of key order and array order: the resources it carries and
 * its entries (resource, subject, subject kind and organization, permissions, and every grant).
 */
record DocContent(Set<String> resources, Set<String> entries) {
  static final DocContent ABSENT = new DocContent(Set.of("<absent>"), Set.of());

  static String resource(String name, String type, Collection<String> projects, Collection<String> folders) {
    return name + "|" + type + "|" + new TreeSet<>(projects) + "|" + new TreeSet<>(folders);
  }

  static String entry(String resource, String subject, String subjectKind, String subjectOrganization,
      Collection<String> permissions, Collection<String> grants) {
    return resource + "|" + subject + "|" + subjectKind + "|" + subjectOrganization + "|" + new TreeSet<>(permissions)
        + "|" + new TreeSet<>(grants);
  }

  static String grant(String role, String binding, String via, String scope, String expiresAt) {
    return role + "," + binding + "," + via + "," + scope + "," + expiresAt;
  }

  /** Adds the resources and entries of one parsed document (a primary or one of its shards). */
  static void read(JsonNode doc, Set<String> resources, Set<String> entries) {
    for (JsonNode r : doc.path("resources")) {
      resources.add(resource(r.path("name").asText(), r.path("type").asText(), texts(r.path("projects")),
          texts(r.path("folders"))));
    }
    for (JsonNode e : doc.path("entries")) {
      List<String> grants = new ArrayList<>();
      for (JsonNode g : e.path("grants")) {
        grants.add(grant(g.path("role").asText(), g.path("binding").asText(), g.path("via").asText(),
            g.path("scope").asText(), g.path("expiresAt").isNull() ? null : g.path("expiresAt").asText()));
      }
      entries.add(entry(e.path("resource").asText(), e.path("subject").asText(), e.path("subjectKind").asText(),
          e.path("subjectOrganization").asText(), texts(e.path("permissions")), grants));
    }
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  /**
   * The document as atoms, each something a reader may rely on alone: one per resource, and per entry one per grant
   * and one per permission ({@code resource|subject|kind|organization|grant ...} or {@code ...|permission ...}).
   * An entry that gains a grant keeps its other atoms: a grant added beside another is no loss of the first.
   */
  Set<String> atoms() {
    Set<String> out = new java.util.HashSet<>();
    resources.forEach(r -> out.add("resource " + r));
    for (String entry : entries) {
      String[] parts = entry.split("\\|", 6);
      if (parts.length < 6) {
        out.add("entry " + entry);
        continue;
      }
      String who = String.join("|", parts[0], parts[1], parts[2], parts[3]);
      for (String permission : list(parts[4])) {
        out.add(who + "|permission " + permission);
      }
      for (String grant : list(parts[5])) {
        out.add(who + "|grant " + grant);
      }
    }
    return out;
  }

  /** The items of a {@code [a, b]} as {@link TreeSet#toString} writes it. */
  private static List<String> list(String rendered) {
    String inner = rendered.substring(1, rendered.length() - 1);
    return inner.isEmpty() ? List.of() : List.of(inner.split(", "));
  }

  /**
   * The document cut as format v1alpha2 cuts it: each resource and entry string by the bucket of its resource
   * (docs/grants-document.md), with {@code resourcesPerShard} resources per bucket on average.
   */
  Map<Integer, Set<String>> buckets(int resourcesPerShard) {
    int n = dev.trellis.projection.GrantsProjector.buckets(resources.size(), resourcesPerShard);
    Map<Integer, Set<String>> out = new java.util.HashMap<>();
    for (Set<String> strings : List.of(resources, entries)) {
      for (String s : strings) {
        String resource = s.substring(0, s.indexOf('|'));
        out.computeIfAbsent(dev.trellis.projection.GrantsProjector.bucket(resource, n), b -> new TreeSet<>()).add(s);
      }
    }
    return out;
  }

  /**
   * The names of the v1alpha2 shards (of the document whose primary is {@code primary}) that differ between
   * {@code before} and {@code after}: those a change must rewrite; every shard when the number of buckets changed.
   */
  static Set<String> changedShards(String primary, DocContent before, DocContent after, int resourcesPerShard) {
    Map<Integer, Set<String>> a = before == null ? Map.of() : before.buckets(resourcesPerShard);
    Map<Integer, Set<String>> b = after.buckets(resourcesPerShard);
    int n = dev.trellis.projection.GrantsProjector.buckets(after.resources.size(), resourcesPerShard);
    boolean resized = before == null
        || n != dev.trellis.projection.GrantsProjector.buckets(before.resources.size(), resourcesPerShard);
    Set<String> out = new TreeSet<>();
    Set<Integer> all = new TreeSet<>(a.keySet());
    all.addAll(b.keySet());
    for (int bucket : all) {
      if (resized || !java.util.Objects.equals(a.get(bucket), b.get(bucket))) {
        out.add(primary + "-" + (bucket + 1));
      }
    }
    return out;
  }

  /** A short account of how {@code actual} differs from this (expected) content. */
  String diff(DocContent actual) {
    if (actual == null) {
      return "document missing";
    }
    List<String> missing = new ArrayList<>(entries);
    missing.removeAll(actual.entries);
    List<String> extra = new ArrayList<>(actual.entries);
    extra.removeAll(entries);
    List<String> missingRes = new ArrayList<>(resources);
    missingRes.removeAll(actual.resources);
    List<String> extraRes = new ArrayList<>(actual.resources);
    extraRes.removeAll(resources);
    return "entries missing %d %s, unexpected %d %s; resources missing %s, unexpected %s".formatted(missing.size(),
        missing.stream().limit(3).toList(), extra.size(), extra.stream().limit(3).toList(),
        missingRes.stream().limit(3).toList(), extraRes.stream().limit(3).toList());
  }
}
