package dev.trellis.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.trellis.model.snapshot.RoleNode;
import dev.trellis.model.snapshot.ScopeKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Loads the predefined roles shipped in config/roles/, so tests use exactly what users get. */
public final class RoleFiles {
  public static final Path DIR = Path.of("config", "roles");
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private RoleFiles() {}

  /** Every AccessRole file, parsed, by role name. */
  public static Map<String, JsonNode> documents() {
    Map<String, JsonNode> out = new TreeMap<>();
    try (Stream<Path> files = Files.list(DIR)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
        JsonNode doc = YAML.readTree(f.toFile());
        if ("AccessRole".equals(doc.path("kind").asText())) {
          out.put(doc.path("metadata").path("name").asText(), doc);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  private static List<RoleNode> cached;

  /** The predefined roles as snapshot records (parsed once: many tests build snapshots). */
  public static synchronized List<RoleNode> roles() {
    if (cached == null) {
      List<RoleNode> out = new ArrayList<>();
      documents().forEach((name, doc) -> out.add(toRole(name, doc)));
      cached = List.copyOf(out);
    }
    return cached;
  }

  public static RoleNode role(String name) {
    return roles().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
  }

  private static RoleNode toRole(String name, JsonNode doc) {
    JsonNode spec = doc.path("spec");
    List<String> permissions = new ArrayList<>();
    spec.path("permissions").forEach(p -> permissions.add(p.asText()));
    Set<ScopeKind> at = EnumSet.noneOf(ScopeKind.class);
    spec.path("assignableAt").forEach(k -> at.add(ScopeKind.valueOf(k.asText())));
    return new RoleNode(name, permissions, at, spec.path("assignableToPartners").asBoolean(false),
        spec.hasNonNull("feature") ? dev.trellis.api.v1alpha1.Feature.valueOf(spec.get("feature").asText()) : null,
        spec.hasNonNull("level") ? dev.trellis.api.v1alpha1.FeatureLevel.valueOf(spec.get("level").asText()) : null);
  }
}
