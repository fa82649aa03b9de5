package dev.trellis.model.packages;

import dev.trellis.api.v1alpha1.ProductPackage;
import dev.trellis.model.tenancy.TenantTree;
import dev.trellis.model.verdict.Verdict;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every organization's effective subscription, down the tenant tree. An organization that does not say
 * what it wants takes what its parent has (a root: everything), so organizations outside a service-provider
 * tree keep every permission. An organization whose place in the tree is invalid gets only Hybrid Discovery
 * and Monitoring: nothing is granted through a chain that is not valid.
 */
public final class TreeSubscriptions {
  private static final Subscription FAIL_CLOSED =
      Subscription.of(Set.of(ProductPackage.HybridDiscoveryAndMonitoring), Set.of());

  private final TenantTree tree;
  private final Map<String, Subscription> requested;
  private final Map<String, PackageAvailability> resolved = new HashMap<>();

  /**
   * @param requested each organization's requested subscription; an absent key or a null value means "not
   *     specified": inherit the parent's
   */
  public TreeSubscriptions(TenantTree tree, Map<String, Subscription> requested) {
    this.tree = tree;
    this.requested = requested;
  }

  /** The organization's effective subscription and whether it got everything it asked for. */
  public PackageAvailability of(String organization) {
    PackageAvailability cached = resolved.get(organization);
    if (cached != null) {
      return cached;
    }
    PackageAvailability result;
    Verdict position = tree.verdict(organization);
    if (position != null && !position.ready()) {
      result = new PackageAvailability(Verdict.ok("Only Hybrid Discovery and Monitoring applies until the"
          + " organization's place in the tenant tree is fixed."), FAIL_CLOSED);
    } else {
      List<String> lineage = tree.lineage(organization);
      Subscription parent = lineage.size() > 1 ? of(lineage.get(1)).effective() : null;
      Subscription wanted = requested.get(organization);
      result = Packages.availability(wanted != null ? wanted : parent != null ? parent : Subscription.everything(),
          parent);
    }
    resolved.put(organization, result);
    return result;
  }
}
