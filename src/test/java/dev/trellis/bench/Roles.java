package dev.trellis.bench;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/** The predefined roles as config/roles/ declares them, read as plain YAML. */
final class Roles {
  record Role(String name, List<String> permissions, Set<String> assignableAt, boolean partners) {}

  final Map<String, Role> byName = new LinkedHashMap<>();

  static Roles load(Path dir) {
    Roles roles = new Roles();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
        if (file.getFileName().toString().startsWith("kustomization")) {
          continue;
        }
        try (InputStream in = Files.newInputStream(file)) {
          GenericKubernetesResource r = Serialization.unmarshal(in, GenericKubernetesResource.class);
          @SuppressWarnings("unchecked")
          Map<String, Object> spec = (Map<String, Object>) r.getAdditionalProperties().get("spec");
          @SuppressWarnings("unchecked")
          List<String> permissions = (List<String>) spec.get("permissions");
          @SuppressWarnings("unchecked")
          List<String> at = (List<String>) spec.get("assignableAt");
          String name = r.getMetadata().getName();
          if (spec.get("feature") != null) {
            continue; // feature roles allow one per member and feature; the scenario's random bindings use the rest
          }
          roles.byName.put(name, new Role(name, List.copyOf(new TreeSet<>(permissions)), Set.copyOf(at),
              Boolean.TRUE.equals(spec.get("assignableToPartners"))));
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot read roles from " + dir, e);
    }
    return roles;
  }

  /** Names of the roles assignable at {@code scopeKind} (and to partner members, if asked). */
  List<String> assignable(String scopeKind, boolean toPartners) {
    List<String> out = new ArrayList<>();
    byName.values().forEach(r -> {
      if (r.assignableAt().contains(scopeKind) && (!toPartners || r.partners())) {
        out.add(r.name());
      }
    });
    return out;
  }
}
