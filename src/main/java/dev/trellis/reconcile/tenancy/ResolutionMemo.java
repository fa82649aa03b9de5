package dev.trellis.reconcile.tenancy;

import dev.trellis.model.grants.GrantResolver;
import dev.trellis.model.grants.Resolution;
import dev.trellis.model.snapshot.OrgSnapshot;
import dev.trellis.projection.GrantsProjector;
import dev.trellis.reconcile.status.ConnectorStatusAssembler.Figures;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The last resolution of each organization, by namespace, reused while the organization's snapshot is equal and
 * no instant the snapshot names (a binding's expiry, an invitation's end) has been reached since. Resolution is a
 * pure function of those two, so a reused one is never stale: any change in the organization, or in what it
 * reads of its partners, gives another snapshot and a fresh resolution.
 *
 * <p>The grants documents are not kept (they are most of a resolution's memory). Kept instead, per connector, is
 * what its grants ConfigMaps were confirmed to hold when they were last written: their resourceVersions (see
 * {@link GrantsWriter#intact}) and the figures of the connector's status. A ConfigMap that anyone changed or
 * deleted since has another resourceVersion, and the documents are built and written again.
 */
final class ResolutionMemo {

  /** A connector's grants as last written: the Connector's uid, its ConfigMaps' resourceVersions, its figures. */
  record Written(String connectorUid, GrantsProjector.Format format, Map<String, String> configMaps,
      Figures figures) {}

  /**
   * One organization's resolution (documents left out) of {@code snapshot} at {@code at}, valid until
   * {@code validUntil} (exclusive; null: for ever), and its connectors' grants as written.
   */
  record Entry(OrgSnapshot snapshot, Instant at, Instant validUntil, Resolution resolution,
      Map<String, Written> connectors) {

    boolean answers(OrgSnapshot other, Instant now) {
      return !now.isBefore(at) && (validUntil == null || now.isBefore(validUntil)) && snapshot.equals(other);
    }
  }

  private final Map<String, Entry> entries = new ConcurrentHashMap<>();

  /** The remembered entry for {@code namespace} if it answers {@code snapshot} at {@code now}. */
  Optional<Entry> reusable(String namespace, OrgSnapshot snapshot, Instant now) {
    return Optional.ofNullable(entries.get(namespace)).filter(e -> e.answers(snapshot, now));
  }

  /** Remembers a resolution whose documents were written as {@code connectors} say. */
  Entry remember(String namespace, OrgSnapshot snapshot, Instant now, Resolution resolution,
      Map<String, Written> connectors) {
    Entry entry = new Entry(snapshot, now, GrantResolver.validUntil(snapshot, now), withoutDocuments(resolution),
        Map.copyOf(connectors));
    entries.put(namespace, entry);
    return entry;
  }

  /** Forgets the namespace: its organization or the namespace is gone. */
  void forget(String namespace) {
    entries.remove(namespace);
  }

  private static Resolution withoutDocuments(Resolution r) {
    return r.documents().isEmpty() ? r : new Resolution(Map.of(), r.verdicts(), r.nextExpiry(), r.access());
  }
}
