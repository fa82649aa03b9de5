package dev.trellis.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks every write of every grants document against what the document may say at that moment, as a connector
 * reading it would see it. Fed by {@link GrantsWatch} with each connector's view after every write; a view is
 * judged only when it is consistent ({@link GrantsWatch.View}): a reader retries an inconsistent view, so such a
 * view is counted, never judged. An unreadable document is judged: its marker entry is a wrong atom.
 *
 * <p>A document is judged by its atoms ({@link DocContent#atoms}): one per resource, per grant and per permission of
 * an entry. The harness sets the moment ({@link #expect}): the documents before and after the change in flight (the
 * same map twice during a cold convergence, when nothing changes). An atom in neither is <b>wrong</b>: nothing ever
 * granted it. An atom this document has shown before, that both before and after keep, and that is gone is
 * <b>lost</b>: a correct grant was revoked. Late is neither: an atom not shown yet may appear at any moment.
 */
final class WriteAudit {
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

  /** One connector's document after a write, as a reader sees it ({@link GrantsWatch#assemble}; null: absent). */
  synchronized void seen(String docKey, GrantsWatch.View view) {
    if (paused || !after.containsKey(docKey) && !before.containsKey(docKey)) {
      return;
    }
    if (view != null && !view.consistent()) {
      inconsistentViews++;
      return;
    }
    Set<String> atoms = view == null ? Set.of() : view.content().atoms();
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
