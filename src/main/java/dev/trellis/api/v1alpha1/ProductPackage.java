package dev.trellis.api.v1alpha1;

/** A product package an organization subscribes to (seed 002); Hybrid Discovery and Monitoring is always on. */
public enum ProductPackage {
  HybridDiscoveryAndMonitoring("Hybrid Discovery and Monitoring"),
  EventAndIncidentManagement("Event and Incident Management"),
  RemediationAndAutomation("Remediation and Automation");

  private final String displayName;

  ProductPackage(String displayName) {
    this.displayName = displayName;
  }

  /** The name users see, as in "Remediation and Automation". */
  public String displayName() {
    return displayName;
  }
}
