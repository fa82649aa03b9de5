package dev.trellis.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trellis.testsupport.ControlPlane;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * {@code make bench}: the scale benchmark on a control plane of its own, with the operator jar in a
 * process of its own. Not matched by surefire's includes, so it runs only when named:
 * {@code ./mvnw test -Dtest=ScaleBenchRun -Dsurefire.failIfNoSpecifiedTests=false -Dtrellis.bench.preset=medium}.
 * Prints one table (beside the last recorded run of the preset), writes it to target/bench/result.md and appends the
 * run to docs/benchmarks-history.md.
 */
class ScaleBenchRun {

  @Test
  void benchmark() throws Exception {
    BenchParams params = BenchParams.fromSystemProperties();
    ControlPlane controlPlane = ControlPlane.get();
    Path out = Path.of("target", "bench").toAbsolutePath();
    Files.createDirectories(out);
    AtomicLong requests = new AtomicLong();
    boolean profile = Boolean.parseBoolean(System.getProperty("trellis.bench.jfr", "false"));
    try (KubernetesClient client = BenchClient.create(controlPlane.kubeconfig(), requests)) {
      ScaleBench bench = new ScaleBench(params, client, requests, ScaleBench.Mode.EXTERNAL,
          controlPlane.kubeconfig(), Path.of("target", "quarkus-app", "quarkus-run.jar").toAbsolutePath(), out,
          profile);
      ScaleBench.Results results = bench.run();
      Map<String, String> targets = BenchReport.targets(params, results);
      String machine = BenchReport.machine();
      Map<String, String> table = new LinkedHashMap<>();
      table.put("preset", params.preset() + " (" + params.describe() + ")");
      table.put("machine", machine);
      table.putAll(bench.figures());
      targets.forEach((k, v) -> table.put("target: " + k, v));
      var previous = Files.exists(BenchReport.HISTORY)
          ? BenchReport.previous(Files.readString(BenchReport.HISTORY), params.preset())
          : java.util.Optional.<BenchReport.Recorded>empty();
      String printed = BenchReport.table(BenchReport.beside(table, previous));
      System.out.println("\n" + printed);
      String markdown = BenchReport.markdown(params, bench.figures(), targets, bench.notes(), machine);
      Files.writeString(out.resolve("result.md"), printed + markdown);
      if (Boolean.parseBoolean(System.getProperty("trellis.bench.record", "true"))) {
        BenchReport.append(BenchReport.HISTORY, markdown);
      }
      assertThat(results.converged).as("the documents converged").isTrue();
      assertThat(results.changesTimedOut).as("changes that never showed").isZero();
      assertThat(results.finalMismatches).as("documents not as expected at the end").isEmpty();
      if (Operators.shards() > 1) {
        assertThat(results.partnerBindingsAcrossShards).as("partner members' bindings across shards").isPositive();
      }
    }
  }
}
