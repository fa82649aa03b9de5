package dev.trellis.projection;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The canonical writer escapes wherever the character to escape is, and parses back to the same strings. */
class CanonicalJsonTest {

  @Test
  void escapesAtTheStartInTheMiddleAndAtTheEnd() throws Exception {
    List<String> values = List.of("plain", "\"quoted\"", "a\\b", "tab\there", "line\n", "\u0001start", "end\u001f",
        "ünïcödé", "");
    String json = CanonicalJson.array(values);

    assertThat(json).isEqualTo("[\"plain\",\"\\\"quoted\\\"\",\"a\\\\b\",\"tab\\there\",\"line\\n\",\"\\u0001start\","
        + "\"end\\u001f\",\"ünïcödé\",\"\"]");
    assertThat(new ObjectMapper().readValue(json, String[].class)).containsExactlyElementsOf(values);
    assertThat(new CanonicalJson().beginObject().field("k", values).endObject().toString())
        .isEqualTo("{\"k\":" + json + "}");
  }
}
