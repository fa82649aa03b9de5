package dev.trellis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trellis.reader.Conformance;
import dev.trellis.reader.Decision;
import dev.trellis.reader.GrantsException;
import dev.trellis.reader.Snapshot;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** The plugin reads documents as a connector does: every case of config/schema/conformance through its own path. */
class PluginConformanceTest {

  @TestFactory
  Stream<DynamicTest> thePluginPassesEveryCase() throws Exception {
    List<Conformance.Case> cases = Conformance.load(Conformance.DIR);
    assertThat(cases).hasSizeGreaterThan(8);
    return cases.stream().map(c -> DynamicTest.dynamicTest(c.name(),
        () -> assertThat(Conformance.run(c, plugin())).as(c.description()).isEmpty()));
  }

  private static Conformance.Reader plugin() {
    return (primary, configMaps, keysJson, now) -> {
      Map<String, Map<String, String>> shards = new LinkedHashMap<>(configMaps);
      Map<String, String> primaryData = shards.remove(primary);
      try {
        Snapshot s = Documents.assemble(new Documents.Fetched("ns", primary, primaryData, shards, keysJson), now);
        return (subject, permission, resource, at) -> {
          Decision d = s.decide(subject, permission, resource, at);
          return new Conformance.Answer(d.allowed(), d.rule());
        };
      } catch (GrantsException e) {
        throw new Conformance.Refused(e.reason().name(), e.getMessage());
      }
    };
  }
}
