package dev.trellis.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trellis.reader.GrantsException;
import dev.trellis.reader.GrantsReader;
import dev.trellis.reader.Snapshot;
import dev.trellis.reader.TrustedKeys;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * All reading of grants documents by the plugin: the primary ConfigMap {@code <connector>-grants}, the shards it
 * lists, and the operator's public keys ({@code keys.json} of ConfigMap trellis-signing-keys). The maps it returns
 * are what the reader kit's {@code GrantsReader.assemble(primary, shards, TrustedKeys)} takes.
 */
public final class Documents {
  static final String KEYS_NAMESPACE = "trellis-system";
  static final String KEYS_CONFIGMAP = "trellis-signing-keys";
  private static final int ATTEMPTS = 3;
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The ConfigMaps' data of one connector's document, and the keys that sign documents (null when unreadable). */
  public record Fetched(String namespace, String connector, Map<String, String> primary,
      Map<String, Map<String, String>> shards, String keysJson) {}

  private final KubernetesClient client;
  private final PrintStream warn;

  public Documents(KubernetesClient client, PrintStream warn) {
    this.client = client;
    this.warn = warn;
  }

  /** The raw data of the connector's document; one sentence when its primary ConfigMap does not exist. */
  public Fetched fetch(String namespace, String connector) {
    ConfigMap primary = get(namespace, connector + "-grants");
    if (primary == null || primary.getData() == null) {
      throw new CliException("connector " + connector + " has no grants document (ConfigMap " + connector
          + "-grants in " + namespace + "): is the operator running?");
    }
    Map<String, Map<String, String>> shards = new LinkedHashMap<>();
    for (String name : shardNames(primary.getData().get(GrantsReader.DATA_KEY))) {
      ConfigMap shard = get(namespace, name);
      if (shard != null && shard.getData() != null) {
        shards.put(name, shard.getData());
      }
    }
    return new Fetched(namespace, connector, primary.getData(), shards, keysJson());
  }

  /**
   * The connector's document, assembled and verified by the reader kit exactly as a connector would (shards
   * concatenated, revision recomputed, each signed part's signature checked with the published keys). A split document
   * read in the middle of an update (a shard of another revision) is read again. When the keys cannot be read, the
   * document is read unverified and a warning says so.
   */
  public Snapshot read(String namespace, String connector, java.time.Instant now) {
    GrantsException last = null;
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      Fetched fetched = fetch(namespace, connector);
      if (fetched.keysJson() == null) {
        warn.println("warning: the signing keys (ConfigMap " + KEYS_CONFIGMAP + " in " + KEYS_NAMESPACE
            + ") cannot be read: the document's signature is not verified.");
      }
      try {
        return assemble(fetched, now);
      } catch (GrantsException e) {
        last = e;
        if (e.reason() != GrantsException.Reason.INCONSISTENT) {
          break;
        }
      }
    }
    throw new CliException("the grants document of connector " + connector + " cannot be read (" + last.reason()
        + "): " + last.getMessage());
  }

  /** What the plugin makes of fetched ConfigMaps: the reader kit's view, verified when the keys are known. */
  public static Snapshot assemble(Fetched fetched, java.time.Instant now) {
    TrustedKeys keys = fetched.keysJson() == null ? TrustedKeys.none() : TrustedKeys.parse(fetched.keysJson());
    return GrantsReader.assemble(fetched.primary(), fetched.shards(), keys, now);
  }

  /** keys.json of the published signing keys; null when the ConfigMap is missing or not readable. */
  public String keysJson() {
    try {
      ConfigMap keys = client.configMaps().inNamespace(KEYS_NAMESPACE).withName(KEYS_CONFIGMAP).get();
      return keys == null || keys.getData() == null ? null : keys.getData().get("keys.json");
    } catch (KubernetesClientException e) {
      return null;
    }
  }

  private ConfigMap get(String namespace, String name) {
    try {
      return client.configMaps().inNamespace(namespace).withName(name).get();
    } catch (KubernetesClientException e) {
      throw Cli.refused("read ConfigMap " + name + " in " + namespace, e);
    }
  }

  /**
   * The shard ConfigMaps a primary's {@code grants.json} names, in order: strings in v1alpha1, objects
   * {@code {"name", "revision"}} in v1alpha2. Whatever else it holds is left to the reader kit to refuse.
   */
  static java.util.List<String> shardNames(String json) {
    java.util.List<String> names = new java.util.ArrayList<>();
    if (json == null) {
      return names;
    }
    try {
      JsonNode node = JSON.readTree(json);
      for (JsonNode n : node.path("shards")) {
        JsonNode name = n.isObject() ? n.path("name") : n;
        if (name.isTextual()) {
          names.add(name.asText());
        }
      }
    } catch (IOException e) {
      // Malformed: the reader says so when it assembles the document.
    }
    return names;
  }
}
