package dev.trellis.reconcile.tenancy;

import dev.trellis.model.grants.GrantsDocument;
import dev.trellis.projection.GrantsProjector;
import dev.trellis.projection.Projection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers each connector's last rendered document. Most reconciles of a namespace leave most of its
 * connectors' documents as they were; rendering canonical JSON and hashing it again for those was the
 * largest cost after resolution (docs/benchmarks.md).
 */
final class Projections {
  private record Rendered(GrantsDocument document, Projection projection) {}

  /** Namespace → connector name → last rendering; a namespace's entries follow its connectors. */
  private final Map<String, Map<String, Rendered>> last = new ConcurrentHashMap<>();

  Projection project(String namespace, String connector, GrantsDocument document) {
    Map<String, Rendered> inNamespace = last.computeIfAbsent(namespace, n -> new ConcurrentHashMap<>());
    Rendered previous = inNamespace.get(connector);
    if (previous != null && previous.document().equals(document)) {
      return previous.projection();
    }
    Projection projection = GrantsProjector.project(document);
    inNamespace.put(connector, new Rendered(document, projection));
    return projection;
  }

  /** Forgets the namespace's connectors that are gone. */
  void retain(String namespace, Set<String> connectors) {
    Map<String, Rendered> inNamespace = last.get(namespace);
    if (inNamespace != null) {
      inNamespace.keySet().retainAll(connectors);
    }
  }

  /** Forgets a namespace whose organization is gone. */
  void forget(String namespace) {
    last.remove(namespace);
  }
}
