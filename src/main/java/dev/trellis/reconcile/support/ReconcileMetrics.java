package dev.trellis.reconcile.support;

import io.javaoperatorsdk.operator.api.monitoring.Metrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.arc.Unremovable;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * JOSDK's reconcile metrics, with one tag set per meter: {@code trellis_reconcile_seconds{controller, operation,
 * result}} times every reconcile and cleanup JOSDK runs, and counts its errors ({@code result="error"}).
 *
 * <p>Not JOSDK's own MicrometerMetricsV2, which the extension binds when Micrometer is present: it registers
 * {@code events_received} with different tag sets per event, the Prometheus registry refuses that by throwing in
 * JOSDK's event threads, and reconciles stop.
 */
public class ReconcileMetrics implements Metrics {
  static final String NAME = "trellis.reconcile";
  private final MeterRegistry registry;

  ReconcileMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  @Produces
  @Singleton
  @Alternative
  @Priority(1)
  @Unremovable // looked up by the extension at start, never injected
  static Metrics metrics(MeterRegistry registry) {
    return new ReconcileMetrics(registry);
  }

  @Override
  public <T> T timeControllerExecution(ControllerExecution<T> execution) throws Exception {
    long start = System.nanoTime();
    String result = "error";
    try {
      T outcome = execution.execute();
      result = "success";
      return outcome;
    } finally {
      Timer.builder(NAME)
          .description("Reconciles and cleanups JOSDK ran, by controller, operation and result")
          .tags("controller", execution.controllerName(), "operation", execution.name(), "result", result)
          .register(registry)
          .record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
    }
  }
}
