package dev.trellis.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The run history is read back so that a run prints beside the last one of its preset. */
class BenchReportTest {
  private static final String HISTORY = """
      # Benchmark runs

      ## 2026-11-23 12:10 UTC — preset medium

      Machine: 2 cores. Parameters: O=50.

      | figure | value |
      |---|---|
      | cold convergence (s, from process start) | 40.1 |
      | heap after convergence, after full GC (MiB) | 210 |

      | target | result |
      |---|---|
      | cold convergence ≤ 1.5× floor | NOT met (6.7×) |

      ## 2026-11-23 12:23 UTC — preset large

      | figure | value |
      |---|---|
      | cold convergence (s, from process start) | 300 |

      ## 2026-12-03 17:30 UTC — preset medium

      | figure | value |
      |---|---|
      | cold convergence (s, from process start) | 52.8 |
      | heap after convergence, after full GC (MiB) | 87 |
      | API requests during cold start (all clients) | 21313 (APPLY rolebindings/status 10000) |
      """;

  @Test
  void theLastRunOfThePresetIsFoundWithItsFiguresOnly() {
    BenchReport.Recorded medium = BenchReport.previous(HISTORY, "medium").orElseThrow();
    assertThat(medium.heading()).isEqualTo("2026-12-03 17:30 UTC — preset medium");
    assertThat(medium.figures()).containsEntry("cold convergence (s, from process start)", "52.8")
        .containsEntry("heap after convergence, after full GC (MiB)", "87")
        .containsEntry("API requests during cold start (all clients)", "21313 (APPLY rolebindings/status 10000)")
        .hasSize(3);
    assertThat(BenchReport.previous(HISTORY, "large").orElseThrow().figures()).hasSize(1);
    assertThat(BenchReport.previous(HISTORY, "smoke")).isEmpty();
  }

  @Test
  void aFigureThatChangedShowsWhatItWas() {
    Map<String, String> now = new LinkedHashMap<>();
    now.put("cold convergence (s, from process start)", "30.0");
    now.put("heap after convergence, after full GC (MiB)", "87");
    now.put("new figure", "1");
    Map<String, String> rows = BenchReport.beside(now, BenchReport.previous(HISTORY, "medium"));
    assertThat(rows.get("cold convergence (s, from process start)")).isEqualTo("30.0   (was 52.8)");
    assertThat(rows.get("heap after convergence, after full GC (MiB)")).isEqualTo("87");
    assertThat(rows.get("new figure")).isEqualTo("1");
    assertThat(BenchReport.beside(now, Optional.empty())).isEqualTo(now);
  }

  @Test
  void theHeapTargetIs128MiBAtMediumAnd384AtLarge() {
    assertThat(BenchReport.heapTargetMib(50)).isEqualTo(128);
    assertThat(BenchReport.heapTargetMib(200)).isEqualTo(384);
    assertThat(BenchReport.heapTargetMib(5)).isEqualTo(128);
  }
}
