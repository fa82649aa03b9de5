package dev.trellis.model.packages;

import static dev.trellis.api.v1alpha1.AddOn.ProcessAutomation;
import static dev.trellis.api.v1alpha1.AddOn.RemoteAccessManagement;
import static dev.trellis.api.v1alpha1.AddOn.SmsAndVoice;
import static dev.trellis.api.v1alpha1.ProductPackage.EventAndIncidentManagement;
import static dev.trellis.api.v1alpha1.ProductPackage.HybridDiscoveryAndMonitoring;
import static dev.trellis.api.v1alpha1.ProductPackage.RemediationAndAutomation;
import static org.assertj.core.api.Assertions.assertThat;

import dev.trellis.api.v1alpha1.AddOn;
import dev.trellis.api.v1alpha1.ProductPackage;
import dev.trellis.model.Reasons;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PackagesTest {

  @Test
  void hybridDiscoveryAndMonitoringIsAlwaysOn() {
    assertThat(Packages.effectivePackages(Set.of())).containsExactly(HybridDiscoveryAndMonitoring);
    assertThat(Packages.effectivePackages(null)).containsExactly(HybridDiscoveryAndMonitoring);
    assertThat(Packages.effectivePackages(Set.of(RemediationAndAutomation)))
        .containsExactly(HybridDiscoveryAndMonitoring, RemediationAndAutomation);
  }

  @Test
  void everyAddOnOfTheSeedBelongsToItsPackage() {
    assertThat(EnumSet.allOf(AddOn.class)).filteredOn(a -> a.pkg() == HybridDiscoveryAndMonitoring)
        .extracting(AddOn::name).containsExactly("AdapterIntegrations", "BatchExports", "ExtendedDataRetention",
            "OfflineAlerts", "StreamExports", "MaskResourceIdentityManagement", "LogManagement", "TraceManagement");
    assertThat(EnumSet.allOf(AddOn.class)).filteredOn(a -> a.pkg() == EventAndIncidentManagement)
        .extracting(AddOn::name).containsExactly("AlertProblemArea", "KnowledgeBaseManagement",
            "OsServiceStartStopActions", "ScheduledTaskManagement", "SlaManagement", "SmsAndVoice", "EventEnrichment");
    assertThat(EnumSet.allOf(AddOn.class)).filteredOn(a -> a.pkg() == RemediationAndAutomation)
        .extracting(AddOn::name).containsExactly("ProcessAutomation", "RemoteAccessManagement",
            "ApplicationPatchManagement");
  }

  @Test
  void rootOrganizationMayHaveAnything() {
    PackageAvailability a = Packages.availability(Subscription.everything(), null);

    assertThat(a.verdict().ready()).isTrue();
    assertThat(a.effective()).isEqualTo(Subscription.everything());
  }

  @Test
  void rootOrganizationWithNoPackagesHasHybridDiscoveryAndMonitoringOnly() {
    PackageAvailability a = Packages.availability(Set.of(), Set.of(AddOn.BatchExports), null, null);

    assertThat(a.verdict().ready()).isTrue();
    assertThat(a.effective().packages()).containsExactly(HybridDiscoveryAndMonitoring);
    assertThat(a.effective().addOns()).containsExactly(AddOn.BatchExports);
  }

  @Test
  void childAskingForAPackageItsParentLacksGetsPackageNotAvailableAndKeepsTheRest() {
    Subscription parent = new Subscription(Set.of(HybridDiscoveryAndMonitoring, EventAndIncidentManagement),
        Set.of(SmsAndVoice));

    PackageAvailability a = Packages.availability(
        new Subscription(Set.of(EventAndIncidentManagement, RemediationAndAutomation), Set.of(SmsAndVoice)), parent);

    assertThat(a.verdict().ready()).isFalse();
    assertThat(a.verdict().usable()).isTrue();
    assertThat(a.verdict().reason()).isEqualTo(Reasons.PACKAGE_NOT_AVAILABLE);
    assertThat(a.verdict().message())
        .isEqualTo("The parent organization does not have package RemediationAndAutomation; the rest stays enabled.");
    assertThat(a.effective().packages()).containsExactly(HybridDiscoveryAndMonitoring, EventAndIncidentManagement);
    assertThat(a.effective().addOns()).containsExactly(SmsAndVoice);
  }

  @Test
  void childAskingForAnAddOnItsParentLacksGetsPackageNotAvailable() {
    Subscription parent = new Subscription(Set.of(RemediationAndAutomation), Set.of(ProcessAutomation));

    PackageAvailability a = Packages.availability(
        new Subscription(Set.of(RemediationAndAutomation), Set.of(ProcessAutomation, RemoteAccessManagement)), parent);

    assertThat(a.verdict().reason()).isEqualTo(Reasons.PACKAGE_NOT_AVAILABLE);
    assertThat(a.verdict().message()).contains("does not have add-on RemoteAccessManagement");
    assertThat(a.effective().addOns()).containsExactly(ProcessAutomation);
  }

  @Test
  void addOnWithoutItsPackageIsNotAvailableEvenAtTheRoot() {
    PackageAvailability a = Packages.availability(new Subscription(Set.of(), Set.of(SmsAndVoice)), null);

    assertThat(a.verdict().reason()).isEqualTo(Reasons.PACKAGE_NOT_AVAILABLE);
    assertThat(a.verdict().message()).isEqualTo("Add-on SmsAndVoice needs package EventAndIncidentManagement,"
        + " which spec.packages does not list; the rest stays enabled.");
    assertThat(a.effective().addOns()).isEmpty();
  }

  @Test
  void bothMissingPackagesAndAddOnsAreNamedInOneSentence() {
    Subscription parent = new Subscription(Set.of(), Set.of());

    PackageAvailability a = Packages.availability(new Subscription(
        Set.of(EventAndIncidentManagement, RemediationAndAutomation), Set.of(SmsAndVoice, ProcessAutomation)), parent);

    assertThat(a.verdict().message()).isEqualTo("The parent organization does not have packages"
        + " EventAndIncidentManagement, RemediationAndAutomation or add-ons SmsAndVoice, ProcessAutomation;"
        + " the rest stays enabled.");
    assertThat(a.effective()).isEqualTo(new Subscription(Set.of(HybridDiscoveryAndMonitoring), Set.of()));
  }

  @Test
  void packageWithdrawnAtTheMspDisappearsFromItsClientsOverATreeOfDepthThree() {
    // SP has everything; the MSP asks for everything but withdraws R&A; the client asks for R&A.
    PackageAvailability sp = Packages.availability(Subscription.everything(), null);
    Subscription mspRequest = new Subscription(Set.of(EventAndIncidentManagement),
        Set.of(SmsAndVoice, AddOn.BatchExports));
    PackageAvailability msp = Packages.availability(mspRequest, sp.effective());
    PackageAvailability client = Packages.availability(new Subscription(
        Set.of(EventAndIncidentManagement, RemediationAndAutomation), Set.of(SmsAndVoice, ProcessAutomation)),
        msp.effective());

    assertThat(sp.verdict().ready()).isTrue();
    assertThat(msp.verdict().ready()).isTrue();
    assertThat(client.verdict().reason()).isEqualTo(Reasons.PACKAGE_NOT_AVAILABLE);
    assertThat(client.verdict().message()).contains("package RemediationAndAutomation")
        .contains("add-on ProcessAutomation");
    assertThat(client.effective().packages()).containsExactly(HybridDiscoveryAndMonitoring, EventAndIncidentManagement);
    assertThat(client.effective().addOns()).containsExactly(SmsAndVoice);

    // The SP withdraws EIM: the MSP loses it, and so does the client although neither changed its spec.
    PackageAvailability sp2 = Packages.availability(
        new Subscription(Set.of(RemediationAndAutomation), EnumSet.allOf(AddOn.class)), null);
    PackageAvailability msp2 = Packages.availability(mspRequest, sp2.effective());
    PackageAvailability client2 = Packages.availability(new Subscription(
        Set.of(EventAndIncidentManagement), Set.of(SmsAndVoice)), msp2.effective());

    assertThat(sp2.effective().addOns()).doesNotContain(SmsAndVoice).contains(ProcessAutomation);
    assertThat(msp2.verdict().reason()).isEqualTo(Reasons.PACKAGE_NOT_AVAILABLE);
    assertThat(msp2.effective().packages()).containsExactly(HybridDiscoveryAndMonitoring);
    assertThat(msp2.effective().addOns()).containsExactly(AddOn.BatchExports);
    assertThat(client2.verdict().reason()).isEqualTo(Reasons.PACKAGE_NOT_AVAILABLE);
    assertThat(client2.effective().packages()).containsExactly(HybridDiscoveryAndMonitoring);
    assertThat(client2.effective().addOns()).isEmpty();
  }

  @Test
  void effectiveIsNeverMoreThanTheParentsEffective() {
    Subscription parent = new Subscription(Set.of(EventAndIncidentManagement), Set.of(SmsAndVoice));
    for (ProductPackage p : ProductPackage.values()) {
      for (AddOn a : AddOn.values()) {
        Subscription effective = Packages.availability(new Subscription(Set.of(p), Set.of(a)), parent).effective();
        assertThat(Packages.effectivePackages(parent.packages())).containsAll(effective.packages());
        assertThat(parent.addOns()).containsAll(effective.addOns());
      }
    }
  }
}
