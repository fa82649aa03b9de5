package dev.trellis.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.fabric8.kubernetes.client.Config;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The kubeconfig as kubectl finds it (--kubeconfig, else the first file of KUBECONFIG, else ~/.kube/config) and
 * the flags kubectl applies on top of it (--context, -n, --as); writes contexts for {@code switch}.
 */
public final class Kubeconfigs {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
      .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
      .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));

  private Kubeconfigs() {}

  /** The kubeconfig file kubectl would read (the first of several in KUBECONFIG: the one kubectl writes to). */
  public static Path file(Options options, Map<String, String> env) {
    if (options.kubeconfig() != null) {
      return Path.of(options.kubeconfig());
    }
    String list = env.get("KUBECONFIG");
    if (list != null && !list.isBlank()) {
      for (String entry : list.split(File.pathSeparator)) {
        if (!entry.isBlank() && Files.exists(Path.of(entry))) {
          return Path.of(entry);
        }
      }
      return Path.of(list.split(File.pathSeparator)[0]);
    }
    String home = env.getOrDefault("HOME", System.getProperty("user.home"));
    return Path.of(home, ".kube", "config");
  }

  /** The client configuration of the kubeconfig's context (or --context), with -n and --as applied. */
  public static Config config(Path kubeconfig, Options options) {
    if (!Files.isRegularFile(kubeconfig)) {
      throw new CliException("no kubeconfig at " + kubeconfig + ": set KUBECONFIG or pass --kubeconfig.");
    }
    Config config;
    try {
      config = Config.fromKubeconfig(options.context(), kubeconfig.toFile());
    } catch (RuntimeException e) {
      throw new CliException("cannot use kubeconfig " + kubeconfig + (options.context() == null ? ""
          : " with context " + options.context()) + ": " + e.getMessage());
    }
    if (options.context() != null && !contextNames(kubeconfig).contains(options.context())) {
      throw new CliException("context " + options.context() + " is not in " + kubeconfig + ".");
    }
    if (options.namespace() != null) {
      config.setNamespace(options.namespace());
    }
    if (options.as() != null) {
      config.setImpersonateUsername(options.as());
    }
    config.setRequestTimeout(30_000);
    return config;
  }

  /** The namespace of the context in use (--context, else current-context), or null. */
  public static String contextNamespace(Path kubeconfig, Options options) {
    JsonNode context = context(read(kubeconfig), options.context());
    return context == null ? null : text(context.path("context"), "namespace");
  }

  /**
   * Adds or replaces context {@code name} with the cluster and user of the context in use and {@code namespace},
   * and makes it the current context; returns the new context as YAML. With {@code write} false, changes nothing.
   */
  public static String useContext(Path kubeconfig, Options options, String name, String namespace, boolean write) {
    ObjectNode root = read(kubeconfig);
    JsonNode current = context(root, options.context());
    if (current == null) {
      throw new CliException("the kubeconfig " + kubeconfig + " has no current context to take the cluster and user"
          + " from.");
    }
    ObjectNode context = YAML.createObjectNode();
    context.put("name", name);
    ObjectNode body = context.putObject("context");
    body.put("cluster", text(current.path("context"), "cluster"));
    body.put("user", text(current.path("context"), "user"));
    body.put("namespace", namespace);
    ArrayNode contexts = root.has("contexts") && root.get("contexts").isArray() ? (ArrayNode) root.get("contexts")
        : root.putArray("contexts");
    for (int i = contexts.size() - 1; i >= 0; i--) {
      if (name.equals(text(contexts.get(i), "name"))) {
        contexts.remove(i);
      }
    }
    contexts.add(context);
    root.put("current-context", name);
    try {
      if (write) {
        Files.writeString(kubeconfig, YAML.writeValueAsString(root));
      }
      return YAML.writeValueAsString(context);
    } catch (IOException e) {
      throw new CliException("cannot write " + kubeconfig + ": " + e.getMessage());
    }
  }

  private static java.util.Set<String> contextNames(Path kubeconfig) {
    java.util.Set<String> names = new java.util.HashSet<>();
    read(kubeconfig).path("contexts").forEach(c -> names.add(text(c, "name")));
    return names;
  }

  private static JsonNode context(ObjectNode root, String wanted) {
    String name = wanted != null ? wanted : text(root, "current-context");
    for (JsonNode c : root.path("contexts")) {
      if (name != null && name.equals(text(c, "name"))) {
        return c;
      }
    }
    return null;
  }

  private static ObjectNode read(Path kubeconfig) {
    try {
      JsonNode node = YAML.readTree(kubeconfig.toFile());
      if (node instanceof ObjectNode object) {
        return object;
      }
      throw new CliException("the kubeconfig " + kubeconfig + " is not a YAML mapping.");
    } catch (IOException e) {
      throw new CliException("cannot read kubeconfig " + kubeconfig + ": " + e.getMessage());
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node == null ? null : node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }
}
