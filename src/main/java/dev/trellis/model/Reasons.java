package dev.trellis.model;

/** The CamelCase reasons of Trellis conditions (see docs/reasons.md). */
public final class Reasons {
  // Ready=True
  public static final String READY = "Ready";

  // Organization
  public static final String NAMESPACE_CONFLICT = "NamespaceConflict";
  public static final String NAMESPACE_TERMINATING = "NamespaceTerminating";
  public static final String TERMINATING = "Terminating";

  // Objects in a namespace that no organization owns.
  public static final String NO_ORGANIZATION = "NoOrganization";

  private Reasons() {}
}
