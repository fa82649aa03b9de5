package dev.trellis.reconcile.support;

import io.javaoperatorsdk.operator.api.monitoring.Metrics;
import io.quarkus.arc.Unremovable;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * JOSDK's reconcile metrics stay off. With Micrometer present the extension binds JOSDK's MicrometerMetricsV2,
 * which registers {@code events_received} with different tag sets per event; the Prometheus registry refuses that by
 * throwing in JOSDK's event threads, and reconciles stop. Trellis' own metrics ({@code OperatorMetrics}) are served.
 */
public class ReconcileMetrics {
  @Produces
  @Singleton
  @Alternative
  @Priority(1)
  @Unremovable // looked up by the extension at start, never injected
  Metrics metrics() {
    return Metrics.NOOP;
  }
}
