package dev.trellis.reconcile.tenancy;

import dev.trellis.api.v1alpha1.AccessRole;
import dev.trellis.api.v1alpha1.Condition;
import dev.trellis.api.v1alpha1.Connector;
import dev.trellis.api.v1alpha1.Folder;
import dev.trellis.api.v1alpha1.ManagedResource;
import dev.trellis.api.v1alpha1.Member;
import dev.trellis.api.v1alpha1.Organization;
import dev.trellis.api.v1alpha1.Partnership;
import dev.trellis.api.v1alpha1.PartnershipAcceptance;
import dev.trellis.api.v1alpha1.PartnershipPhase;
import dev.trellis.api.v1alpha1.Project;
import dev.trellis.api.v1alpha1.RoleBinding;
import dev.trellis.api.v1alpha1.TrellisStatus;
import dev.trellis.projection.GrantsProjector;
import dev.trellis.reconcile.support.CachedContent;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.CustomResource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Trellis' own metrics at /q/metrics, beside JOSDK's reconcile metrics (docs/observability.md): grants documents
 * and their bytes, document writes, objects by kind and Ready reason, partnerships by phase and admission reviews.
 * Counts of objects are read from the tenancy controller's caches every 15 s (never per scrape, never per reconcile:
 * they cost a pass over every object).
 */
@ApplicationScoped
@Startup
public class OperatorMetrics {
  private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(OperatorMetrics.class);
  private final MeterRegistry registry;
  private final TenancyView view;
  private final Counter documentWrites;
  private final Counter documentBytesWritten;
  private final Counter documentWriteFailures;
  private final MultiGauge objects;
  private final MultiGauge partnerships;
  private final ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "trellis-metrics");
    t.setDaemon(true);
    return t;
  });
  private volatile long documents;
  private volatile long documentBytes;
  private volatile long shards;

  public OperatorMetrics(MeterRegistry registry, TenancyView view) {
    this.registry = registry;
    this.view = view;
    documentWrites = Counter.builder("trellis.document.writes")
        .description("Grants ConfigMaps written (created or replaced) because their content changed")
        .register(registry);
    documentBytesWritten = Counter.builder("trellis.document.written.bytes")
        .description("Bytes of grants documents written").baseUnit("bytes").register(registry);
    documentWriteFailures = Counter.builder("trellis.document.write.failures")
        .description("Grants ConfigMaps the API server refused to write (the connector reports GrantsNotWritten)")
        .register(registry);
    Gauge.builder("trellis.documents", () -> documents)
        .description("Grants ConfigMaps (documents and their shards) Trellis holds").register(registry);
    Gauge.builder("trellis.document.shards", () -> shards)
        .description("Of those, the shards: ConfigMaps a large document is split into beside its primary")
        .register(registry);
    Gauge.builder("trellis.documents.bytes", () -> documentBytes)
        .description("Bytes of all grants documents Trellis holds").baseUnit("bytes").register(registry);
    objects = MultiGauge.builder("trellis.objects")
        .description("Trellis objects by kind, Ready status and reason").register(registry);
    partnerships = MultiGauge.builder("trellis.partnerships")
        .description("Partnerships by phase").register(registry);
    refresher.scheduleWithFixedDelay(this::refresh, 5, 15, TimeUnit.SECONDS);
  }

  /** A grants ConfigMap was written with {@code bytes} of document. */
  void documentWritten(long bytes) {
    documentWrites.increment();
    documentBytesWritten.increment(bytes);
  }

  /** A grants ConfigMap could not be written; the connector reports GrantsNotWritten and Trellis retries. */
  void documentWriteFailed() {
    documentWriteFailures.increment();
  }

  /** One admission review answered by the webhook. */
  public void admissionReview(String kind, boolean allowed) {
    registry.counter("trellis.admission.reviews", "kind", kind, "allowed", Boolean.toString(allowed)).increment();
  }

  void refresh() {
    if (!view.attached()) {
      return;
    }
    try {
      long count = 0;
      long bytes = 0;
      long shardCount = 0;
      // The cache holds the grants ConfigMaps only (selected by the managed-by and connector labels).
      for (ConfigMap cm : (Iterable<ConfigMap>) view.all(ConfigMap.class)::iterator) {
        count++;
        String connector = cm.getMetadata().getLabels() == null ? null
            : cm.getMetadata().getLabels().get(TenancyEventSources.CONNECTOR_LABEL);
        if (connector != null && !cm.getMetadata().getName().equals(GrantsProjector.configMapName(connector))) {
          shardCount++;
        }
        bytes += CachedContent.bytes(cm);
      }
      documents = count;
      documentBytes = bytes;
      shards = shardCount;
      Map<Tags, Long> byReason = new LinkedHashMap<>();
      count(byReason, "Organization", view.all(Organization.class));
      count(byReason, "Folder", view.all(Folder.class));
      count(byReason, "Project", view.all(Project.class));
      count(byReason, "ManagedResource", view.all(ManagedResource.class));
      count(byReason, "Connector", view.all(Connector.class));
      count(byReason, "Member", view.all(Member.class));
      count(byReason, "RoleBinding", view.all(RoleBinding.class));
      count(byReason, "AccessRole", view.all(AccessRole.class));
      count(byReason, "Partnership", view.all(Partnership.class));
      count(byReason, "PartnershipAcceptance", view.all(PartnershipAcceptance.class));
      objects.register(rows(byReason), true);
      Map<Tags, Long> byPhase = new LinkedHashMap<>();
      for (PartnershipPhase phase : PartnershipPhase.values()) {
        byPhase.put(Tags.of("phase", phase.name()), 0L);
      }
      view.all(Partnership.class).forEach(p -> {
        PartnershipPhase phase = p.getStatus() == null ? null : p.getStatus().getPhase();
        if (phase != null) {
          byPhase.merge(Tags.of("phase", phase.name()), 1L, Long::sum);
        }
      });
      partnerships.register(rows(byPhase), true);
    } catch (RuntimeException e) {
      LOG.debugf(e, "metrics refresh failed; the next one counts again");
    }
  }

  private static <R extends CustomResource<?, ? extends TrellisStatus>> void count(Map<Tags, Long> into, String kind,
      java.util.stream.Stream<R> objects) {
    objects.forEach(r -> {
      Condition ready = r.getStatus() == null ? null : r.getStatus().condition("Ready").orElse(null);
      String status = ready == null ? "Unknown" : ready.getStatus();
      String reason = ready == null || ready.getReason() == null ? "" : ready.getReason();
      into.merge(Tags.of("kind", kind, "ready", status, "reason", reason), 1L, Long::sum);
    });
  }

  private static List<MultiGauge.Row<?>> rows(Map<Tags, Long> counts) {
    List<MultiGauge.Row<?>> rows = new ArrayList<>();
    counts.forEach((tags, n) -> rows.add(MultiGauge.Row.of(tags, n)));
    return rows;
  }

  @PreDestroy
  void stop() {
    refresher.shutdownNow();
  }
}
