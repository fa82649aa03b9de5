package dev.trellis.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.Objects;

/** Who a role binding gives its role to: a member of the organization, or a member of a partner. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value = "self.kind != 'PartnerMember' || has(self.partnership)",
    message = "a PartnerMember subject needs subject.partnership: the Partnership, in the binding's namespace,"
        + " through which the partner's member is reached")
@ValidationRule(
    value = "self.kind != 'Member' || !has(self.partnership)",
    message = "a Member subject takes no subject.partnership: it is a member of this organization; use kind"
        + " PartnerMember for a partner's member")
public class Subject {

  /** A member of this organization, or a member of a partner organization reached through a partnership. */
  public enum Kind {
    Member, PartnerMember
  }

  @Required
  @JsonPropertyDescription(
    "Member (a Member in the binding's namespace) or PartnerMember (a Member of a partner organization,"
        + " reached through subject.partnership).")
  private Kind kind;

  @Required
  @JsonPropertyDescription(
    "Name of the Member: in the binding's namespace for kind Member, in the partner organization's"
        + " namespace for kind PartnerMember.")
  @Pattern(Validation.NAME)
  @Size(max = Validation.NAME_MAX)
  private String name;

  @JsonPropertyDescription(
    "For kind PartnerMember only: name of the Partnership, in the binding's namespace, with the partner"
        + " organization. The grant holds while the partnership is Established and its acceptance lists the"
        + " member.")
  @Pattern(Validation.NAME)
  @Size(max = Validation.NAME_MAX)
  private String partnership;

  public Subject() {}

  public Subject(Kind kind, String name, String partnership) {
    this.kind = kind;
    this.name = name;
    this.partnership = partnership;
  }

  public Kind getKind() {
    return kind;
  }

  public void setKind(Kind kind) {
    this.kind = kind;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getPartnership() {
    return partnership;
  }

  public void setPartnership(String partnership) {
    this.partnership = partnership;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Subject s && kind == s.kind && Objects.equals(name, s.name)
        && Objects.equals(partnership, s.partnership);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, name, partnership);
  }

  @Override
  public String toString() {
    return partnership == null ? kind + "/" + name : kind + "/" + partnership + "/" + name;
  }
}
