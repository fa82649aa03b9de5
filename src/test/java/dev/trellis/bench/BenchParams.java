package dev.trellis.bench;

import java.util.Locale;

/**
 * The size of a benchmark scenario. Counts are per organization; {@code partnerships} is how many
 * partnerships each organization starts as the customer.
 */
record BenchParams(
    String preset,
    String prefix,
    long seed,
    int organizations,
    int folders,
    int projects,
    int resources,
    int connectors,
    int members,
    int bindings,
    int partnerships,
    int changes,
    String grantsFormat) {

  /** The grants format the scenario's connectors ask for (spec.grantsFormat); v1alpha2 unless told otherwise. */
  static final String DEFAULT_FORMAT = "v1alpha2";

  /** Issue 7's defaults. */
  static BenchParams medium(String prefix) {
    return new BenchParams("medium", prefix, 42, 50, 10, 40, 100, 5, 40, 200, 2, 300, DEFAULT_FORMAT);
  }

  /**
   * Medium ×4: four times the organizations, each as in medium (80 000 objects, 1 000 documents; changes stay at
   * 300). Every per-organization count ×4 as well would be 16 times the objects and about 4 GiB of grants
   * ConfigMaps, past what etcd stores by default.
   */
  static BenchParams large(String prefix) {
    return new BenchParams("large", prefix, 42, 200, 10, 40, 100, 5, 40, 200, 2, 300, DEFAULT_FORMAT);
  }

  /**
   * Small enough to run in a few seconds, still with every kind of object and change; 12 resources per connector,
   * so that v1alpha2 documents have shards.
   */
  static BenchParams smoke(String prefix) {
    return new BenchParams("smoke", prefix, 42, 4, 3, 4, 24, 2, 6, 16, 1, 20, DEFAULT_FORMAT);
  }

  static BenchParams named(String preset, String prefix) {
    return switch (preset.toLowerCase(Locale.ROOT)) {
      case "smoke" -> smoke(prefix);
      case "medium" -> medium(prefix);
      case "large" -> large(prefix);
      default -> throw new IllegalArgumentException("unknown preset " + preset + " (smoke, medium, large)");
    };
  }

  /**
   * A preset from {@code trellis.bench.preset}, with any count overridden by {@code trellis.bench.<field>}
   * (for example {@code -Dtrellis.bench.changes=100}).
   */
  static BenchParams fromSystemProperties() {
    return fromSystemProperties("bench-");
  }

  /** As {@link #fromSystemProperties()}, the scenario's names starting with {@code prefix}. */
  static BenchParams fromSystemProperties(String prefix) {
    BenchParams p = named(System.getProperty("trellis.bench.preset", "medium"), prefix);
    return new BenchParams(p.preset(), p.prefix(),
        Long.getLong("trellis.bench.seed", p.seed()),
        Integer.getInteger("trellis.bench.organizations", p.organizations()),
        Integer.getInteger("trellis.bench.folders", p.folders()),
        Integer.getInteger("trellis.bench.projects", p.projects()),
        Integer.getInteger("trellis.bench.resources", p.resources()),
        Integer.getInteger("trellis.bench.connectors", p.connectors()),
        Integer.getInteger("trellis.bench.members", p.members()),
        Integer.getInteger("trellis.bench.bindings", p.bindings()),
        Integer.getInteger("trellis.bench.partnerships", p.partnerships()),
        Integer.getInteger("trellis.bench.changes", p.changes()),
        System.getProperty("trellis.bench.grantsFormat", p.grantsFormat()));
  }

  String describe() {
    return "O=%d F=%d P=%d R=%d C=%d M=%d B=%d K=%d changes=%d seed=%d format=%s".formatted(organizations, folders,
        projects, resources, connectors, members, bindings, partnerships, changes, seed, grantsFormat);
  }
}
