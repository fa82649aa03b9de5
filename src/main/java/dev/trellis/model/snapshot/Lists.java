package dev.trellis.model.snapshot;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/** Null-tolerant immutable copies, so that snapshot records built from sparse specs never hold null lists. */
final class Lists {
  private Lists() {}

  static <T> List<T> copy(List<T> list) {
    if (list == null) {
      return List.of();
    }
    // List.copyOf rejects null elements; a sparse YAML list may hold them, so drop them instead.
    List<T> out = new ArrayList<>(list.size());
    list.stream().filter(Objects::nonNull).forEach(out::add);
    return Collections.unmodifiableList(out);
  }
}
