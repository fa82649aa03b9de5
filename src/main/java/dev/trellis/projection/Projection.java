package dev.trellis.projection;

import java.util.Map;

/** The ConfigMaps of one connector: name to {@code grants.json} content (primary first, then shards), and the revision. */
public record Projection(Map<String, String> configMaps, String revision) {

  /** The key under which each ConfigMap holds its document. */
  public static final String DATA_KEY = "grants.json";

  /** Whether the document had to be split into shards. */
  public boolean sharded() {
    return configMaps.size() > 1;
  }
}
