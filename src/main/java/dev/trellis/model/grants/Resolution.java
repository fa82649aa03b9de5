package dev.trellis.model.grants;

import dev.trellis.model.members.AccessOutcome;
import dev.trellis.model.verdict.Verdicts;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The result of resolving one organization: a grants document per connector (sorted by connector name),
 * every object's verdict, the earliest future instant at which time alone changes something (a binding expiring,
 * an invitation running out; null when none), and what it says about the organization's people.
 */
public record Resolution(Map<String, GrantsDocument> documents, Verdicts verdicts, Instant nextExpiry,
    AccessOutcome access) {

  /** When to reconcile again so that an expiring binding or invitation takes effect on time. */
  public Optional<Instant> nextReconcile() {
    return Optional.ofNullable(nextExpiry);
  }
}
