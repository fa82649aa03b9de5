package dev.trellis.reader;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The checked-in conformance cases are exactly what the operator's renderer and signer give today. Run with
 * {@code -Dtrellis.conformance.write=true} ({@code make conformance}) to rewrite them, then commit the result.
 */
class ConformanceFixturesTest {

  @Test
  void checkedInCasesMatchTheOperatorsRenderer() throws Exception {
    if (Boolean.getBoolean("trellis.conformance.write")) {
      ConformanceFixtures.write(Conformance.DIR);
    }
    Map<String, String> generated = ConformanceFixtures.generate(Conformance.DIR);
    Map<String, String> checkedIn = new TreeMap<>();
    try (Stream<Path> files = Files.list(Conformance.DIR)) {
      for (Path p : files.filter(p -> p.getFileName().toString().endsWith(Conformance.CASE_SUFFIX)).toList()) {
        checkedIn.put(p.getFileName().toString(), Files.readString(p, StandardCharsets.UTF_8));
      }
    }
    assertThat(checkedIn)
        .as("conformance cases in %s are stale: run the test with -Dtrellis.conformance.write=true and commit",
            Conformance.DIR)
        .isEqualTo(generated);
  }
}
