package dev.trellis.bench;

import dev.trellis.api.v1alpha1.ApiConstants;
import dev.trellis.api.v1alpha1.ApiKinds;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Watches every Trellis kind in the benchmark's namespaces (from now on, no initial list) to tell when the
 * operator has gone quiet, and counts the writes it sees (nearly all of them status writes) by kind.
 */
final class ActivityWatch implements AutoCloseable {
  private final AtomicLong last;
  private final List<Watch> watches = new ArrayList<>();
  private final Map<String, Long> writes = new TreeMap<>();

  ActivityWatch(KubernetesClient client, String prefix, AtomicLong last) {
    this.last = last;
    for (var kind : ApiKinds.ALL) {
      var resources = client.genericKubernetesResources(ApiConstants.API_VERSION, kind.getSimpleName());
      String rv = resources.inAnyNamespace().list(new ListOptionsBuilder().withLimit(1L).build())
          .getMetadata().getResourceVersion();
      watches.add(resources.inAnyNamespace().watch(new ListOptionsBuilder().withResourceVersion(rv).build(),
          new Watcher<GenericKubernetesResource>() {
            @Override
            public void eventReceived(Action action, GenericKubernetesResource object) {
              String ns = object.getMetadata().getNamespace();
              boolean ours = ns == null ? object.getMetadata().getName().startsWith(prefix)
                  : ns.startsWith("org-" + prefix);
              if (ours && action != Action.BOOKMARK) {
                last.set(System.nanoTime());
                synchronized (writes) {
                  writes.merge(object.getKind(), 1L, Long::sum);
                }
              }
            }

            @Override
            public void onClose(WatcherException cause) {}
          }));
    }
  }

  /** Waits until nothing of ours has changed for {@code quietMillis}; false if that did not happen by the deadline. */
  boolean awaitQuiet(long quietMillis, long deadlineNanos) throws InterruptedException {
    while (System.nanoTime() < deadlineNanos) {
      long idle = (System.nanoTime() - last.get()) / 1_000_000;
      if (idle >= quietMillis) {
        return true;
      }
      Thread.sleep(Math.max(5, quietMillis - idle));
    }
    return false;
  }

  /** Writes seen so far, by kind. */
  Map<String, Long> writes() {
    synchronized (writes) {
      return new TreeMap<>(writes);
    }
  }

  @Override
  public void close() {
    watches.forEach(Watch::close);
  }
}
