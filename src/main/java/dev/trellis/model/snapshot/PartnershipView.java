package dev.trellis.model.snapshot;

import dev.trellis.api.v1alpha1.PartnershipPhase;
import java.util.List;

/**
 * What grant resolution needs to know about one partnership of the organization: its phase, the partner
 * organization, the partner members its acceptance lists, and the partner organization's members.
 */
public record PartnershipView(
    String name,
    PartnershipPhase phase,
    String partnerOrganization,
    List<String> listedMembers,
    List<MemberNode> partnerMembers) {

  public PartnershipView {
    listedMembers = Lists.copy(listedMembers);
    partnerMembers = Lists.copy(partnerMembers);
  }
}
