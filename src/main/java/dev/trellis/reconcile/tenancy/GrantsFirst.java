package dev.trellis.reconcile.tenancy;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * After the operator starts, every organization's grants are written before any organization's statuses.
 * Grants are what connectors act on; on a cluster whose objects have no status yet (a first installation, an
 * upgrade that changes what statuses say) the status writes are most of the work, and written alongside they
 * would hold back the grants of the organizations reconciled last.
 *
 * <p>A namespace whose grants are written waits — its reconcile returns — until every organization's are, or
 * until {@link #LIMIT} after the first one (an organization whose reconcile keeps failing holds nobody's statuses
 * back for longer). Then every waiting namespace is woken and reconciled again (its unchanged resolution is
 * reused), and from then on each reconcile writes grants and statuses together.
 */
final class GrantsFirst {
  static final Duration LIMIT = Duration.ofSeconds(30);

  private final Consumer<String> wake;
  private final Set<String> granted = ConcurrentHashMap.newKeySet();
  private final Set<String> waiting = ConcurrentHashMap.newKeySet();
  private volatile Instant deadline;
  private volatile boolean over;

  /** @param wake reconciles a namespace again */
  GrantsFirst(Consumer<String> wake) {
    this.wake = wake;
  }

  /**
   * Records that {@code namespace}'s grants are written, and says whether its statuses may be written now.
   *
   * @param organizations the namespaces of every organization now
   */
  boolean statusesNow(String namespace, Supplier<Set<String>> organizations, Instant now) {
    if (over) {
      return true;
    }
    synchronized (this) {
      if (deadline == null) {
        deadline = now.plus(LIMIT);
      }
    }
    granted.add(namespace);
    if (!now.isBefore(deadline) || granted.containsAll(organizations.get())) {
      over = true;
      waiting.forEach(wake);
      waiting.clear();
      return true;
    }
    waiting.add(namespace);
    if (over) { // ended meanwhile, perhaps before this namespace was listed as waiting
      waiting.remove(namespace);
      return true;
    }
    return false;
  }

  /** How long a waiting namespace waits at most before it looks again. */
  Duration remaining(Instant now) {
    Instant end = deadline;
    return end == null ? Duration.ZERO : Duration.between(now, end).plusMillis(1);
  }

  /** Whether the start is behind: every reconcile writes grants and statuses together. */
  boolean over() {
    return over;
  }
}
