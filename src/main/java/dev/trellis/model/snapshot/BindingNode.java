package dev.trellis.model.snapshot;

import java.time.Instant;

/** A role binding: a role given to a subject at a scope, until {@code expiresAt} when set. */
public record BindingNode(String name, String role, SubjectRef subject, ScopeRef scope, Instant expiresAt) {}
