package dev.trellis.reconcile.mappers;

import dev.trellis.api.v1alpha1.Organization;
import dev.trellis.api.v1alpha1.OrganizationSpec;
import dev.trellis.api.v1alpha1.OrganizationStatus;
import dev.trellis.api.v1alpha1.Partnership;
import dev.trellis.api.v1alpha1.PartnershipAcceptance;
import dev.trellis.api.v1alpha1.PartnershipAcceptanceSpec;
import dev.trellis.api.v1alpha1.PartnershipSpec;
import dev.trellis.api.v1alpha1.RoleBinding;
import dev.trellis.api.v1alpha1.RoleBindingSpec;
import dev.trellis.api.v1alpha1.Scope;
import dev.trellis.api.v1alpha1.Subject;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** The objects the mapper tests map, and a directory of two organizations in a partnership and a bystander. */
final class MapperFixtures {
  private MapperFixtures() {}

  /**
   * Two organizations in a partnership, and a bystander: {@code org-customer} (orgId {@code id-customer}) holds the
   * partnership {@code msp} naming {@code id-partner}; {@code org-partner} holds the acceptance {@code customer}
   * naming {@code id-customer}. Below {@code sp} in the tenant tree are the namespaces {@code org-msp} and
   * {@code org-client}.
   */
  static final Directory DIRECTORY = new Directory() {
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

  /** An organization with orgId {@code id-<name>}, asking for the namespace {@code org-<name>}. */
  static Organization organization(String name) {
    Organization org = named(new Organization(), null, name);
    OrganizationStatus status = new OrganizationStatus();
    status.setOrgId("id-" + name);
    org.setStatus(status);
    return org;
  }

  /** An organization asking for {@code namespace} ({@code null}: the default, {@code org-<name>}). */
  static Organization organization(String name, String namespace) {
    Organization org = named(new Organization(), null, name);
    OrganizationSpec spec = new OrganizationSpec();
    spec.setDisplayName(name);
    spec.setNamespace(namespace);
    org.setSpec(spec);
    return org;
  }

  static Partnership newPartnership(String namespace, String name, String partnerOrgId) {
    Partnership p = named(new Partnership(), namespace, name);
    PartnershipSpec spec = new PartnershipSpec();
    spec.setPartnerOrgId(partnerOrgId);
    p.setSpec(spec);
    return p;
  }

  static PartnershipAcceptance acceptance(String namespace, String name, String customerOrgId) {
    PartnershipAcceptance a = named(new PartnershipAcceptance(), namespace, name);
    PartnershipAcceptanceSpec spec = new PartnershipAcceptanceSpec();
    spec.setCustomerOrgId(customerOrgId);
    spec.setPartnership("msp");
    spec.setMembers(List.of("krishna"));
    a.setSpec(spec);
    return a;
  }

  static RoleBinding binding(String namespace, String name, String role, Subject.Kind kind, String partnership) {
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

  static <T extends HasMetadata> T named(T object, String namespace, String name) {
    object.getMetadata().setName(name);
    object.getMetadata().setNamespace(namespace);
    return object;
  }

  /** The ID of a namespace: a primary of the tenancy controller. */
  static ResourceID ns(String name) {
    return new ResourceID(name);
  }
}
