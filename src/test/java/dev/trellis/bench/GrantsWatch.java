package dev.trellis.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Watches the grants ConfigMaps of the benchmark's namespaces (an informer, no polling) and keeps, for
 * every connector, what its document currently says and since when. Counts every write it sees, and
 * writes that left a ConfigMap's data as it was.
 */
final class GrantsWatch implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  static final String CONNECTOR_LABEL = "iam.trellis.dev/connector";

  private final String namespacePrefix;
  private final AtomicLong activity;
  private final SharedIndexInformer<ConfigMap> informer;
  private final Map<String, String> data = new HashMap<>(); // ns/name -> grants.json
  private final Map<String, Doc> docs = new HashMap<>(); // ns/connector -> content
  private final Map<String, Integer> windowWrites = new HashMap<>(); // ns/name -> writes seen in the window
  private long writes;
  private long bytesWritten;
  private long unchangedWrites;
  private long deletes;
  private WriteAudit audit;

  private record Doc(DocContent content, long since) {}

  GrantsWatch(KubernetesClient client, String namespacePrefix, AtomicLong activity) {
    this.namespacePrefix = namespacePrefix;
    this.activity = activity;
    this.informer = client.configMaps().inAnyNamespace().withLabel("app.kubernetes.io/managed-by", "trellis")
        .inform(new ResourceEventHandler<>() {
          @Override
          public void onAdd(ConfigMap cm) {
            seen(cm, false, System.nanoTime());
          }

          @Override
          public void onUpdate(ConfigMap old, ConfigMap cm) {
            if (!Objects.equals(old.getMetadata().getResourceVersion(), cm.getMetadata().getResourceVersion())) {
              seen(cm, false, System.nanoTime());
            }
          }

          @Override
          public void onDelete(ConfigMap cm, boolean unknownFinalState) {
            seen(cm, true, System.nanoTime());
          }
        }, 0);
  }

  private void seen(ConfigMap cm, boolean deleted, long at) {
    String ns = cm.getMetadata().getNamespace();
    // Grants ConfigMaps only: the organizations' security-policy ConfigMaps carry the same managed-by label.
    if (!ns.startsWith(namespacePrefix) || cm.getMetadata().getLabels() == null
        || cm.getMetadata().getLabels().get(CONNECTOR_LABEL) == null) {
      return;
    }
    activity.set(at);
    String connector = cm.getMetadata().getLabels().get(CONNECTOR_LABEL);
    String key = ns + "/" + cm.getMetadata().getName();
    String json = deleted || cm.getData() == null ? null : cm.getData().get("grants.json");
    synchronized (this) {
      String before = deleted ? null : data.get(key);
      if (deleted) {
        data.remove(key);
        deletes++;
      } else {
        writes++;
        bytesWritten += json == null ? 0 : dev.trellis.projection.GrantsProjector.utf8Length(json);
        if (json != null && json.equals(before)) {
          unchangedWrites++;
        }
        data.put(key, json);
        windowWrites.merge(key, 1, Integer::sum);
      }
      if (connector != null) {
        String docKey = ns + "/" + connector;
        View view = assemble(connector + "-grants", name -> data.get(ns + "/" + name));
        Doc old = docs.get(docKey);
        DocContent content = readerHolds(view, old == null ? null : old.content());
        if (audit != null) {
          audit.seen(docKey, view);
        }
        if (content == null) {
          docs.remove(docKey);
        } else if (old == null || !old.content().equals(content)) {
          docs.put(docKey, new Doc(content, at));
        }
      }
      notifyAll();
    }
  }

  /**
   * What a reader of one connector's ConfigMaps sees: the content of the primary and the shards it lists, and
   * whether that view is consistent (every listed shard present and carrying the primary's revision; a reader
   * retries an inconsistent one).
   */
  record View(DocContent content, boolean consistent) {}

  /**
   * The view of the document whose primary ConfigMap is {@code primaryName}, reading grants.json of a ConfigMap of
   * its namespace by name through {@code configMap}; null while the primary is absent.
   */
  static View assemble(String primaryName, Function<String, String> configMap) {
    String primary = configMap.apply(primaryName);
    if (primary == null) {
      return null;
    }
    Set<String> resources = new LinkedHashSet<>();
    Set<String> entries = new LinkedHashSet<>();
    boolean consistent = true;
    try {
      JsonNode doc = JSON.readTree(primary);
      String revision = doc.path("revision").asText();
      DocContent.read(doc, resources, entries);
      for (JsonNode shard : doc.path("shards")) {
        // v1alpha1 names shards, which carry the primary's revision; v1alpha2 names each with its own revision.
        String name = shard.isObject() ? shard.path("name").asText() : shard.asText();
        String stated = shard.isObject() ? shard.path("revision").asText() : revision;
        String part = configMap.apply(name);
        if (part == null) {
          entries.add("<missing shard " + name + ">");
          consistent = false;
        } else {
          JsonNode parsed = JSON.readTree(part);
          consistent &= stated.equals(parsed.path("revision").asText());
          DocContent.read(parsed, resources, entries);
        }
      }
    } catch (Exception e) {
      entries.add("<unreadable: " + e.getMessage() + ">");
    }
    return new View(new DocContent(Set.copyOf(resources), Set.copyOf(entries)), consistent);
  }

  /**
   * What a reader holds after a write, given the view it reads now and what it held before: nothing while the
   * primary is absent; the view's content when the view is consistent; else what it held before, because a reader
   * retries an inconsistent view (shards are written before the primary that names their revisions, and shard names
   * are stable, so reading shards by name alone would see a change before its primary is written and end the
   * measurement of a change early).
   */
  static DocContent readerHolds(View view, DocContent before) {
    if (view == null) {
      return null;
    }
    return view.consistent() ? view.content() : before;
  }

  /** From now on, every write is also judged by {@code audit}. */
  synchronized void audit(WriteAudit audit) {
    this.audit = audit;
  }

  /** The grants.json of every grants ConfigMap seen, by {@code namespace/name}: what the cluster holds now. */
  synchronized Map<String, String> configMapData() {
    return new java.util.TreeMap<>(data);
  }

  /**
   * Waits until every document in {@code expected} says exactly that; returns the instant (nanoTime) of the
   * write that completed the last of them, or -1 at the deadline.
   */
  synchronized long await(Map<String, DocContent> expected, long deadlineNanos) throws InterruptedException {
    while (true) {
      long last = Long.MIN_VALUE;
      boolean all = true;
      for (var e : expected.entrySet()) {
        Doc doc = docs.get(e.getKey());
        if (doc == null || !doc.content().equals(e.getValue())) {
          all = false;
          break;
        }
        last = Math.max(last, doc.since());
      }
      if (all) {
        return last;
      }
      long left = deadlineNanos - System.nanoTime();
      if (left <= 0) {
        return -1;
      }
      wait(Math.max(1, left / 1_000_000));
    }
  }

  /**
   * Waits until at least {@code n} documents of {@code expected} say exactly that; returns how many do, or -1 at the
   * deadline.
   */
  synchronized int awaitConverged(Map<String, DocContent> expected, int n, long deadlineNanos)
      throws InterruptedException {
    while (true) {
      int right = 0;
      for (var e : expected.entrySet()) {
        Doc doc = docs.get(e.getKey());
        if (doc != null && doc.content().equals(e.getValue())) {
          right++;
        }
      }
      if (right >= n) {
        return right;
      }
      long left = deadlineNanos - System.nanoTime();
      if (left <= 0) {
        return -1;
      }
      wait(Math.max(1, left / 1_000_000));
    }
  }

  /** How each document in {@code expected} differs from what the cluster says now; empty when all match. */
  synchronized Map<String, String> mismatches(Map<String, DocContent> expected) {
    Map<String, String> out = new java.util.TreeMap<>();
    expected.forEach((key, want) -> {
      Doc doc = docs.get(key);
      if (doc == null || !doc.content().equals(want)) {
        out.put(key, want.diff(doc == null ? null : doc.content()));
      }
    });
    docs.keySet().stream().filter(k -> !expected.containsKey(k)).forEach(k -> out.put(k, "unexpected document"));
    return out;
  }

  /** The writes seen since the last call, by ConfigMap ({@code namespace/name}); starts a new window. */
  synchronized Map<String, Integer> takeWindow() {
    Map<String, Integer> out = new HashMap<>(windowWrites);
    windowWrites.clear();
    return out;
  }

  synchronized long writes() {
    return writes;
  }

  /** The bytes of grants.json in every write seen (UTF-8), deletions not counted. */
  synchronized long bytesWritten() {
    return bytesWritten;
  }

  synchronized long unchangedWrites() {
    return unchangedWrites;
  }

  synchronized long deletes() {
    return deletes;
  }

  synchronized int configMaps() {
    return data.size();
  }

  @Override
  public void close() {
    informer.close();
  }
}
