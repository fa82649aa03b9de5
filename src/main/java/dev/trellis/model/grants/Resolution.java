package dev.trellis.model.grants;

import dev.trellis.model.verdict.Verdicts;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The result of resolving one organization: a grants document per connector (sorted by connector name),
 * every object's verdict, and the earliest future expiry among effective bindings (null when none).
 */
public record Resolution(Map<String, GrantsDocument> documents, Verdicts verdicts, Instant nextExpiry) {

  /** When to reconcile again so that an expiring binding stops granting on time. */
  public Optional<Instant> nextReconcile() {
    return Optional.ofNullable(nextExpiry);
  }
}
