package dev.trellis.reconcile.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.trellis.api.v1alpha1.ApiConstants;
import dev.trellis.api.v1alpha1.Organization;
import dev.trellis.api.v1alpha1.OrganizationStatus.Phase;
import dev.trellis.api.v1alpha1.PartnershipAcceptance;
import dev.trellis.api.v1alpha1.PartnershipPhase;
import dev.trellis.reconcile.tenancy.TenancyFixture;
import dev.trellis.testsupport.DumpOnFailure;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A service provider with two MSPs and three clients on the real API server. */
@QuarkusTest
@ExtendWith(DumpOnFailure.class)
class TenantTreeIT {
  /** An administrator's client: the operator under test has its own, with the chart's rights only. */
  KubernetesClient client = dev.trellis.testsupport.ControlPlane.get().admin();

  @Test
  void treeIsValidatedAndTerminatingAClientDeletesItsDataOnlyAndEndsItsPartnerships() {
    TenancyFixture given = new TenancyFixture(client);
    given.apply("""
        apiVersion: iam.trellis.dev/v1alpha1
        kind: Organization
        metadata: {name: tt-sp}
        spec: {displayName: Service provider, account: {country: US, timezone: America/New_York}}
        ---
        apiVersion: iam.trellis.dev/v1alpha1
        kind: Organization
        metadata: {name: tt-msp-a}
        spec: {parent: tt-sp}
        ---
        apiVersion: iam.trellis.dev/v1alpha1
        kind: Organization
        metadata: {name: tt-msp-b}
        spec: {parent: tt-sp}
        ---
        apiVersion: iam.trellis.dev/v1alpha1
        kind: Organization
        metadata: {name: tt-client-1}
        spec: {parent: tt-msp-a, account: {notificationEmail: ops@client1.com, postalCode: SW1A 1AA, timezone: Europe/London}}
        ---
        apiVersion: iam.trellis.dev/v1alpha1
        kind: Organization
        metadata: {name: tt-client-2}
        spec: {parent: tt-msp-a}
        ---
        apiVersion: iam.trellis.dev/v1alpha1
        kind: Organization
        metadata: {name: tt-client-3}
        spec: {parent: tt-msp-b}
        ---
        apiVersion: iam.trellis.dev/v1alpha1
        kind: Organization
        metadata: {name: tt-lost}
        spec: {parent: tt-nobody}
        """);
    for (String org : new String[] {"tt-sp", "tt-msp-a", "tt-msp-b", "tt-client-1", "tt-client-2", "tt-client-3"}) {
      awaitReady(org, true, "Ready");
    }
    awaitReady("tt-lost", false, "ParentNotFound");
    await().atMost(TenancyFixture.WAIT).untilAsserted(() -> {
      assertThat(org("tt-sp").getStatus().getChildren()).containsExactly("tt-msp-a", "tt-msp-b");
      assertThat(org("tt-msp-a").getStatus().getChildren()).containsExactly("tt-client-1", "tt-client-2");
    });

    // client-1 is a customer of msp-a through a partnership.
    String msp = "org-tt-msp-a";
    given.apply("org-tt-client-1", """
        apiVersion: iam.trellis.dev/v1alpha1
        kind: Partnership
        metadata: {name: msp}
        spec: {partnerOrgId: %s}
        """.formatted(org("tt-msp-a").getStatus().getOrgId()));
    given.apply(msp, """
        apiVersion: iam.trellis.dev/v1alpha1
        kind: PartnershipAcceptance
        metadata: {name: client-1}
        spec: {customerOrgId: %s, partnership: msp, members: []}
        """.formatted(org("tt-client-1").getStatus().getOrgId()));
    given.awaitReady(PartnershipAcceptance.class, msp, "client-1", true, "Ready");

    // A termination needs the confirmation, and cannot be undone.
    assertThatThrownBy(() -> patch("tt-client-1", "{\"spec\":{\"terminated\":true}}"))
        .isInstanceOf(KubernetesClientException.class)
        .hasMessageContaining("spec.terminationConfirmation must equal the organization's name");
    patch("tt-client-1", "{\"spec\":{\"terminated\":true,\"terminationConfirmation\":\"tt-client-1\"}}");
    awaitReady("tt-client-1", false, "Inactive");
    await().atMost(TenancyFixture.WAIT)
        .untilAsserted(() -> assertThat(client.namespaces().withName("org-tt-client-1").get()).isNull());
    Organization terminated = org("tt-client-1");
    assertThat(terminated.getStatus().getPhase()).isEqualTo(Phase.Inactive);
    assertThat(terminated.getStatus().getTerminatedAt()).isNotNull();
    assertThat(terminated.getMetadata().getLabels()).containsEntry(ApiConstants.STATUS_LABEL, "inactive");
    assertThatThrownBy(() -> patch("tt-client-1", "{\"spec\":{\"terminated\":false}}"))
        .isInstanceOf(KubernetesClientException.class).hasMessageContaining("spec.terminated is one way");

    // The partner's side of its partnership is terminated; the siblings are untouched.
    given.awaitReady(PartnershipAcceptance.class, msp, "client-1", false, "Terminated");
    assertThat(client.resources(PartnershipAcceptance.class).inNamespace(msp).withName("client-1").get()
        .getStatus().getPhase()).isEqualTo(PartnershipPhase.Terminated);
    await().atMost(TenancyFixture.WAIT).untilAsserted(() -> assertThat(org("tt-client-1").getStatus().getPartnerships())
        .singleElement().satisfies(p -> assertThat(p.getPhase()).isEqualTo(PartnershipPhase.Terminated)));
    awaitReady("tt-client-2", true, "Ready");
    assertThat(client.namespaces().withName("org-tt-client-2").get().getMetadata().getDeletionTimestamp()).isNull();

    // Users filter by label or by the selectable phase field.
    assertThat(client.resources(Organization.class).withLabel(ApiConstants.STATUS_LABEL, "inactive").list()
        .getItems()).extracting(o -> o.getMetadata().getName()).contains("tt-client-1").doesNotContain("tt-client-2");
    assertThat(client.resources(Organization.class).withField("status.phase", "Inactive").list().getItems())
        .extracting(o -> o.getMetadata().getName()).contains("tt-client-1").doesNotContain("tt-client-2");
  }

  @Test
  void aCycleInTheTenantTreeIsReportedByEveryOrganizationOnIt() {
    TenancyFixture given = new TenancyFixture(client);
    given.apply("""
        apiVersion: iam.trellis.dev/v1alpha1
        kind: Organization
        metadata: {name: tt-loop-a}
        spec: {parent: tt-loop-b}
        ---
        apiVersion: iam.trellis.dev/v1alpha1
        kind: Organization
        metadata: {name: tt-loop-b}
        spec: {parent: tt-loop-a}
        """);
    awaitReady("tt-loop-a", false, "CycleDetected");
    awaitReady("tt-loop-b", false, "CycleDetected");
    patch("tt-loop-a", "{\"spec\":{\"parent\":null}}");
    awaitReady("tt-loop-a", true, "Ready");
    awaitReady("tt-loop-b", true, "Ready");
  }

  @Test
  void packageWithdrawnAtTheMspRemovesItsPermissionsFromEveryClientsDocuments() {
    TenancyFixture given = new TenancyFixture(client);
    given.apply("""
        apiVersion: iam.trellis.dev/v1alpha1
        kind: Organization
        metadata: {name: pk-sp}
        spec: {packages: [EventAndIncidentManagement, RemediationAndAutomation]}
        ---
        apiVersion: iam.trellis.dev/v1alpha1
        kind: Organization
        metadata: {name: pk-msp}
        spec: {parent: pk-sp, packages: [EventAndIncidentManagement, RemediationAndAutomation]}
        ---
        apiVersion: iam.trellis.dev/v1alpha1
        kind: Organization
        metadata: {name: pk-client}
        spec: {parent: pk-msp}
        ---
        apiVersion: iam.trellis.dev/v1alpha1
        kind: Organization
        metadata: {name: pk-client-2}
        spec: {parent: pk-msp}
        ---
        apiVersion: iam.trellis.dev/v1alpha1
        kind: Organization
        metadata: {name: pk-eager}
        spec: {parent: pk-msp, packages: [RemediationAndAutomation]}
        """);
    for (String org : new String[] {"pk-sp", "pk-msp", "pk-client", "pk-client-2", "pk-eager"}) {
      awaitReady(org, true, "Ready");
    }
    java.util.List<String> clients = java.util.List.of("org-pk-client", "org-pk-client-2");
    for (String ns : clients) {
      given.apply(ns, """
        apiVersion: iam.trellis.dev/v1alpha1
        kind: Connector
        metadata: {name: c}
        spec: {}
        ---
        apiVersion: iam.trellis.dev/v1alpha1
        kind: ManagedResource
        metadata: {name: r}
        spec: {type: Server, connector: c}
        ---
        apiVersion: iam.trellis.dev/v1alpha1
        kind: Member
        metadata: {name: ops}
        spec: {type: User, email: ops@pk-client.com}
        ---
        apiVersion: iam.trellis.dev/v1alpha1
        kind: RoleBinding
        metadata: {name: ops-admin}
        spec: {role: organization-admin, subject: {kind: Member, name: ops}, scope: {kind: Organization}}
        ---
        apiVersion: iam.trellis.dev/v1alpha1
        kind: RoleBinding
        metadata: {name: ops-automation}
        spec: {role: automation-operator, subject: {kind: Member, name: ops}, scope: {kind: Organization}}
        """);
      await().atMost(TenancyFixture.WAIT).untilAsserted(() -> assertThat(permissions(given, ns))
          .contains("automation.run", "consoles.access", "software.update", "incidents.manage"));
    }

    // The MSP withdraws Remediation and Automation: every client below loses its permissions at once.
    patch("pk-msp", "{\"spec\":{\"packages\":[\"EventAndIncidentManagement\"]}}");
    for (String ns : clients) {
      await().atMost(TenancyFixture.WAIT).untilAsserted(() -> assertThat(permissions(given, ns))
          .contains("incidents.manage", "resources.view")
          .doesNotContain("automation.run", "automation.view", "consoles.access", "software.update"));
      var binding = given.awaitReady(dev.trellis.api.v1alpha1.RoleBinding.class, ns, "ops-automation", false,
          "PackageNotSubscribed");
      assertThat(binding.getMessage()).contains("not subscribed to this product package");
    }
    awaitReady("pk-client", true, "Ready");
    awaitReady("pk-eager", false, "PackageNotAvailable");
    assertThat(org("pk-client").getStatus().getEffectivePackages())
        .doesNotContain(dev.trellis.api.v1alpha1.ProductPackage.RemediationAndAutomation);
  }

  @Test
  void securityPolicyOnlyTightensDownTheTreeAndReachesTheGateways() {
    TenancyFixture given = new TenancyFixture(client);
    given.apply("""
        apiVersion: iam.trellis.dev/v1alpha1
        kind: Organization
        metadata: {name: sec-sp}
        spec:
          security: {allowedIpRanges: [10.0.0.0/8], requireTwoFactor: true, passwordPolicy: {preset: PCI_DSS}}
        ---
        apiVersion: iam.trellis.dev/v1alpha1
        kind: Organization
        metadata: {name: sec-msp}
        spec:
          parent: sec-sp
          security: {allowedIpRanges: [10.1.0.0/16, 192.168.0.0/16], requireTwoFactor: false}
        ---
        apiVersion: iam.trellis.dev/v1alpha1
        kind: Organization
        metadata: {name: sec-client}
        spec:
          parent: sec-msp
          security: {allowedIpRanges: [10.1.2.0/24], passwordPolicy: {preset: Custom, minLength: 16, requireSpecial: true}}
        ---
        apiVersion: iam.trellis.dev/v1alpha1
        kind: Organization
        metadata: {name: sec-typo}
        spec:
          security: {allowedIpRanges: [10.0.0.0/33]}
        """);
    awaitReady("sec-client", true, "Ready");
    awaitReady("sec-typo", false, "InvalidCIDR");
    await().atMost(TenancyFixture.WAIT).untilAsserted(() -> {
      var effective = org("sec-client").getStatus().getEffectiveSecurity();
      assertThat(effective.getAllowedIpRanges()).containsExactly("10.1.2.0/24");
      assertThat(effective.getRequireTwoFactor()).as("required above stays required").isTrue();
      assertThat(effective.getPasswordPolicy().getMinLength()).isEqualTo(16);
      assertThat(effective.getPasswordPolicy().getMaxAgeDays()).as("PCI DSS above: 90 days").isEqualTo(90);
      assertThat(effective.getPasswordPolicy().getRequireSpecial()).isTrue();
      var configMap = client.configMaps().inNamespace("org-sec-client").withName("trellis-security").get();
      assertThat(configMap).isNotNull();
      assertThat(configMap.getData().get("security.json")).contains("\"allowedIpRanges\":[\"10.1.2.0/24\"]");
    });
    assertThat(org("sec-msp").getStatus().getEffectiveSecurity().getAllowedIpRanges()).containsExactly("10.1.0.0/16");

    // The service provider narrows its ranges: the change reaches the client two levels down.
    patch("sec-sp", "{\"spec\":{\"security\":{\"allowedIpRanges\":[\"10.1.2.128/25\"]}}}");
    await().atMost(TenancyFixture.WAIT).untilAsserted(() -> {
      assertThat(org("sec-client").getStatus().getEffectiveSecurity().getAllowedIpRanges())
          .containsExactly("10.1.2.128/25");
      assertThat(client.configMaps().inNamespace("org-sec-client").withName("trellis-security").get().getData()
          .get("security.json")).contains("10.1.2.128/25");
    });
  }

  @Test
  void brandingIsCheckedAndProjectedAndABadImageKeepsTheLastGoodOne() throws Exception {
    TenancyFixture given = new TenancyFixture(client);
    assertThatThrownBy(() -> given.apply("""
        apiVersion: iam.trellis.dev/v1alpha1
        kind: Organization
        metadata: {name: brand-bad-colour}
        spec: {branding: {textColor: "#12345"}}
        """)).isInstanceOf(KubernetesClientException.class).hasMessageContaining("textColor");
    String ns = given.organization("brand");
    given.apply("""
        apiVersion: iam.trellis.dev/v1alpha1
        kind: Organization
        metadata: {name: brand}
        spec:
          displayName: brand
          branding: {websiteTitle: Brand Console, textColor: "#fff", imagesConfigMap: brand-images}
        """);
    awaitReady("brand", false, "BrandingImagesNotFound");

    client.resource(images(ns, png(256, 128), png(128, 128))).serverSideApply();
    awaitReady("brand", true, "Ready");
    await().atMost(TenancyFixture.WAIT).untilAsserted(() -> {
      var projected = client.configMaps().inNamespace(ns).withName("trellis-branding").get();
      assertThat(projected).isNotNull();
      assertThat(projected.getData().get("branding.json"))
          .isEqualTo("{\"textColor\":\"#fff\",\"websiteTitle\":\"Brand Console\"}");
      assertThat(projected.getBinaryData()).containsKeys("logo", "favicon");
    });
    String goodFavicon = client.configMaps().inNamespace(ns).withName("trellis-branding").get()
        .getBinaryData().get("favicon");

    // A favicon that is not 128 x 128 is reported, and the last good projection stays.
    client.resource(images(ns, png(256, 128), png(64, 64))).serverSideApply();
    awaitReady("brand", false, "ImageDimensions");
    assertThat(client.configMaps().inNamespace(ns).withName("trellis-branding").get().getBinaryData().get("favicon"))
        .isEqualTo(goodFavicon);
  }

  private static io.fabric8.kubernetes.api.model.ConfigMap images(String namespace, byte[] logo, byte[] favicon) {
    return new io.fabric8.kubernetes.api.model.ConfigMapBuilder()
        .withNewMetadata().withName("brand-images").withNamespace(namespace)
        .addToLabels("iam.trellis.dev/branding", "images").endMetadata()
        .addToBinaryData("logo", java.util.Base64.getEncoder().encodeToString(logo))
        .addToBinaryData("favicon", java.util.Base64.getEncoder().encodeToString(favicon))
        .build();
  }

  private static byte[] png(int width, int height) throws java.io.IOException {
    var image = new java.awt.image.BufferedImage(width, height, java.awt.image.BufferedImage.TYPE_INT_RGB);
    var out = new java.io.ByteArrayOutputStream();
    javax.imageio.ImageIO.write(image, "png", out);
    return out.toByteArray();
  }

  private static java.util.List<String> permissions(TenancyFixture given, String namespace) {
    java.util.List<String> permissions = new java.util.ArrayList<>();
    given.document(namespace, "c").get("entries")
        .forEach(e -> e.get("permissions").forEach(p -> permissions.add(p.asText())));
    return permissions;
  }

  private Organization org(String name) {
    return client.resources(Organization.class).withName(name).get();
  }

  private void patch(String name, String patch) {
    new TenancyFixture(client).mergePatch(Organization.class, null, name, patch);
  }

  private void awaitReady(String name, boolean status, String reason) {
    new TenancyFixture(client).awaitReady(Organization.class, null, name, status, reason);
  }
}
