package dev.trellis.reconcile.mappers;

import dev.trellis.api.v1alpha1.Partnership;
import dev.trellis.api.v1alpha1.PartnershipAcceptance;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Lookups across organizations that partnerships need, answered from the informer caches: what the mappers that
 * cross organizations read. The tenancy controller's sources implement it.
 */
public interface Directory {
  /** The namespace of the organization with this orgId. */
  Optional<String> namespaceOfOrgId(String orgId);

  /** Partnerships, in any namespace, that name {@code orgId} as their partner. */
  Stream<Partnership> partnershipsNaming(String orgId);

  /** Acceptances, in any namespace, that name {@code orgId} as their customer. */
  Stream<PartnershipAcceptance> acceptancesNaming(String orgId);

  /** Acceptances in {@code namespace}. */
  Stream<PartnershipAcceptance> acceptancesIn(String namespace);

  Optional<Partnership> partnership(String namespace, String name);

  /** Namespaces of the organizations below {@code organization} in the tenant tree, at any depth. */
  Stream<String> descendantNamespaces(String organization);
}
