package dev.trellis.reader;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * v1alpha2 documents cut by hand from docs/grants-document.md ("Format v1alpha2"), with the kit's own canonical
 * writer: buckets by the SHA-256 of the resource name, a shard per non-empty bucket, a primary naming each with its
 * revision. Independent of the operator's projector, so that the reader can be tested against the spec alone (and the
 * projector checked against it).
 */
final class HandBuiltV1alpha2 {
  static final String API_VERSION = Document.API_VERSION_2;

  private HandBuiltV1alpha2() {}

  /** One part of a document before it is given a revision: a shard, or the whole unsharded document. */
  record Part(String name, List<Resource> resources, List<Entry> entries) {}

  /** The number of buckets for {@code resources} resources: the smallest power of two N with N × perShard ≥ R. */
  static int buckets(int resources, int perShard) {
    int n = 1;
    while (n * perShard < resources && n < 256) {
      n *= 2;
    }
    return n;
  }

  /** The bucket of resource {@code name}: the first four bytes of its SHA-256, unsigned big-endian, modulo n. */
  static int bucket(String name, int n) {
    try {
      byte[] h = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
      long v = ((h[0] & 0xffL) << 24) | ((h[1] & 0xffL) << 16) | ((h[2] & 0xffL) << 8) | (h[3] & 0xffL);
      return (int) (v % n);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The shards of a document with {@code perShard} resources per bucket (no parts): non-empty buckets in order. */
  static List<Part> cut(String connector, List<Resource> resources, List<Entry> entries, int perShard) {
    int n = buckets(resources.size(), perShard);
    List<Part> parts = new ArrayList<>();
    for (int b = 0; b < n; b++) {
      int bucket = b;
      List<Resource> rs = resources.stream().filter(r -> bucket(r.name(), n) == bucket).toList();
      if (rs.isEmpty()) {
        continue;
      }
      List<String> names = rs.stream().map(Resource::name).toList();
      parts.add(new Part(connector + "-grants-" + (b + 1), rs,
          entries.stream().filter(e -> names.contains(e.resource())).toList()));
    }
    return parts;
  }

  /** The JSON of a shard: its own revision, named key. */
  static String shard(Document header, Part part, String keyId) {
    String canonical = Canonical.render(API_VERSION, Document.SHARD_KIND, header.organization(), header.orgId(),
        header.connector(), part.resources(), part.entries(), null);
    return withRevision(canonical, Canonical.hash(canonical), keyId);
  }

  /** The JSON of an unsharded v1alpha2 document. */
  static String whole(Document header, List<Resource> resources, List<Entry> entries, String keyId) {
    String canonical = Canonical.render(API_VERSION, Document.KIND, header.organization(), header.orgId(),
        header.connector(), resources, entries, null);
    return withRevision(canonical, Canonical.hash(canonical), keyId);
  }

  /** The JSON of a primary naming {@code shards}, in order. */
  static String primary(Document header, List<Document.ShardRef> shards, String keyId) {
    String canonical = Canonical.render(API_VERSION, Document.KIND, header.organization(), header.orgId(),
        header.connector(), List.of(), List.of(), shards);
    return withRevision(canonical, Canonical.hash(canonical), keyId);
  }

  /**
   * Primary and shards, name to grants.json, primary first; each shard's revision named by the primary, which alone
   * names the key {@code keyId} (shards are not signed).
   */
  static Map<String, String> document(Document header, List<Part> parts, String keyId) {
    Map<String, String> shards = new LinkedHashMap<>();
    List<Document.ShardRef> refs = new ArrayList<>();
    for (Part p : parts) {
      String json = shard(header, p, null);
      shards.put(p.name(), json);
      refs.add(new Document.ShardRef(p.name(), Document.parse(p.name(), json).revision()));
    }
    Map<String, String> out = new LinkedHashMap<>();
    out.put(header.connector() + "-grants", primary(header, refs, keyId));
    out.putAll(shards);
    return out;
  }

  /** {@code canonical} (rendered without revision and keyId) with both put back in their place. */
  static String withRevision(String canonical, String revision, String keyId) {
    String at = ",\"resources\":[";
    int i = canonical.indexOf(at);
    return canonical.substring(0, i) + ",\"revision\":\"" + revision + "\""
        + (keyId == null ? "" : ",\"keyId\":\"" + keyId + "\"") + canonical.substring(i);
  }
}
