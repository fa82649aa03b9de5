package dev.trellis.projection;

import dev.trellis.model.grants.DocumentResource;
import dev.trellis.model.grants.GrantsDocument;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a grants document into the ConfigMap contents a connector reads (layout in docs/grants-document.md): in
 * format v1alpha1 one document, split into contiguous shards only when it would pass the size limit; in v1alpha2
 * shards by resource, named with their revisions by a small primary, so that a change rewrites only the shards of
 * the resources it affects.
 */
public final class GrantsProjector {

  /** 900 KiB: below the 1 MiB ConfigMap limit with room for metadata. */
  public static final int DEFAULT_LIMIT_BYTES = 900 * 1024;
  /** In v1alpha2, buckets are added (by powers of two) so that there are at most this many resources per bucket. */
  public static final int DEFAULT_RESOURCES_PER_SHARD = 4;
  /** The most buckets a v1alpha2 document has, however many resources. */
  public static final int MAX_BUCKETS = 256;
  /** The kind of a v1alpha2 shard. */
  public static final String SHARD_KIND = "GrantsDocumentShard";

  /** The formats of the grants document (its {@code apiVersion}); a Connector chooses with spec.grantsFormat. */
  public enum Format {
    V1ALPHA1(GrantsDocument.API_VERSION), V1ALPHA2("iam.trellis.dev/v1alpha2");

    private final String apiVersion;

    Format(String apiVersion) {
      this.apiVersion = apiVersion;
    }

    public String apiVersion() {
      return apiVersion;
    }
  }

  private GrantsProjector() {}

  /** The primary ConfigMap's name for a connector. */
  public static String configMapName(String connector) {
    return connector + "-grants";
  }

  public static Projection project(GrantsDocument d) {
    return project(d, DEFAULT_LIMIT_BYTES);
  }

  /** Renders {@code d}; documents larger than {@code limitBytes} (UTF-8) are split into shards. */
  public static Projection project(GrantsDocument d, int limitBytes) {
    return project(d, limitBytes, null);
  }

  /**
   * Renders {@code d} naming the signing key {@code keyId} in every part (null: unsigned); documents larger than
   * {@code limitBytes} (UTF-8) are split into shards.
   */
  public static Projection project(GrantsDocument d, int limitBytes, String keyId) {
    // Entries are rendered once and reused for the hash, the whole document and the shards.
    List<String> entries = GrantsDocumentRenderer.entries(d.entries());
    String revision = Revision.of(GrantsDocumentRenderer.render(d, null, d.resources(), entries, null));
    String whole = GrantsDocumentRenderer.render(d, revision, keyId, d.resources(), entries, null);
    Map<String, String> out = new LinkedHashMap<>();
    String primary = configMapName(d.connector());
    if (bytes(whole) <= limitBytes) {
      out.put(primary, whole);
      return new Projection(Collections.unmodifiableMap(out), revision);
    }
    List<List<String>> packed = pack(d, revision, keyId, entries, limitBytes);
    List<String> names = new ArrayList<>();
    for (int i = 1; i <= packed.size(); i++) {
      names.add(primary + "-" + i);
    }
    out.put(primary, GrantsDocumentRenderer.render(d, revision, keyId, d.resources(), List.of(), names));
    for (int i = 0; i < packed.size(); i++) {
      out.put(names.get(i), GrantsDocumentRenderer.render(d, revision, keyId, List.of(), packed.get(i), null));
    }
    return new Projection(Collections.unmodifiableMap(out), revision);
  }

  /**
   * Renders {@code d} in {@code format}; v1alpha2 puts a resource in bucket {@link #bucket} of
   * {@link #buckets}({@code resources}, {@code resourcesPerShard}), and names {@code keyId} in the primary only: its
   * shards are not signed ({@link Projection#unsigned()}).
   */
  public static Projection project(GrantsDocument d, int limitBytes, String keyId, Format format,
      int resourcesPerShard) {
    if (format == Format.V1ALPHA1) {
      return project(d, limitBytes, keyId);
    }
    String apiVersion = format.apiVersion();
    List<String> entries = GrantsDocumentRenderer.entries(d.entries());
    String primary = configMapName(d.connector());
    int buckets = buckets(d.resources().size(), resourcesPerShard);
    if (buckets == 1) {
      String revision = Revision.of(GrantsDocumentRenderer.render(apiVersion, d, null, null, d.resources(), entries));
      String whole = GrantsDocumentRenderer.render(apiVersion, d, revision, keyId, d.resources(), entries);
      if (fits(whole, limitBytes)) {
        return new Projection(Map.of(primary, whole), revision);
      }
    }
    // Entries are sorted by resource: each resource's run of entries goes to its bucket, in document order.
    Map<String, Integer> bucketOf = new HashMap<>();
    List<List<DocumentResource>> resources = new ArrayList<>();
    List<List<String>> bucketEntries = new ArrayList<>();
    for (int b = 0; b < buckets; b++) {
      resources.add(new ArrayList<>());
      bucketEntries.add(new ArrayList<>());
    }
    for (DocumentResource r : d.resources()) {
      int b = bucket(r.name(), buckets);
      bucketOf.put(r.name(), b);
      resources.get(b).add(r);
    }
    for (int i = 0; i < entries.size(); i++) {
      // An entry on a resource the document does not list (not expected) stays with the resource's bucket anyway.
      String resource = d.entries().get(i).resource();
      bucketEntries.get(bucketOf.computeIfAbsent(resource, n -> bucket(n, buckets))).add(entries.get(i));
    }
    Map<String, String> shards = new LinkedHashMap<>(); // name -> content
    Map<String, String> revisions = new LinkedHashMap<>(); // name -> revision
    for (int b = 0; b < buckets; b++) {
      if (resources.get(b).isEmpty() && bucketEntries.get(b).isEmpty()) {
        continue;
      }
      // Shards are not signed: the signed primary names each one's revision, the SHA-256 of its content.
      List<List<String>> parts = packShard(d, resources.get(b), bucketEntries.get(b), limitBytes);
      for (int p = 0; p < parts.size(); p++) {
        String name = primary + "-" + (b + 1) + (p == 0 ? "" : "-" + (p + 1));
        List<DocumentResource> own = p == 0 ? resources.get(b) : List.of();
        String revision = Revision.of(GrantsDocumentRenderer.renderShard(d, null, null, own, parts.get(p)));
        shards.put(name, GrantsDocumentRenderer.renderShard(d, revision, null, own, parts.get(p)));
        revisions.put(name, revision);
      }
    }
    String revision = Revision.of(GrantsDocumentRenderer.renderPrimary(d, null, null, revisions));
    Map<String, String> out = new LinkedHashMap<>();
    out.put(primary, GrantsDocumentRenderer.renderPrimary(d, revision, keyId, revisions));
    out.putAll(shards);
    return new Projection(Collections.unmodifiableMap(out), revision, Collections.unmodifiableSet(shards.keySet()));
  }

  /**
   * The number of buckets of a v1alpha2 document with {@code resources} resources: the smallest power of two with
   * at most {@code resourcesPerShard} resources per bucket on average, at most {@link #MAX_BUCKETS}.
   */
  public static int buckets(int resources, int resourcesPerShard) {
    int per = Math.max(1, resourcesPerShard);
    int n = 1;
    while (n < MAX_BUCKETS && (long) n * per < resources) {
      n <<= 1;
    }
    return n;
  }

  /**
   * The bucket of resource {@code name} among {@code buckets}: the first four bytes of SHA-256 of its UTF-8 bytes,
   * as an unsigned big-endian integer, modulo {@code buckets}. Stable for as long as the number of buckets is.
   */
  public static int bucket(String name, int buckets) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
      return (int) (Integer.toUnsignedLong(ByteBuffer.wrap(hash).getInt()) % buckets);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e); // every Java runtime has SHA-256
    }
  }

  /**
   * A v1alpha2 bucket's entries in parts that each fit {@code limit} (usually one); the first part also holds the
   * bucket's resources. An entry that cannot fit even alone gets a part of its own.
   */
  private static List<List<String>> packShard(GrantsDocument d, List<DocumentResource> resources,
      List<String> entries, int limit) {
    String placeholder = "sha256:" + "0".repeat(64);
    String empty = GrantsDocumentRenderer.renderShard(d, placeholder, null, resources, List.of());
    long upper = empty.length() * 3L; // a char is at most 3 bytes of UTF-8 (a surrogate pair 4 for 2 chars)
    for (String e : entries) {
      upper += e.length() * 3L + 1;
    }
    if (upper <= limit) {
      return List.of(entries); // the usual case, without measuring each entry
    }
    int first = bytes(empty);
    int later = bytes(GrantsDocumentRenderer.renderShard(d, placeholder, null, List.of(), List.of()));
    List<List<String>> parts = greedy(entries, first, later, limit);
    return parts.isEmpty() ? List.of(List.of()) : parts;
  }

  /**
   * Greedy packing in document order, so shard i holds a contiguous run of the sorted entries. An entry that
   * cannot fit even alone gets a shard of its own rather than being dropped: one subject on one resource is
   * small, and losing grants silently would be worse than an oversized shard.
   */
  private static List<List<String>> pack(GrantsDocument d, String revision, String keyId, List<String> entries,
      int limit) {
    int overhead = bytes(GrantsDocumentRenderer.render(d, revision, keyId, List.of(), List.of(), null));
    return greedy(entries, overhead, overhead, limit);
  }

  /**
   * Packs {@code entries} in order into runs that each fit {@code limit} bytes with the first run's
   * {@code firstOverhead} or a later run's {@code laterOverhead} (the rest of the ConfigMap's document); an entry that
   * does not fit even alone gets a run of its own. No entries, no runs.
   */
  private static List<List<String>> greedy(List<String> entries, int firstOverhead, int laterOverhead, int limit) {
    List<List<String>> runs = new ArrayList<>();
    List<String> current = new ArrayList<>();
    int size = firstOverhead;
    for (String e : entries) {
      int add = bytes(e) + (current.isEmpty() ? 0 : 1);
      if (!current.isEmpty() && size + add > limit) {
        runs.add(current);
        current = new ArrayList<>();
        size = laterOverhead;
        add = bytes(e);
      }
      current.add(e);
      size += add;
    }
    if (!current.isEmpty()) {
      runs.add(current);
    }
    return runs;
  }

  private static int bytes(String s) {
    return utf8Length(s);
  }

  /** Whether {@code s} is at most {@code limit} bytes of UTF-8, measured only when its length does not tell. */
  private static boolean fits(String s, int limit) {
    return s.length() * 3L <= limit || utf8Length(s) <= limit;
  }

  /**
   * The length of {@code s} encoded as UTF-8, as {@code s.getBytes(UTF_8).length} gives it (a lone surrogate
   * counts as the one byte of its replacement), without encoding it.
   */
  public static int utf8Length(CharSequence s) {
    int length = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        length += 1;
      } else if (c < 0x800) {
        length += 2;
      } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
        length += 4;
        i++;
      } else if (Character.isSurrogate(c)) {
        length += 1;
      } else {
        length += 3;
      }
    }
    return length;
  }
}
