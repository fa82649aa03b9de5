package dev.trellis.model.snapshot;

/** The levels of the hierarchy a role can be given at. */
public enum ScopeKind {
  Organization,
  Folder,
  Project
}
