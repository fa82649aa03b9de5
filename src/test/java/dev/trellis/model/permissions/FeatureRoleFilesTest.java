package dev.trellis.model.permissions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trellis.model.RoleFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * config/roles/ ships exactly the feature roles that {@link FeatureRoles} describes, field for field, and the
 * docs list them as they are.
 */
class FeatureRoleFilesTest {

  static Stream<FeatureRole> featureRoles() {
    return FeatureRoles.all().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("featureRoles")
  void theRoleFileDeclaresTheFeatureRole(FeatureRole role) {
    JsonNode doc = RoleFiles.documents().get(role.name());
    assertThat(doc).as("config/roles/%s.yaml", role.name()).isNotNull();
    JsonNode spec = doc.path("spec");

    assertThat(doc.path("metadata").path("labels").path("app.kubernetes.io/managed-by").asText())
        .isEqualTo("trellis");
    assertThat(spec.path("feature").asText()).isEqualTo(role.feature().name());
    assertThat(spec.path("level").asText()).isEqualTo(role.level().name());
    assertThat(spec.path("displayName").asText()).isEqualTo(role.displayName());
    assertThat(spec.path("description").asText()).isNotBlank();
    assertThat(texts(spec.path("permissions"))).as("permissions, sorted")
        .containsExactlyElementsOf(FeatureRoles.permissions(role.feature(), role.level()));
    assertThat(texts(spec.path("assignableAt")))
        .containsExactlyElementsOf(role.assignableAt().stream().map(Enum::name).toList());
    assertThat(spec.path("assignableToPartners").isBoolean()).isTrue();
    assertThat(spec.path("assignableToPartners").asBoolean()).isEqualTo(role.assignableToPartners());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("featureRoles")
  void theFeatureRolesAndPermissionsPagesListTheRoleAsShipped(FeatureRole role) throws Exception {
    String row = "| `" + role.name() + "` | "
        + String.join(", ", role.assignableAt().stream().map(Enum::name).toList()) + " | "
        + (role.assignableToPartners() ? "yes" : "no") + " | "
        + String.join(", ", role.permissions().stream().map(p -> "`" + p + "`").toList()) + " |";

    assertThat(Files.readString(Path.of("docs", "feature-roles.md"))).contains(row);
    assertThat(Files.readString(Path.of("docs", "permissions.md"))).contains(row);
  }

  @Test
  void theFeatureRolesPageShowsEveryRowOfTheTableWithItsPermission() throws Exception {
    // The page marks Premium rows with *, as the table does; the code's labels leave the mark out.
    List<String> tableLines = Files.readString(Path.of("docs", "feature-roles.md")).lines()
        .filter(l -> l.startsWith("| ")).map(l -> l.replace("*", "")).toList();
    for (FeatureTableRow row : FeatureTable.rows()) {
      assertThat(tableLines).as(row.label())
          .anyMatch(l -> l.startsWith("| " + row.label() + " | `" + row.permission() + "` | Y"));
    }
  }

  @Test
  void everyRoleFileThatNamesAFeatureIsOneOfTheTwelve() {
    Map<String, JsonNode> docs = RoleFiles.documents();
    TreeSet<String> featured = new TreeSet<>();
    docs.forEach((name, doc) -> {
      if (doc.path("spec").has("feature") || doc.path("spec").has("level")) {
        featured.add(name);
      }
    });

    assertThat(featured).containsExactlyInAnyOrderElementsOf(
        FeatureRoles.all().stream().map(FeatureRole::name).toList());
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }
}
