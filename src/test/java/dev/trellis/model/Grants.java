package dev.trellis.model;

import dev.trellis.model.grants.GrantEntry;
import dev.trellis.model.grants.Resolution;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Reads a resolution the way test assertions want it: who sees which resource. */
public final class Grants {
  private Grants() {}

  /** Every entry of every connector's document. */
  public static List<GrantEntry> entries(Resolution r) {
    return r.documents().values().stream().flatMap(d -> d.entries().stream()).toList();
  }

  /** The resources a subject has an entry for, sorted. */
  public static Set<String> resourcesOf(Resolution r, String subject) {
    Set<String> out = new TreeSet<>();
    entries(r).stream().filter(e -> e.subject().equals(subject)).forEach(e -> out.add(e.resource()));
    return out;
  }

  /** The subjects with an entry on a resource, sorted. */
  public static Set<String> subjectsOf(Resolution r, String resource) {
    Set<String> out = new TreeSet<>();
    entries(r).stream().filter(e -> e.resource().equals(resource)).forEach(e -> out.add(e.subject()));
    return out;
  }
}
