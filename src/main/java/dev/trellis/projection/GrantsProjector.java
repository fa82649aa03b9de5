package dev.trellis.projection;

import dev.trellis.model.grants.GrantsDocument;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a grants document into the ConfigMap contents a connector reads, splitting it into shards when it would
 * pass the size limit (layout in docs/grants-document.md).
 */
public final class GrantsProjector {

  /** 900 KiB: below the 1 MiB ConfigMap limit with room for metadata. */
  public static final int DEFAULT_LIMIT_BYTES = 900 * 1024;

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
   * Greedy packing in document order, so shard i holds a contiguous run of the sorted entries. An entry that
   * cannot fit even alone gets a shard of its own rather than being dropped: one subject on one resource is
   * small, and losing grants silently would be worse than an oversized shard.
   */
  private static List<List<String>> pack(GrantsDocument d, String revision, String keyId, List<String> entries,
      int limit) {
    int overhead = bytes(GrantsDocumentRenderer.render(d, revision, keyId, List.of(), List.of(), null));
    List<List<String>> shards = new ArrayList<>();
    List<String> current = new ArrayList<>();
    int size = overhead;
    for (String e : entries) {
      int add = bytes(e) + (current.isEmpty() ? 0 : 1);
      if (!current.isEmpty() && size + add > limit) {
        shards.add(current);
        current = new ArrayList<>();
        size = overhead;
        add = bytes(e);
      }
      current.add(e);
      size += add;
    }
    if (!current.isEmpty()) {
      shards.add(current);
    }
    return shards;
  }

  private static int bytes(String s) {
    return utf8Length(s);
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
