package dev.trellis.reconcile.support;

import dev.trellis.api.v1alpha1.ApiConstants;
import dev.trellis.projection.GrantsProjector;
import io.fabric8.kubernetes.api.model.HasMetadata;
import jakarta.inject.Singleton;
import java.util.stream.IntStream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Which organizations this operator process serves when organizations are split among processes
 * ({@code trellis.sharding.shards} &gt; 1; docs/scaling.md). An organization's namespace belongs to shard
 * {@code bucket(namespace) mod shards} (the first four bytes of SHA-256 of its name, as grants shards use): a pure
 * function of the name, so every process agrees without asking anyone. Each process reconciles the namespaces and
 * organizations of its shard and caches only their heavy kinds (folders, projects, resources, connectors, role
 * bindings, grants ConfigMaps), which it selects by the label {@value #LABEL} = {@code <shard>-of-<shards>}; the
 * tenancy controller puts that label on every such object of its shard that lacks it. Kinds read across
 * organizations (organizations, namespaces, members, partnerships and their acceptances, invitation acceptances,
 * roles) stay cached whole in every process, so partnerships between shards work unchanged.
 */
@Singleton
public class Sharding {
  /** The label that files an object under its shard; set by the operator, never by hand. */
  public static final String LABEL = ApiConstants.GROUP + "/shard";

  /** Most shards: a label value per shard is listed in every process' selector of unfiled objects. */
  public static final int MAX_SHARDS = 64;

  private final int shards;
  private final int shard;

  public Sharding(@ConfigProperty(name = "trellis.sharding.shards", defaultValue = "1") int shards,
      @ConfigProperty(name = "trellis.sharding.shard", defaultValue = "0") int shard) {
    if (shards < 1 || shards > MAX_SHARDS) {
      throw new IllegalArgumentException(
          "trellis.sharding.shards must be between 1 and " + MAX_SHARDS + ", not " + shards);
    }
    if (shard < 0 || shard >= shards) {
      throw new IllegalArgumentException(
          "trellis.sharding.shard must be between 0 and " + (shards - 1) + ", not " + shard);
    }
    this.shards = shards;
    this.shard = shard;
  }

  /** One process serving every organization. */
  public static Sharding none() {
    return new Sharding(1, 0);
  }

  /** Whether organizations are split among processes. */
  public boolean enabled() {
    return shards > 1;
  }

  public int shards() {
    return shards;
  }

  public int shard() {
    return shard;
  }

  /** The shard of a namespace, and so of the organization that owns it and every object in it. */
  public int shardOf(String namespace) {
    return shards == 1 ? 0 : GrantsProjector.bucket(namespace, shards);
  }

  /** Whether this process serves {@code namespace}: always, unless sharding is on. */
  public boolean serves(String namespace) {
    return namespace != null && shardOf(namespace) == shard;
  }

  /** The label value of shard {@code k}. */
  public String value(int k) {
    return k + "-of-" + shards;
  }

  /** The label value objects of {@code namespace} carry. */
  public String valueFor(String namespace) {
    return value(shardOf(namespace));
  }

  /** Whether an object carries this process' label, so that its caches select it. */
  public boolean selects(HasMetadata object) {
    var labels = object.getMetadata().getLabels();
    return labels != null && value(shard).equals(labels.get(LABEL));
  }

  /** The label selector of this process' objects ({@code LABEL=<shard>-of-<shards>}). */
  public String selector() {
    return LABEL + "=" + value(shard);
  }

  /**
   * The label selector of objects no process selects: without the label, or filed under another number of shards
   * (before a change of {@code trellis.sharding.shards}). Empty in a steady state.
   */
  public String unfiledSelector() {
    return LABEL + " notin (" + String.join(",", IntStream.range(0, shards).mapToObj(this::value).toList()) + ")";
  }

  /** A suffix that tells this shard's Lease and identity apart from the others': empty without sharding. */
  public String suffix() {
    return enabled() ? "-shard-" + value(shard) : "";
  }

  @Override
  public String toString() {
    return enabled() ? "shard " + value(shard) : "unsharded";
  }
}
