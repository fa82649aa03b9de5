package dev.trellis.reader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

  @Test
  void parsesPlainJson() {
    Object v = Json.parse(" {\"a\":[1,-2.5e3,true,false,null,\"x\\u00e9\\n\\\"\\/\"],\"b\":{}} ");

    assertThat(v).isEqualTo(Map.of("a", Arrays.asList(new BigDecimal("1"), new BigDecimal("-2.5e3"), true, false,
        null, "xé\n\"/"), "b", Map.of()));
  }

  @Test
  void refusesWhatIsNotStrictJson() {
    for (String bad : List.of("", "{", "{\"a\":1,}", "[1,]", "{\"a\":1,\"a\":2}", "{a:1}", "[01]", "[1.]", "['x']",
        "\"tab\there\"", "[1] x", "// c\n[]", "[NaN]", "{\"a\" 1}", "\"\\x\"", "\"\\u12\"", "[+1]", "tru")) {
      assertThatThrownBy(() -> Json.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void refusesDeepNesting() {
    assertThatThrownBy(() -> Json.parse("[".repeat(100) + "]".repeat(100)))
        .hasMessageContaining("nested deeper");
  }
}
