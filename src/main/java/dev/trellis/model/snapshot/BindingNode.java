package dev.trellis.model.snapshot;

import java.time.Instant;

/**
 * A role binding: a role given to a subject at a scope, until {@code expiresAt} when set. {@code created}
 * decides which of two bindings giving one member different roles of a feature came first.
 */
public record BindingNode(String name, String role, SubjectRef subject, ScopeRef scope, Instant expiresAt,
    Instant created) {

  /** A binding of unknown creation time. */
  public BindingNode(String name, String role, SubjectRef subject, ScopeRef scope, Instant expiresAt) {
    this(name, role, subject, scope, expiresAt, null);
  }
}
