package dev.trellis.api.v1alpha1;

/** An add-on of seed 002; each belongs to one product package and is available only with it. */
public enum AddOn {
  // Hybrid Discovery and Monitoring
  AdapterIntegrations(ProductPackage.HybridDiscoveryAndMonitoring, "Adapter Integrations"),
  BatchExports(ProductPackage.HybridDiscoveryAndMonitoring, "Batch Exports"),
  ExtendedDataRetention(ProductPackage.HybridDiscoveryAndMonitoring, "Extended Data Retention"),
  OfflineAlerts(ProductPackage.HybridDiscoveryAndMonitoring, "Offline Alerts"),
  StreamExports(ProductPackage.HybridDiscoveryAndMonitoring, "Stream Exports"),
  MaskResourceIdentityManagement(ProductPackage.HybridDiscoveryAndMonitoring, "Mask Resource Identity Management"),
  LogManagement(ProductPackage.HybridDiscoveryAndMonitoring, "Log Management"),
  TraceManagement(ProductPackage.HybridDiscoveryAndMonitoring, "Trace Management"),
  // Event and Incident Management
  AlertProblemArea(ProductPackage.EventAndIncidentManagement, "Alert Problem Area"),
  KnowledgeBaseManagement(ProductPackage.EventAndIncidentManagement, "Knowledge Base Management"),
  OsServiceStartStopActions(ProductPackage.EventAndIncidentManagement, "OS Service Start/Stop Actions"),
  ScheduledTaskManagement(ProductPackage.EventAndIncidentManagement, "Scheduled Task Management"),
  SlaManagement(ProductPackage.EventAndIncidentManagement, "SLA Management"),
  SmsAndVoice(ProductPackage.EventAndIncidentManagement, "SMS and Voice"),
  EventEnrichment(ProductPackage.EventAndIncidentManagement, "Event Enrichment"),
  // Remediation and Automation
  ProcessAutomation(ProductPackage.RemediationAndAutomation, "Process Automation"),
  RemoteAccessManagement(ProductPackage.RemediationAndAutomation, "Remote Access Management"),
  ApplicationPatchManagement(ProductPackage.RemediationAndAutomation, "Application Patch Management");

  private final ProductPackage pkg;
  private final String displayName;

  AddOn(ProductPackage pkg, String displayName) {
    this.pkg = pkg;
    this.displayName = displayName;
  }

  /** The package the add-on needs. */
  public ProductPackage pkg() {
    return pkg;
  }

  /** The name users see, as in "SMS and Voice". */
  public String displayName() {
    return displayName;
  }
}
