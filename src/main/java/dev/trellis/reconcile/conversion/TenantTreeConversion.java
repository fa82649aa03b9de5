package dev.trellis.reconcile.conversion;

import dev.trellis.api.v1alpha1.Organization;
import dev.trellis.model.packages.Subscription;
import dev.trellis.model.packages.TreeSubscriptions;
import dev.trellis.model.tenancy.TenantTree;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The tenant tree and its subscriptions, built from the organizations in a cache. */
public final class TenantTreeConversion {
  private TenantTreeConversion() {}

  public static TenantTree tree(Collection<Organization> organizations) {
    Map<String, String> parents = new HashMap<>();
    organizations.forEach(o -> parents.put(o.getMetadata().getName(),
        o.getSpec() == null || o.getSpec().getParent() == null ? "" : o.getSpec().getParent()));
    return TenantTree.of(parents);
  }

  public static TreeSubscriptions subscriptions(TenantTree tree, Collection<Organization> organizations) {
    Map<String, Subscription> requested = new HashMap<>();
    for (Organization o : organizations) {
      var spec = o.getSpec();
      if (spec != null && (spec.getPackages() != null || spec.getAddOns() != null)) {
        requested.put(o.getMetadata().getName(), Subscription.of(
            spec.getPackages() == null ? List.of() : spec.getPackages(),
            spec.getAddOns() == null ? List.of() : spec.getAddOns()));
      }
    }
    return new TreeSubscriptions(tree, requested);
  }
}
