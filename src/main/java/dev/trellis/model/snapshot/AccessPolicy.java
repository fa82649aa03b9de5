package dev.trellis.model.snapshot;

import dev.trellis.api.v1alpha1.DomainRestrictionSpec.Mode;
import java.util.List;

/**
 * An organization's single sign-on and domain settings: whether SSO auto-provisioning is on, its domains and
 * default roles; the domain restriction and its listed domains.
 */
public record AccessPolicy(boolean ssoEnabled, List<String> ssoDomains, List<String> ssoDefaultRoles,
    Mode restriction, List<String> listedDomains) {

  /** No single sign-on and no domain restriction. */
  public static final AccessPolicy NONE = new AccessPolicy(false, List.of(), List.of(), Mode.None, List.of());

  public AccessPolicy {
    ssoDomains = Lists.copy(ssoDomains);
    ssoDefaultRoles = Lists.copy(ssoDefaultRoles);
    restriction = restriction == null ? Mode.None : restriction;
    listedDomains = Lists.copy(listedDomains);
  }

  public boolean restricted() {
    return restriction != Mode.None;
  }
}
