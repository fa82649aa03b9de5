package dev.trellis.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The Helm chart ships the same admission policies, invitee role and operator rules as config/ (kustomize): a
 * policy missing from one installation is a rule the API server does not enforce there.
 */
class AdmissionFilesTest {
  private static final Path KUSTOMIZE = Path.of("config", "admission");
  private static final Path HELM = Path.of("helm", "trellis", "files", "admission");

  @Test
  void helmAndKustomizeShipTheSameAdmissionFiles() throws IOException {
    List<String> kustomize = yamlFiles(KUSTOMIZE);
    assertThat(kustomize).contains("organization-policy.yaml", "managed-configmaps-policy.yaml",
        "status-policy.yaml", "invitation-acceptance-policy.yaml", "invitation-acceptance-removal-policy.yaml",
        "invitee-role.yaml", "shard-label-policy.yaml");
    assertThat(yamlFiles(HELM)).isEqualTo(kustomize);
    for (String name : kustomize) {
      assertThat(Files.readString(HELM.resolve(name))).as(name).isEqualTo(Files.readString(KUSTOMIZE.resolve(name)));
    }
    assertThat(Files.readString(KUSTOMIZE.resolve("kustomization.yaml"))).contains(kustomize.stream()
        .map(name -> "  - " + name).toList());
  }

  @Test
  void helmAndKustomizeShipTheSamePredefinedRoles() throws IOException {
    Path kustomize = Path.of("config", "roles");
    Path helm = Path.of("helm", "trellis", "files", "roles");
    List<String> names = yamlFiles(kustomize);
    assertThat(names).contains("organization-admin.yaml", "super-viewer.yaml");
    assertThat(yamlFiles(helm)).isEqualTo(names);
    for (String name : names) {
      assertThat(Files.readString(helm.resolve(name))).as(name).isEqualTo(Files.readString(kustomize.resolve(name)));
    }
  }

  @Test
  void helmAndKustomizeShipTheSameAggregatedRoles() throws IOException {
    assertThat(Files.readString(Path.of("helm", "trellis", "files", "aggregated-roles.yaml")))
        .isEqualTo(Files.readString(Path.of("config", "rbac", "aggregated-roles.yaml")));
  }

  @Test
  @SuppressWarnings("unchecked")
  void helmAndKustomizeGrantTheOperatorTheSameRules() throws IOException {
    Object kustomize = ((java.util.Map<String, Object>) new Yaml()
        .load(Files.readString(Path.of("config", "rbac", "cluster_role.yaml")))).get("rules");
    Object helm = new Yaml().load(Files.readString(Path.of("helm", "trellis", "files", "rules.yaml")));
    assertThat(helm).isEqualTo(kustomize);
  }

  private static List<String> yamlFiles(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(f -> f.getFileName().toString())
          .filter(n -> n.endsWith(".yaml") && !n.startsWith("kustomization")).sorted().toList();
    }
  }
}
