package dev.trellis.api.v1alpha1;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every Trellis object in config/samples/ reads into its class and writes back the same, field for field. */
class SamplesParseTest {
  private static final Path SAMPLES = Path.of("config", "samples");
  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
  private static final Map<String, Class<? extends HasMetadata>> CLASSES_BY_KIND = ApiKinds.ALL.stream()
      .collect(Collectors.toMap(HasMetadata::getKind, Function.identity()));

  @Test
  void everySampleRoundTripsThroughItsClass() throws IOException {
    List<JsonNode> documents = trellisDocuments();
    assertThat(documents).as("Trellis objects in %s", SAMPLES).isNotEmpty();

    for (JsonNode document : documents) {
      String kind = document.path("kind").asText();
      String what = kind + " " + document.path("metadata").path("name").asText();
      assertThat(CLASSES_BY_KIND).as("kind of %s", what).containsKey(kind);

      HasMetadata object = SERIALIZATION.convertValue(document, CLASSES_BY_KIND.get(kind));
      JsonNode written = SERIALIZATION.convertValue(object, JsonNode.class);

      assertThat(withoutEmptyLists(written))
          .as("%s written back from %s (a field the class does not know is lost)", what,
              CLASSES_BY_KIND.get(kind).getSimpleName())
          .isEqualTo(withoutEmptyLists(document));
    }
  }

  @Test
  void theSamplesShowEveryKind() throws IOException {
    assertThat(trellisDocuments().stream().map(d -> d.path("kind").asText()).distinct())
        .containsExactlyInAnyOrderElementsOf(CLASSES_BY_KIND.keySet());
  }

  private static List<JsonNode> trellisDocuments() throws IOException {
    List<JsonNode> documents = new ArrayList<>();
    try (Stream<Path> files = Files.walk(SAMPLES)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
        for (String yaml : Files.readString(file).split("(?m)^---\\s*$")) {
          JsonNode document = SERIALIZATION.unmarshal(yaml, JsonNode.class);
          if (document != null && ApiConstants.API_VERSION.equals(document.path("apiVersion").asText())) {
            documents.add(document);
          }
        }
      }
    }
    return documents;
  }

  /** An empty list means the same as an absent one, and the classes leave empty lists out. */
  private static JsonNode withoutEmptyLists(JsonNode node) {
    JsonNode copy = node.deepCopy();
    prune(copy);
    return copy;
  }

  private static void prune(JsonNode node) {
    if (node instanceof ObjectNode object) {
      for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext();) {
        JsonNode value = fields.next().getValue();
        if (value instanceof ArrayNode array && array.isEmpty()) {
          fields.remove();
        } else {
          prune(value);
        }
      }
    } else if (node instanceof ArrayNode array) {
      array.forEach(SamplesParseTest::prune);
    }
  }
}
