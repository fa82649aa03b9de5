package dev.trellis.model.snapshot;

import java.time.Instant;

/**
 * A role binding: a role given to a subject at a scope, until {@code expiresAt} when set. {@code created} decides
 * which of two bindings giving one subject different roles of a feature came first; creation times have whole
 * seconds only, so within one second the binding that was already Ready ({@code wasReady}) counts as first.
 */
public record BindingNode(String name, String role, SubjectRef subject, ScopeRef scope, Instant expiresAt,
    Instant created, boolean wasReady) {

  /** A binding of unknown creation time. */
  public BindingNode(String name, String role, SubjectRef subject, ScopeRef scope, Instant expiresAt) {
    this(name, role, subject, scope, expiresAt, null, false);
  }

  /** A binding not Ready before. */
  public BindingNode(String name, String role, SubjectRef subject, ScopeRef scope, Instant expiresAt,
      Instant created) {
    this(name, role, subject, scope, expiresAt, created, false);
  }
}
