package dev.trellis.projection;

import java.util.Map;
import java.util.Set;

/**
 * The ConfigMaps of one connector: name to {@code grants.json} content (primary first, then shards), the revision,
 * and the ConfigMaps that are not signed: v1alpha2 shards, which the signed primary authenticates by naming each
 * one's revision (the SHA-256 of its content).
 */
public record Projection(Map<String, String> configMaps, String revision, Set<String> unsigned) {

  /** The key under which each ConfigMap holds its document. */
  public static final String DATA_KEY = "grants.json";

  /** A projection whose every ConfigMap is signed (v1alpha1, and v1alpha2 unsharded). */
  public Projection(Map<String, String> configMaps, String revision) {
    this(configMaps, revision, Set.of());
  }

  /** Whether the document had to be split into shards. */
  public boolean sharded() {
    return configMaps.size() > 1;
  }

  /** Whether ConfigMap {@code name} carries a signature of its own. */
  public boolean signed(String name) {
    return !unsigned.contains(name);
  }
}
