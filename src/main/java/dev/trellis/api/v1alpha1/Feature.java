package dev.trellis.api.v1alpha1;

/**
 * A product feature with its own roles (seed 003): a member holds at most one role per feature in an
 * organization, at one of the levels of {@link FeatureLevel}.
 */
public enum Feature {
  Observability("Observability"),
  WorkloadSecurity("Workload Security"),
  Reporting("Reporting");

  private final String displayName;

  Feature(String displayName) {
    this.displayName = displayName;
  }

  /** The name users see, as in "Workload Security". */
  public String displayName() {
    return displayName;
  }
}
