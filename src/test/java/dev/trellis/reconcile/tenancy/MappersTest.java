package dev.trellis.reconcile.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trellis.api.v1alpha1.AccessRole;
import dev.trellis.api.v1alpha1.Member;
import dev.trellis.api.v1alpha1.Organization;
import dev.trellis.api.v1alpha1.OrganizationStatus;
import dev.trellis.api.v1alpha1.Partnership;
import dev.trellis.api.v1alpha1.PartnershipAcceptance;
import dev.trellis.api.v1alpha1.PartnershipAcceptanceSpec;
import dev.trellis.api.v1alpha1.PartnershipSpec;
import dev.trellis.api.v1alpha1.RoleBinding;
import dev.trellis.api.v1alpha1.RoleBindingSpec;
import dev.trellis.api.v1alpha1.Scope;
import dev.trellis.api.v1alpha1.Subject;
import dev.trellis.testsupport.FakeIndexedCache;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Each mapper sends a change to the namespaces it concerns, and to no third organization's. */
class MappersTest {
  /** Two organizations in a partnership, and a bystander. */
  private final Directory directory = new Directory() {
    final Map<String, String> namespaces = Map.of("id-customer", "org-customer", "id-partner", "org-partner",
        "id-bystander", "org-bystander");
    final Partnership partnership = newPartnership("org-customer", "msp", "id-partner");
    final PartnershipAcceptance acceptance = acceptance("org-partner", "customer", "id-customer");

    @Override
    public Optional<String> namespaceOfOrgId(String orgId) {
      return Optional.ofNullable(namespaces.get(orgId));
    }

    @Override
    public Stream<Partnership> partnershipsNaming(String orgId) {
      return Stream.of(partnership).filter(p -> p.getSpec().getPartnerOrgId().equals(orgId));
    }

    @Override
    public Stream<PartnershipAcceptance> acceptancesNaming(String orgId) {
      return Stream.of(acceptance).filter(a -> a.getSpec().getCustomerOrgId().equals(orgId));
    }

    @Override
    public Stream<PartnershipAcceptance> acceptancesIn(String namespace) {
      return Stream.of(acceptance).filter(a -> a.getMetadata().getNamespace().equals(namespace));
    }

    @Override
    public Stream<String> descendantNamespaces(String organization) {
      return organization.equals("sp") ? Stream.of("org-msp", "org-client") : Stream.empty();
    }

    @Override
    public Optional<Partnership> partnership(String namespace, String name) {
      return Stream.of(partnership)
          .filter(p -> p.getMetadata().getNamespace().equals(namespace) && p.getMetadata().getName().equals(name))
          .findFirst();
    }
  };

  @Test
  void anObjectConcernsItsOwnNamespaceOnly() {
    Member member = named(new Member(), "org-bystander", "alice");
    assertThat(new ToNamespaceMapper<Member>().toPrimaryResourceIDs(member)).containsExactly(ns("org-bystander"));
    assertThat(new PartnershipMappers.MemberMapper(directory).toPrimaryResourceIDs(member))
        .containsExactly(ns("org-bystander"));
  }

  @Test
  void roleConcernsOnlyTheNamespacesWhoseBindingsNameIt() {
    var bindings = new FakeIndexedCache<RoleBinding>().with(
        binding("org-a", "x", "viewer", Subject.Kind.Member, null),
        binding("org-b", "y", "viewer", Subject.Kind.Member, null),
        binding("org-c", "z", "admin", Subject.Kind.Member, null));
    AccessRoleToNamespacesMapper.index(bindings);
    var mapper = new AccessRoleToNamespacesMapper(bindings);
    assertThat(mapper.toPrimaryResourceIDs(named(new AccessRole(), null, "viewer")))
        .containsExactlyInAnyOrder(ns("org-a"), ns("org-b"));
    assertThat(mapper.toPrimaryResourceIDs(named(new AccessRole(), null, "unused"))).isEmpty();
  }

  @Test
  void partnershipChangesReachBothSidesAndNoOneElse() {
    assertThat(new PartnershipMappers.PartnershipMapper(directory)
        .toPrimaryResourceIDs(newPartnership("org-customer", "msp", "id-partner")))
        .containsExactlyInAnyOrder(ns("org-customer"), ns("org-partner"));
    assertThat(new PartnershipMappers.AcceptanceMapper(directory)
        .toPrimaryResourceIDs(acceptance("org-partner", "customer", "id-customer")))
        .containsExactlyInAnyOrder(ns("org-partner"), ns("org-customer"));
    // A partner's member reaches the customers its organization accepted.
    assertThat(new PartnershipMappers.MemberMapper(directory)
        .toPrimaryResourceIDs(named(new Member(), "org-partner", "krishna")))
        .containsExactlyInAnyOrder(ns("org-partner"), ns("org-customer"));
    // A binding of a partner member reaches the partner (the member's access list); a member binding does not.
    assertThat(new PartnershipMappers.RoleBindingMapper(directory).toPrimaryResourceIDs(
        binding("org-customer", "k", "analyst", Subject.Kind.PartnerMember, "msp")))
        .containsExactlyInAnyOrder(ns("org-customer"), ns("org-partner"));
    assertThat(new PartnershipMappers.RoleBindingMapper(directory).toPrimaryResourceIDs(
        binding("org-customer", "a", "analyst", Subject.Kind.Member, null)))
        .containsExactly(ns("org-customer"));
  }

  @Test
  void organizationChangeReachesItsNamespaceAndItsCounterparts() {
    assertThat(new PartnershipMappers.OrganizationMapper(directory).toPrimaryResourceIDs(organization("partner")))
        .containsExactlyInAnyOrder(ns("org-partner"), ns("org-customer"));
    assertThat(new PartnershipMappers.OrganizationMapper(directory).toPrimaryResourceIDs(organization("customer")))
        .containsExactlyInAnyOrder(ns("org-customer"), ns("org-partner"));
    assertThat(new PartnershipMappers.OrganizationMapper(directory).toPrimaryResourceIDs(organization("bystander")))
        .containsExactly(ns("org-bystander"));
  }

  @Test
  void aParentsChangeReachesEveryOrganizationBelowIt() {
    assertThat(new PartnershipMappers.OrganizationMapper(directory).toPrimaryResourceIDs(organization("sp")))
        .containsExactlyInAnyOrder(ns("org-sp"), ns("org-msp"), ns("org-client"));
  }

  private static Organization organization(String name) {
    Organization org = named(new Organization(), null, name);
    OrganizationStatus status = new OrganizationStatus();
    status.setOrgId("id-" + name);
    org.setStatus(status);
    return org;
  }

  private static Partnership newPartnership(String namespace, String name, String partnerOrgId) {
    Partnership p = named(new Partnership(), namespace, name);
    PartnershipSpec spec = new PartnershipSpec();
    spec.setPartnerOrgId(partnerOrgId);
    p.setSpec(spec);
    return p;
  }

  private static PartnershipAcceptance acceptance(String namespace, String name, String customerOrgId) {
    PartnershipAcceptance a = named(new PartnershipAcceptance(), namespace, name);
    PartnershipAcceptanceSpec spec = new PartnershipAcceptanceSpec();
    spec.setCustomerOrgId(customerOrgId);
    spec.setPartnership("msp");
    spec.setMembers(List.of("krishna"));
    a.setSpec(spec);
    return a;
  }

  private static RoleBinding binding(String namespace, String name, String role, Subject.Kind kind,
      String partnership) {
    RoleBinding b = named(new RoleBinding(), namespace, name);
    RoleBindingSpec spec = new RoleBindingSpec();
    spec.setRole(role);
    Subject subject = new Subject();
    subject.setKind(kind);
    subject.setName("someone");
    subject.setPartnership(partnership);
    spec.setSubject(subject);
    Scope scope = new Scope();
    scope.setKind(Scope.Kind.Organization);
    spec.setScope(scope);
    b.setSpec(spec);
    return b;
  }

  private static <T extends HasMetadata> T named(T object, String namespace, String name) {
    object.getMetadata().setName(name);
    object.getMetadata().setNamespace(namespace);
    return object;
  }

  private static ResourceID ns(String name) {
    return new ResourceID(name);
  }
}
