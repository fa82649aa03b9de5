package dev.trellis.reconcile.status;

import static dev.trellis.reconcile.status.Fixtures.EARLIER;
import static dev.trellis.reconcile.status.Fixtures.LATER;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.trellis.api.v1alpha1.ApiConstants;
import dev.trellis.api.v1alpha1.Condition;
import dev.trellis.api.v1alpha1.Organization;
import dev.trellis.api.v1alpha1.OrganizationPartnership;
import dev.trellis.api.v1alpha1.OrganizationSpec;
import dev.trellis.api.v1alpha1.OrganizationStatus;
import dev.trellis.api.v1alpha1.OrganizationStatus.Phase;
import dev.trellis.api.v1alpha1.PartnershipPhase;
import dev.trellis.api.v1alpha1.ProductPackage;
import dev.trellis.api.v1alpha1.TrellisStatus;
import dev.trellis.model.members.AccessOutcome;
import dev.trellis.model.verdict.Verdict;
import dev.trellis.reconcile.support.Conditions;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The organization's status in two parts, one per controller, with no field in both or in neither. */
class OrganizationStatusAssemblerTest {
  /** The fields the organization controller writes: a field added to the status must be added to one side. */
  private static final Set<String> OWN_FIELDS = Set.of("orgId", "namespace", "phase", "children", "terminatedAt",
      "effectivePackages", "effectiveAddOns", "effectiveSecurity", "observedGeneration", "conditions");

  private static Organization organization() {
    Organization org = new Organization();
    org.getMetadata().setName("acme");
    org.getMetadata().setUid("uid-acme");
    org.getMetadata().setGeneration(2L);
    org.setSpec(new OrganizationSpec());
    return org;
  }

  private static AccessOutcome access(List<String> owners) {
    return new AccessOutcome(Map.of(), Map.of(), Map.of(), owners,
        Verdict.degraded("TooFewAccountOwners", "One account owner."), Set.of("acme.example"), Verdict.ok("sso"));
  }

  @Test
  void everyStatusFieldBelongsToExactlyOneController() {
    Set<String> fields = Stream.concat(Arrays.stream(OrganizationStatus.class.getDeclaredFields()),
        Arrays.stream(TrellisStatus.class.getDeclaredFields()))
        .filter(f -> !Modifier.isStatic(f.getModifiers()))
        .map(OrganizationStatusAssemblerTest::jsonName)
        .collect(Collectors.toSet());
    assertThat(OrganizationStatusAssembler.TENANCY_FIELDS).doesNotContainAnyElementsOf(OWN_FIELDS);
    Set<String> classified = Stream.concat(OWN_FIELDS.stream(), OrganizationStatusAssembler.TENANCY_FIELDS.stream())
        .collect(Collectors.toSet());
    assertThat(fields).as("each field of OrganizationStatus is either the organization controller's or the"
        + " tenancy controller's").isEqualTo(classified);
  }

  @Test
  void theOrganizationControllersPartKeepsEveryFieldButTheTenancyOnes() {
    OrganizationStatus full = new OrganizationStatus();
    full.setOrgId("uid-acme");
    full.setNamespace("org-acme");
    full.setPhase(Phase.Active);
    full.setChildren(List.of("child"));
    full.setTerminatedAt("2026-01-01T00:00:00Z");
    full.setEffectivePackages(List.of(ProductPackage.values()[0]));
    full.setEffectiveSecurity(new dev.trellis.api.v1alpha1.SecuritySpec());
    full.setObservedGeneration(2L);
    full.setPartnerships(new ArrayList<>(List.of(new OrganizationPartnership(OrganizationPartnership.Side.Customer,
        "msp", "mrpaints", "uid-mrpaints", PartnershipPhase.Established))));
    full.setAccountOwners(new ArrayList<>(List.of("a@acme.example")));
    full.setAllowedDomains(List.of("acme.example"));
    full.setConditions(List.of(new Condition("Ready", "True", "Ready", "ok", "2026-01-01T00:00:00Z", 2L),
        new Condition(ApiConstants.ACCOUNT_OWNERS, "False", "TooFewAccountOwners", "one", "2026-01-01T00:00:00Z",
            2L)));

    OrganizationStatus own = OrganizationStatusAssembler.own(full);
    assertThat(own.getPartnerships()).isEmpty();
    assertThat(own.getAccountOwners()).isEmpty();
    assertThat(own.getAllowedDomains()).isNull();
    assertThat(own.getConditions()).extracting(Condition::getType).containsExactly("Ready");
    assertThat(own.getOrgId()).isEqualTo("uid-acme");
    assertThat(own.getNamespace()).isEqualTo("org-acme");
    assertThat(own.getPhase()).isEqualTo(Phase.Active);
    assertThat(own.getEffectivePackages()).isEqualTo(full.getEffectivePackages());
    assertThat(own.getObservedGeneration()).isEqualTo(2L);
    assertThat(own.getChildren()).containsExactly("child");
    assertThat(own.getTerminatedAt()).isEqualTo("2026-01-01T00:00:00Z");
    assertThat(own.getEffectiveSecurity()).isNotNull();
    assertThat(full.getPartnerships()).as("the cached status is not changed").hasSize(1);
  }

  @Test
  void theOrganizationControllersPartKeepsTheTenancyConditionsOutAndDefaultsToActive() {
    Organization org = organization();
    OrganizationStatus old = new OrganizationStatus();
    old.setConditions(List.of(new Condition(ApiConstants.ACCOUNT_OWNERS, "True", "Ready", "two", "t", 2L)));
    org.setStatus(old);
    OrganizationStatus status = OrganizationStatusAssembler.assemble(org, new OrganizationStatusAssembler.Own(
        "org-acme", "uid-acme", null, null, List.of(), List.of(), List.of(), null),
        Conditions.of("Ready", true, "Ready", "owns it", 2L), EARLIER);
    assertThat(status.getPhase()).isEqualTo(Phase.Active);
    assertThat(status.getChildren()).as("no children: left out").isNull();
    assertThat(status.getEffectiveAddOns()).as("no add-ons: left out").isNull();
    assertThat(status.getObservedGeneration()).isEqualTo(2L);
    assertThat(status.getConditions()).extracting(Condition::getType).containsExactly("Ready");
  }

  @Test
  void theTenancyPartCarriesOwnersDomainsAndItsConditionsAndIsEmptyOnceWritten() {
    Organization org = organization();
    var part = OrganizationStatusAssembler.tenancy(org, List.of(), access(List.of("a@acme.example")), EARLIER)
        .orElseThrow();
    assertThat(part.accountOwners()).containsExactly("a@acme.example");
    assertThat(part.allowedDomains()).containsExactly("acme.example");
    assertThat(part.conditions()).extracting(Condition::getType).containsExactly(ApiConstants.ACCOUNT_OWNERS);

    OrganizationStatus written = new OrganizationStatus();
    written.setAccountOwners(new ArrayList<>(part.accountOwners()));
    written.setAllowedDomains(part.allowedDomains());
    written.setConditions(new ArrayList<>(part.conditions()));
    org.setStatus(written);
    assertThat(OrganizationStatusAssembler.tenancy(org, List.of(), access(List.of("a@acme.example")), LATER))
        .as("unchanged: nothing to write, and the transition time kept").isEmpty();
    assertThat(OrganizationStatusAssembler.tenancy(org, List.of(), access(List.of("b@acme.example")), LATER))
        .isPresent();
  }

  @Test
  void singleSignOnIsReportedOnlyWhenConfigured() {
    Organization org = organization();
    org.getSpec().setSso(new dev.trellis.api.v1alpha1.SingleSignOnSpec());
    var part = OrganizationStatusAssembler.tenancy(org, List.of(), access(List.of()), EARLIER).orElseThrow();
    assertThat(part.conditions()).extracting(Condition::getType)
        .containsExactly(ApiConstants.ACCOUNT_OWNERS, ApiConstants.SINGLE_SIGN_ON);
  }

  @Test
  void aTerminatedOrganizationsPartnershipsAllEnd() {
    Organization org = organization();
    OrganizationStatus old = new OrganizationStatus();
    old.setPartnerships(new ArrayList<>(List.of(new OrganizationPartnership(OrganizationPartnership.Side.Partner,
        "msp", "acme", "uid-acme", PartnershipPhase.Established))));
    org.setStatus(old);
    var part = OrganizationStatusAssembler.terminated(org, EARLIER).orElseThrow();
    assertThat(part.partnerships()).extracting(OrganizationPartnership::getPhase)
        .containsExactly(PartnershipPhase.Terminated);
    assertThat(part.accountOwners()).isEmpty();
    assertThat(part.conditions()).isEmpty();

    old.setPartnerships(new ArrayList<>(part.partnerships()));
    assertThat(OrganizationStatusAssembler.terminated(org, EARLIER)).isEmpty();
  }

  @Test
  void terminatingKeepsTheWholeStatusAndChangesOnlyThePhase() {
    Organization org = organization();
    OrganizationStatus old = new OrganizationStatus();
    old.setPhase(Phase.Active);
    old.setAccountOwners(new ArrayList<>(List.of("a@acme.example")));
    org.setStatus(old);
    OrganizationStatus terminating = OrganizationStatusAssembler.terminating(org);
    assertThat(terminating.getPhase()).isEqualTo(Phase.Terminating);
    assertThat(terminating.getAccountOwners()).containsExactly("a@acme.example");
    assertThat(old.getPhase()).isEqualTo(Phase.Active);
  }

  private static String jsonName(Field field) {
    JsonProperty property = field.getAnnotation(JsonProperty.class);
    return property != null && !property.value().isEmpty() ? property.value() : field.getName();
  }
}
