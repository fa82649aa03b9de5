package dev.trellis.model.security;

import dev.trellis.model.tenancy.TenantTree;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every organization's effective security policy, down the tenant tree: each level can only tighten what
 * the level above allows. An organization whose place in the tree is invalid gets its own policy tightened
 * from no parent: it keeps its own restrictions while the tree is fixed.
 */
public final class TreeSecurity {
  private final TenantTree tree;
  private final Map<String, SecurityPolicy> requested;
  private final Map<String, EffectiveSecurity> resolved = new HashMap<>();

  /** @param requested each organization's own policy; absent means it sets nothing of its own */
  public TreeSecurity(TenantTree tree, Map<String, SecurityPolicy> requested) {
    this.tree = tree;
    this.requested = requested;
  }

  public EffectiveSecurity of(String organization) {
    EffectiveSecurity cached = resolved.get(organization);
    if (cached != null) {
      return cached;
    }
    SecurityPolicy own = requested.getOrDefault(organization, SecurityPolicy.inheritAll());
    var position = tree.verdict(organization);
    List<String> lineage = tree.lineage(organization);
    SecurityPolicy parent = position != null && position.ready() && lineage.size() > 1
        ? of(lineage.get(1)).policy() : null;
    EffectiveSecurity result = SecurityPolicies.effective(own, parent);
    resolved.put(organization, result);
    return result;
  }
}
