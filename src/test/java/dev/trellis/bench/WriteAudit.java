package dev.trellis.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Checks every write of every grants document against what the document may say at that moment, as a connector
 * reading it would see it. Fed by {@link GrantsWatch} with each connector's ConfigMaps after every write; a view is
 * judged only when it is consistent (every shard the primary lists is present and carries the primary's revision):
 * a reader retries an inconsistent view, so such a view is counted, never judged.
 *
 * <p>A document is judged by its atoms ({@link DocContent#atoms}): one per resource, per grant and per permission of
 * an entry. The harness sets the moment ({@link #expect}): the documents before and after the change in flight (the
 * same map twice during a cold convergence, when nothing changes). An atom in neither is <b>wrong</b>: nothing ever
 * granted it. An atom this document has shown before, that both before and after keep, and that is gone is
 * <b>lost</b>: a correct grant was revoked. Late is neither: an atom not shown yet may appear at any moment.
 */
final class WriteAudit {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int EXAMPLES = 5;

  private Map<String, DocContent> before = Map.of();
  private Map<String, DocContent> after = Map.of();
  private boolean paused = true;
  private final Map<String, Set<String>> shown = new HashMap<>(); // namespace/connector -> atoms shown so far
  private long views;
  private long inconsistentViews;
  private long wrong;
  private long lost;
  private final List<String> examples = new ArrayList<>();

  /** From now on, a document may say what {@code before} or {@code after} says for it (keyed namespace/connector). */
  synchronized void expect(Map<String, DocContent> before, Map<String, DocContent> after) {
    this.before = Map.copyOf(before);
    this.after = Map.copyOf(after);
    this.paused = false;
    atomCache.clear();
  }

  /** Stops judging, and forgets what documents have shown (the harness is about to delete them itself). */
  synchronized void pause() {
    paused = true;
    shown.clear();
  }

  /**
   * One connector's ConfigMaps after a write: {@code primary} is the primary's grants.json (null when absent) and
   * {@code configMap} gives the grants.json of any ConfigMap of that namespace by name (null when absent).
   */
  synchronized void seen(String docKey, String primary, Function<String, String> configMap) {
    if (paused || !after.containsKey(docKey) && !before.containsKey(docKey)) {
      return;
    }
    Set<String> atoms;
    if (primary == null) {
      atoms = Set.of();
    } else {
      try {
        JsonNode doc = JSON.readTree(primary);
        String revision = doc.path("revision").asText();
        Set<String> resources = new HashSet<>();
        Set<String> entries = new HashSet<>();
        DocContent.read(doc, resources, entries);
        for (JsonNode shard : doc.path("shards")) {
          String part = configMap.apply(shard.asText());
          JsonNode parsed = part == null ? null : JSON.readTree(part);
          if (parsed == null || !revision.equals(parsed.path("revision").asText())) {
            inconsistentViews++;
            return;
          }
          DocContent.read(parsed, resources, entries);
        }
        atoms = new DocContent(resources, entries).atoms();
      } catch (Exception e) {
        record(docKey + ": unreadable document (" + e.getMessage() + ")");
        wrong++;
        return;
      }
    }
    views++;
    Set<String> allowedBefore = atomsOf(before, docKey);
    Set<String> allowedAfter = atomsOf(after, docKey);
    Set<String> seenHere = shown.computeIfAbsent(docKey, k -> new HashSet<>());
    for (String atom : atoms) {
      if (!allowedBefore.contains(atom) && !allowedAfter.contains(atom)) {
        wrong++;
        record(docKey + ": wrong " + atom);
      }
    }
    for (String atom : seenHere) {
      if (!atoms.contains(atom) && allowedBefore.contains(atom) && allowedAfter.contains(atom)) {
        lost++;
        record(docKey + ": lost " + atom);
      }
    }
    seenHere.retainAll(allowedAfter); // what the change removes may go; shown again later, it counts again
    seenHere.addAll(atoms);
  }

  private final Map<DocContent, Set<String>> atomCache = new HashMap<>();

  private Set<String> atomsOf(Map<String, DocContent> docs, String key) {
    DocContent d = docs.get(key);
    return d == null ? Set.of() : atomCache.computeIfAbsent(d, DocContent::atoms);
  }

  private void record(String example) {
    if (examples.size() < EXAMPLES) {
      examples.add(example);
    }
  }

  synchronized long views() {
    return views;
  }

  synchronized long inconsistentViews() {
    return inconsistentViews;
  }

  synchronized long wrong() {
    return wrong;
  }

  synchronized long lost() {
    return lost;
  }

  synchronized List<String> examples() {
    return List.copyOf(examples);
  }
}
