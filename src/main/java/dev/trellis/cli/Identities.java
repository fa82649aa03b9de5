package dev.trellis.cli;

import dev.trellis.api.v1alpha1.Member;
import dev.trellis.api.v1alpha1.MemberSpec;
import dev.trellis.api.v1alpha1.Organization;
import dev.trellis.api.v1alpha1.Partnership;
import dev.trellis.api.v1alpha1.RoleBinding;
import dev.trellis.api.v1alpha1.Subject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Who a subject of the grants documents is in an organization: its own members with that e-mail (or service account
 * client ID), and the members of partner organizations reached through the organization's partnerships. Subjects
 * are named as the model names them (docs/model.md, Subjects).
 */
final class Identities {
  /** A member that a subject string names; {@code partnership} is set for a partner member. */
  record Identity(Member member, String organization, Partnership partnership) {
    String name() {
      return member.getMetadata().getName();
    }

    boolean names(RoleBinding b) {
      Subject s = b.getSpec() == null ? null : b.getSpec().getSubject();
      if (s == null || !name().equals(s.getName())) {
        return false;
      }
      return partnership == null ? s.getKind() == Subject.Kind.Member
          : s.getKind() == Subject.Kind.PartnerMember
              && partnership.getMetadata().getName().equals(s.getPartnership());
    }

    String describe() {
      return partnership == null ? "Member/" + name() + " of " + organization
          : "PartnerMember " + partnership.getMetadata().getName() + "/" + name() + " (member " + name() + " of "
              + organization + ")";
    }
  }

  private Identities() {}

  /** The subject a member has in grants documents: its e-mail, or its client ID (default {@code <org>/<name>}). */
  static String subjectOf(Member m, String organization) {
    if (m.getSpec() == null) {
      return null;
    }
    if (m.getSpec().getType() == MemberSpec.Type.ServiceAccount) {
      String clientId = m.getSpec().getClientId();
      return clientId == null || clientId.isEmpty() ? organization + "/" + m.getMetadata().getName() : clientId;
    }
    return m.getSpec().getEmail();
  }

  static boolean matches(Member m, String organization, String subject) {
    String s = subjectOf(m, organization);
    return s != null && s.toLowerCase(Locale.ROOT).equals(subject.toLowerCase(Locale.ROOT));
  }

  /** Every identity {@code subject} has in {@code org}: own members first, then partner members. */
  static List<Identity> in(Cli cli, Organization org, List<Organization> all, String subject) {
    String ns = Cli.namespaceOf(org);
    String name = org.getMetadata().getName();
    List<Identity> out = new ArrayList<>();
    for (Member m : cli.list(Member.class, ns)) {
      if (matches(m, name, subject)) {
        out.add(new Identity(m, name, null));
      }
    }
    for (Partnership p : cli.list(Partnership.class, ns)) {
      String partner = p.getStatus() == null ? null : p.getStatus().getPartnerOrganization();
      Optional<Organization> partnerOrg = all.stream()
          .filter(o -> o.getMetadata().getName().equals(partner)).findFirst();
      if (partnerOrg.isEmpty()) {
        continue;
      }
      for (Member m : cli.list(Member.class, Cli.namespaceOf(partnerOrg.get()))) {
        if (matches(m, partner, subject)) {
          out.add(new Identity(m, partner, p));
        }
      }
    }
    return out;
  }
}
