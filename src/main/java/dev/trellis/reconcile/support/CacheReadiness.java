package dev.trellis.reconcile.support;

import io.javaoperatorsdk.operator.health.InformerHealthIndicator;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Default;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * The operator's readiness (/q/health/ready): ready once the caches of the controllers that decide grants and
 * admission have finished their first list. Until then nothing is resolved, written or admitted, and a pod that is not
 * ready gets no admission reviews from its Service.
 *
 * <p>It answers at once, from flags the controllers register: the extension's own check waits on the operator's
 * start, which blocks while the API server refuses the first lists (a probe with a timeout then fails, and the
 * endpoint hangs).
 */
@Readiness
@Default // also injected where controllers register their caches
@ApplicationScoped
public class CacheReadiness implements HealthCheck {
  /** The controllers whose caches must be synced before Trellis decides anything. */
  static final Set<String> CONTROLLERS = Set.of("organization", "tenancy");
  private final Map<String, BooleanSupplier> synced = new ConcurrentHashMap<>();

  /** {@code controller}'s caches are synced when {@code isSynced} says so. */
  public void register(String controller, BooleanSupplier isSynced) {
    synced.put(controller, isSynced);
  }

  /** How soon a reconcile that found a cache not yet listed tries again. */
  public static final java.time.Duration RETRY_WHILE_LISTING = java.time.Duration.ofSeconds(2);

  /** Whether every one of {@code sources} exists and has finished its first list. */
  public static boolean listed(java.util.Collection<? extends InformerEventSource<?, ?>> sources) {
    return sources.stream().allMatch(source -> source != null
        && source.informerHealthIndicators().values().stream().allMatch(InformerHealthIndicator::hasSynced));
  }

  @Override
  public HealthCheckResponse call() {
    HealthCheckResponseBuilder response = HealthCheckResponse.named("Trellis caches");
    boolean all = true;
    for (String controller : CONTROLLERS.stream().sorted().toList()) {
      BooleanSupplier isSynced = synced.get(controller);
      boolean ok = isSynced != null && isSynced.getAsBoolean();
      all &= ok;
      response.withData(controller, isSynced == null ? "starting" : ok ? "synced" : "listing (the API server has not"
          + " answered every first list yet)");
    }
    return response.status(all).build();
  }
}
