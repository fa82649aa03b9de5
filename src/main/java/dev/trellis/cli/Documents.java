package dev.trellis.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
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

  public Documents(KubernetesClient client) {
    this.client = client;
  }

  /** The raw data of the connector's document; one sentence when its primary ConfigMap does not exist. */
  public Fetched fetch(String namespace, String connector) {
    ConfigMap primary = get(namespace, connector + "-grants");
    if (primary == null || primary.getData() == null) {
      throw new CliException("connector " + connector + " has no grants document (ConfigMap " + connector
          + "-grants in " + namespace + "): is the operator running?");
    }
    Map<String, Map<String, String>> shards = new LinkedHashMap<>();
    for (String name : shardNames(primary.getData().get(InterimDocument.GRANTS_KEY))) {
      ConfigMap shard = get(namespace, name);
      if (shard != null && shard.getData() != null) {
        shards.put(name, shard.getData());
      }
    }
    return new Fetched(namespace, connector, primary.getData(), shards, keysJson());
  }

  /**
   * The connector's document, read as a whole (shards concatenated). A split document read in the middle of an
   * update (a shard of another revision) is read again. The one place to swap in the reader kit.
   */
  public InterimDocument read(String namespace, String connector) {
    InterimDocument.Invalid last = null;
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      Fetched fetched = fetch(namespace, connector);
      try {
        return InterimDocument.assemble(fetched.primary(), fetched.shards());
      } catch (InterimDocument.Invalid e) {
        last = e;
        if (!"REVISION_MISMATCH".equals(e.reason())) {
          break;
        }
      }
    }
    throw new CliException("the grants document of connector " + connector + " cannot be read (" + last.reason()
        + "): " + last.getMessage());
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

  private static java.util.List<String> shardNames(String json) {
    java.util.List<String> names = new java.util.ArrayList<>();
    if (json == null) {
      return names;
    }
    try {
      JsonNode node = JSON.readTree(json);
      node.path("shards").forEach(n -> names.add(n.asText()));
    } catch (IOException e) {
      // Malformed: the reader says so when it assembles the document.
    }
    return names;
  }
}
