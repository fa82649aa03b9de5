package dev.trellis.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trellis.api.v1alpha1.Organization;
import dev.trellis.testsupport.ControlPlane;
import dev.trellis.testsupport.DumpOnFailure;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The scale benchmark's harness end to end on the smoke preset, against the operator every other
 * {@code @QuarkusTest} shares (a second operator on the same control plane would race it). Asserts
 * correctness only, never timings: every document converges to what the harness computes on its own,
 * every random change shows, and no write leaves a document as it was.
 */
@QuarkusTest
@ExtendWith(DumpOnFailure.class)
class ScaleBenchSmokeIT {

  @Test
  void smokeScenarioConvergesAndChangesWriteOnlyTheDocumentsTheyChange() throws Exception {
    BenchParams params = BenchParams.smoke("bench-smoke-");
    AtomicLong requests = new AtomicLong();
    try (KubernetesClient client = BenchClient.create(ControlPlane.get().kubeconfig(), requests)) {
      try {
        ScaleBench bench = new ScaleBench(params, client, requests, ScaleBench.Mode.RUNNING, null, null,
            Path.of("target", "bench-smoke").toAbsolutePath(), false);
        ScaleBench.Results results = bench.run();
        System.err.println(BenchReport.table(bench.figures()));

        assertThat(results.converged).as("every document converged").isTrue();
        assertThat(results.finalMismatches).as("documents that differ from the expected ones").isEmpty();
        assertThat(results.changesTimedOut).as("changes that never showed").isZero();
        assertThat(results.latenciesMs).hasSize(params.changes());
        assertThat(results.writesToUnaffectedDocuments).as("writes to documents a change did not affect").isZero();
        assertThat(results.writesToUnaffectedShards).as("writes to shards a change did not affect").isZero();
        assertThat(results.unchangedWritesIncremental + results.unchangedWritesCold)
            .as("writes that left a document's content unchanged").isZero();
      } finally {
        client.resources(Organization.class).list().getItems().stream()
            .filter(o -> o.getMetadata().getName().startsWith(params.prefix()))
            .forEach(o -> {
              // Organizations are protected from deletion by default; these are the test's own.
              client.resources(Organization.class).withName(o.getMetadata().getName()).patch(
                  io.fabric8.kubernetes.client.dsl.base.PatchContext.of(
                      io.fabric8.kubernetes.client.dsl.base.PatchType.JSON_MERGE),
                  "{\"spec\":{\"deletionProtection\":false}}");
              client.resources(Organization.class).withName(o.getMetadata().getName()).delete();
            });
      }
    }
  }
}
