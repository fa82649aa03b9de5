package dev.trellis.bench;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The API server's {@code apiserver_request_total}, summed by verb and resource (with subresource). */
final class ApiMetrics {
  private static final Pattern LABEL = Pattern.compile("(\\w+)=\"([^\"]*)\"");

  private ApiMetrics() {}

  /** Requests served so far to resource endpoints, keyed {@code VERB resource[/subresource]}. */
  static Map<String, Double> scrape(KubernetesClient client) {
    Map<String, Double> out = new HashMap<>();
    for (String line : client.raw("/metrics").split("\n")) {
      if (!line.startsWith("apiserver_request_total{")) {
        continue;
      }
      int close = line.lastIndexOf('}');
      Map<String, String> labels = new HashMap<>();
      Matcher m = LABEL.matcher(line.substring(0, close));
      while (m.find()) {
        labels.put(m.group(1), m.group(2));
      }
      String resource = labels.getOrDefault("resource", "");
      if (resource.isEmpty()) {
        continue;
      }
      String sub = labels.getOrDefault("subresource", "");
      String key = labels.get("verb") + " " + resource + (sub.isEmpty() ? "" : "/" + sub);
      out.merge(key, Double.parseDouble(line.substring(close + 1).trim()), Double::sum);
    }
    return out;
  }

  static Map<String, Double> delta(Map<String, Double> before, Map<String, Double> after) {
    Map<String, Double> out = new TreeMap<>();
    after.forEach((k, v) -> {
      double d = v - before.getOrDefault(k, 0.0);
      if (d > 0) {
        out.put(k, d);
      }
    });
    return out;
  }

  static double total(Map<String, Double> delta) {
    return delta.values().stream().mapToDouble(Double::doubleValue).sum();
  }

  static double matching(Map<String, Double> delta, String regex) {
    return delta.entrySet().stream().filter(e -> e.getKey().matches(regex)).mapToDouble(Map.Entry::getValue).sum();
  }
}
