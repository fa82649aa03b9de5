package dev.trellis.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.trellis.api.v1alpha1.Connector;
import dev.trellis.model.Reasons;
import dev.trellis.reconcile.tenancy.TenancyFixture;
import dev.trellis.testsupport.ControlPlane;
import dev.trellis.testsupport.DumpOnFailure;
import dev.trellis.testsupport.Tools;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The operator's /q/metrics serves its reconcile metrics and Trellis' own, a refused grants document counts as a
 * write failure, and every metric the chart's alerts and dashboard query is one the operator serves, in PromQL that
 * Prometheus' parser accepts.
 */
@QuarkusTest
@ExtendWith(DumpOnFailure.class)
class OperatorMetricsIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern METRIC = Pattern.compile("\\b((?:trellis|jvm)_[a-z_]+)\\b");

  @TestHTTPResource("/q/metrics")
  URL metrics;

  KubernetesClient client = ControlPlane.get().admin();

  @Test
  void reconcilesDocumentsAndWriteFailuresAreCounted() throws Exception {
    TenancyFixture given = new TenancyFixture(client);
    String ns = given.organization("metered");
    given.oneAnalyst(ns, "ann", "ann@metered.example", null);
    given.document(ns, "c");
    await().atMost(TenancyFixture.WAIT).untilAsserted(() -> assertThat(scrape())
        .containsPattern("(?m)^trellis_reconcile_seconds_count\\{controller=\"[a-z-]+\",operation=\"reconcile\","
            + "result=\"success\",?\\} [1-9]")
        .containsPattern("(?m)^trellis_document_writes_total [1-9]")
        .containsPattern("(?m)^trellis_document_shards [0-9]")
        .containsPattern("(?m)^trellis_objects\\{kind=\"Connector\",ready=\"True\",reason=\"Ready\",?\\} [1-9]"));
    double failures = value(scrape(), "trellis_document_write_failures_total");

    try (AutoCloseable policy = given.refuse("test-refuse-metered-grants", "CREATE, UPDATE", "configmaps",
        "request.namespace != 'org-metered' || request.name != 'c2-grants'", "c2-grants refused by the test",
        () -> client.resource(new ConfigMapBuilder().withNewMetadata().withName("c2-grants").withNamespace(ns)
            .endMetadata().build()).create())) {
      given.apply(ns, """
          apiVersion: iam.trellis.dev/v1alpha1
          kind: Connector
          metadata: {name: c2}
          spec: {projects: [p]}
          """);
      given.awaitReady(Connector.class, ns, "c2", false, Reasons.GRANTS_NOT_WRITTEN);
      await().atMost(TenancyFixture.WAIT).untilAsserted(
          () -> assertThat(value(scrape(), "trellis_document_write_failures_total")).isGreaterThan(failures));
    }
    given.awaitReady(Connector.class, ns, "c2", true, Reasons.READY);
  }

  @Test
  void theChartQueriesOnlyMetricsTheOperatorServes() throws Exception {
    String chart = Tools.run(null, Tools.binary("helm"), "template", "trellis", "helm/trellis",
        "--namespace", "trellis-system", "--kube-version", "1.37.2",
        "--set", "metrics.serviceMonitor.enabled=true", "--set", "metrics.prometheusRule.enabled=true",
        "--set", "metrics.dashboard.enabled=true");
    assertThat(chart).contains("kind: ServiceMonitor").contains("kind: PrometheusRule")
        .contains("name: trellis-dashboard").contains("alert: TrellisOperatorDown")
        .contains("alert: TrellisGrantsNotWritten").contains("alert: TrellisReconcileErrors");
    Set<String> queried = new TreeSet<>();
    Matcher m = METRIC.matcher(chart);
    while (m.find()) {
      queried.add(m.group(1));
    }
    assertThat(queried).contains("trellis_reconcile_seconds_count", "trellis_document_write_failures_total",
        "trellis_objects", "jvm_memory_used_bytes");
    // Every expression parses with Prometheus' own parser: a rule that does not would never fire.
    List<String> expressions = expressions(chart);
    assertThat(expressions).hasSizeGreaterThan(10);
    StringBuilder lines = new StringBuilder();
    for (String expression : expressions) {
      lines.append(JSON.writeValueAsString(expression)).append('\n');
    }
    assertThat(Tools.run(lines.toString(), Tools.binary("promql-check")))
        .contains(expressions.size() + " expressions, 0 do not parse");
    // The other test makes the counters move; here, every queried metric must be served (the webhook's counter
    // once a review was answered: the fixture's writes go through it).
    TenancyFixture given = new TenancyFixture(client);
    String ns = given.organization("scraped");
    given.oneAnalyst(ns, "bob", "bob@scraped.example", null);
    given.document(ns, "c");
    await().atMost(TenancyFixture.WAIT).untilAsserted(() -> {
      Set<String> served = new TreeSet<>();
      Matcher s = Pattern.compile("(?m)^([a-z_]+)[{ ]").matcher(scrape());
      while (s.find()) {
        served.add(s.group(1));
      }
      assertThat(served).containsAll(queried);
    });
  }

  /** The PromQL of the chart's PrometheusRule and of its dashboard's panels. */
  private static List<String> expressions(String chart) throws IOException {
    List<String> found = new ArrayList<>();
    try (MappingIterator<JsonNode> objects = new YAMLMapper().readerFor(JsonNode.class).readValues(chart)) {
      while (objects.hasNext()) {
        JsonNode object = objects.next();
        if (object == null) {
          continue;
        }
        if ("PrometheusRule".equals(object.path("kind").asText())) {
          object.path("spec").path("groups")
              .forEach(g -> g.path("rules").forEach(r -> found.add(r.path("expr").asText())));
        }
        JsonNode dashboard = object.path("data").path("trellis.json");
        if (!dashboard.isMissingNode()) {
          JSON.readTree(dashboard.asText()).path("panels")
              .forEach(p -> p.path("targets").forEach(t -> found.add(t.path("expr").asText())));
        }
      }
    }
    return found;
  }

  private String scrape() throws IOException {
    try (InputStream in = metrics.openStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** The value of an unlabelled series, 0 when absent. */
  private static double value(String scrape, String series) {
    Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(scrape);
    return m.find() ? Double.parseDouble(m.group(1)) : 0;
  }
}
