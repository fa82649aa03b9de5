package dev.trellis.reconcile.tenancy;

import dev.trellis.api.v1alpha1.Member;
import dev.trellis.api.v1alpha1.Organization;
import dev.trellis.api.v1alpha1.Partnership;
import dev.trellis.api.v1alpha1.PartnershipAcceptance;
import dev.trellis.api.v1alpha1.RoleBinding;
import dev.trellis.api.v1alpha1.Subject;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.SecondaryToPrimaryMapper;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The mappers by which a change on one side of a partnership reaches the other side's namespace, and no
 * third organization's. Each concerns its own namespace plus the counterparts the caches name.
 */
final class PartnershipMappers {
  private PartnershipMappers() {}

  /**
   * An organization: its namespace, those of its partners and customers (orgId, deletion), and those of the
   * organizations below it in the tenant tree (packages).
   */
  static final class OrganizationMapper implements SecondaryToPrimaryMapper<Organization> {
    private final Directory directory;

    OrganizationMapper(Directory directory) {
      this.directory = directory;
    }

    @Override
    public Set<ResourceID> toPrimaryResourceIDs(Organization org) {
      Set<ResourceID> ids = new HashSet<>();
      ids.add(new ResourceID(org.effectiveNamespace()));
      // Its packages bound those of every organization below it.
      directory.descendantNamespaces(org.getMetadata().getName()).forEach(ns -> ids.add(new ResourceID(ns)));
      String orgId = org.getStatus() == null ? null : org.getStatus().getOrgId();
      if (orgId != null) {
        namespaces(directory.partnershipsNaming(orgId), ids);
        namespaces(directory.acceptancesNaming(orgId), ids);
      }
      return ids;
    }
  }

  /** A partnership: the customer's namespace and the partner's (its acceptance, its members' access). */
  static final class PartnershipMapper implements SecondaryToPrimaryMapper<Partnership> {
    private final Directory directory;

    PartnershipMapper(Directory directory) {
      this.directory = directory;
    }

    @Override
    public Set<ResourceID> toPrimaryResourceIDs(Partnership partnership) {
      Set<ResourceID> ids = new HashSet<>();
      ids.add(new ResourceID(partnership.getMetadata().getNamespace()));
      if (partnership.getSpec() != null) {
        add(directory.namespaceOfOrgId(partnership.getSpec().getPartnerOrgId()), ids);
      }
      return ids;
    }
  }

  /** An acceptance: the partner's namespace and the customer's it may establish. */
  static final class AcceptanceMapper implements SecondaryToPrimaryMapper<PartnershipAcceptance> {
    private final Directory directory;

    AcceptanceMapper(Directory directory) {
      this.directory = directory;
    }

    @Override
    public Set<ResourceID> toPrimaryResourceIDs(PartnershipAcceptance acceptance) {
      Set<ResourceID> ids = new HashSet<>();
      ids.add(new ResourceID(acceptance.getMetadata().getNamespace()));
      if (acceptance.getSpec() != null) {
        add(directory.namespaceOfOrgId(acceptance.getSpec().getCustomerOrgId()), ids);
      }
      return ids;
    }
  }

  /**
   * A member, or an invitation acceptance (which changes a member): its namespace, and the customers whose
   * partnerships its organization accepted.
   */
  static final class MemberMapper<T extends HasMetadata> implements SecondaryToPrimaryMapper<T> {
    private final Directory directory;

    MemberMapper(Directory directory) {
      this.directory = directory;
    }

    @Override
    public Set<ResourceID> toPrimaryResourceIDs(T member) {
      Set<ResourceID> ids = new HashSet<>();
      ids.add(new ResourceID(member.getMetadata().getNamespace()));
      directory.acceptancesIn(member.getMetadata().getNamespace())
          .filter(a -> a.getSpec() != null)
          .forEach(a -> add(directory.namespaceOfOrgId(a.getSpec().getCustomerOrgId()), ids));
      return ids;
    }
  }

  /** A role binding: its namespace, and for a partner member the partner's (the member's access list). */
  static final class RoleBindingMapper implements SecondaryToPrimaryMapper<RoleBinding> {
    private final Directory directory;

    RoleBindingMapper(Directory directory) {
      this.directory = directory;
    }

    @Override
    public Set<ResourceID> toPrimaryResourceIDs(RoleBinding binding) {
      Set<ResourceID> ids = new HashSet<>();
      String namespace = binding.getMetadata().getNamespace();
      ids.add(new ResourceID(namespace));
      var subject = binding.getSpec() == null ? null : binding.getSpec().getSubject();
      if (subject != null && subject.getKind() == Subject.Kind.PartnerMember && subject.getPartnership() != null) {
        directory.partnership(namespace, subject.getPartnership())
            .ifPresent(p -> add(directory.namespaceOfOrgId(p.getSpec().getPartnerOrgId()), ids));
      }
      return ids;
    }
  }

  private static void namespaces(Stream<? extends HasMetadata> objects, Set<ResourceID> ids) {
    objects.forEach(o -> ids.add(new ResourceID(o.getMetadata().getNamespace())));
  }

  private static void add(Optional<String> namespace, Set<ResourceID> ids) {
    namespace.ifPresent(ns -> ids.add(new ResourceID(ns)));
  }
}
