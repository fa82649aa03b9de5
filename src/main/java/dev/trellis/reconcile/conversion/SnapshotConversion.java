package dev.trellis.reconcile.conversion;

import dev.trellis.api.v1alpha1.AccessRole;
import dev.trellis.api.v1alpha1.Connector;
import dev.trellis.api.v1alpha1.Folder;
import dev.trellis.api.v1alpha1.InvitationAcceptance;
import dev.trellis.api.v1alpha1.InvitationStatus;
import dev.trellis.api.v1alpha1.ManagedResource;
import dev.trellis.api.v1alpha1.Member;
import dev.trellis.api.v1alpha1.MemberSpec;
import dev.trellis.api.v1alpha1.Organization;
import dev.trellis.api.v1alpha1.ProductPackage;
import dev.trellis.api.v1alpha1.Project;
import dev.trellis.api.v1alpha1.RoleBinding;
import dev.trellis.model.members.Invitations;
import dev.trellis.model.snapshot.AcceptanceNode;
import dev.trellis.model.snapshot.AccessPolicy;
import dev.trellis.model.snapshot.BindingNode;
import dev.trellis.model.snapshot.ConnectorNode;
import dev.trellis.model.snapshot.FolderNode;
import dev.trellis.model.snapshot.InvitationNode;
import dev.trellis.model.snapshot.MemberNode;
import dev.trellis.model.snapshot.MemberType;
import dev.trellis.model.snapshot.OrgSnapshot;
import dev.trellis.model.snapshot.OrganizationNode;
import dev.trellis.model.snapshot.PartnershipView;
import dev.trellis.model.snapshot.ProjectNode;
import dev.trellis.model.snapshot.ResourceNode;
import dev.trellis.model.snapshot.RoleNode;
import dev.trellis.model.snapshot.ScopeKind;
import dev.trellis.model.snapshot.ScopeRef;
import dev.trellis.model.snapshot.SubjectKind;
import dev.trellis.model.snapshot.SubjectRef;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Converts the custom resources of one organization (as the informer caches hold them) into the model's
 * immutable snapshot. Objects being deleted are left out: they grant nothing any more.
 */
public final class SnapshotConversion {
  private SnapshotConversion() {}

  /** The organization's objects, all from its namespace, and the cluster's roles. */
  public record Inputs(
      Organization organization,
      Collection<Folder> folders,
      Collection<Project> projects,
      Collection<ManagedResource> resources,
      Collection<Connector> connectors,
      Collection<Member> members,
      Collection<AccessRole> roles,
      Collection<RoleBinding> bindings,
      Collection<PartnershipView> partnerships,
      Set<ProductPackage> packages,
      Collection<InvitationAcceptance> acceptances) {}

  public static OrgSnapshot build(Inputs in) {
    Organization org = in.organization();
    List<AcceptanceNode> acceptances = acceptances(in.acceptances());
    return new OrgSnapshot(
        new OrganizationNode(org.getMetadata().getName(), org.getStatus().getOrgId(), org.effectiveNamespace(),
            access(org)),
        live(in.folders()).map(f -> new FolderNode(name(f), f.getSpec() == null ? null : f.getSpec().getParent()))
            .toList(),
        live(in.projects()).map(p -> new ProjectNode(name(p), p.getSpec() == null ? null : p.getSpec().getFolder()))
            .toList(),
        live(in.resources()).map(r -> new ResourceNode(name(r), r.getSpec().getType(), r.getSpec().getConnector(),
            r.getSpec().getProjects(), r.getSpec().getFolders())).toList(),
        live(in.connectors()).map(c -> c.getSpec() == null
            ? new ConnectorNode(name(c), List.of(), List.of())
            : new ConnectorNode(name(c), c.getSpec().getProjects(), c.getSpec().getFolders())).toList(),
        members(in.members(), acceptances),
        live(in.roles()).map(SnapshotConversion::role).toList(),
        live(in.bindings()).map(SnapshotConversion::binding).toList(),
        in.partnerships().stream().sorted(Comparator.comparing(PartnershipView::name)).toList(),
        in.packages(),
        acceptances);
  }

  /** The acceptances that exist and are not being deleted. */
  public static List<AcceptanceNode> acceptances(Collection<InvitationAcceptance> acceptances) {
    return live(acceptances).filter(a -> a.getSpec() != null)
        .map(a -> new AcceptanceNode(name(a), a.getSpec().getMember(), a.getSpec().getEmail(), created(a)))
        .toList();
  }

  /** The members not being deleted, by name, each as {@link #member} sees it. */
  public static List<MemberNode> members(Collection<Member> members, Collection<AcceptanceNode> acceptances) {
    return live(members).map(m -> member(m, acceptances)).toList();
  }

  /** A member as the model sees it, its invitation matched against the acceptances of its namespace. */
  public static MemberNode member(Member m, Collection<AcceptanceNode> acceptances) {
    MemberSpec spec = m.getSpec();
    Instant created = created(m);
    InvitationNode invitation = spec.getInvitation() == null ? null
        : Invitations.invitation(name(m), spec.getEmail(), created, Invitations.ttl(spec.getInvitation().getTtl()),
            withRecorded(m, acceptances));
    return new MemberNode(name(m),
        spec.getType() == MemberSpec.Type.ServiceAccount ? MemberType.ServiceAccount : MemberType.User,
        spec.getEmail(), spec.getClientId(), Boolean.TRUE.equals(spec.getDisabled()), created, invitation,
        wasReady(m.getStatus()));
  }

  /**
   * The namespace's acceptances plus the one the member's status records as counted: an accepted invitation stays
   * accepted when its InvitationAcceptance is deleted or the admission policy is re-installed. Only the operator
   * writes statuses (admission policy trellis-status), so the record is its own.
   */
  private static Collection<AcceptanceNode> withRecorded(Member m, Collection<AcceptanceNode> acceptances) {
    return recordedAcceptance(m).map(recorded -> {
      List<AcceptanceNode> all = new java.util.ArrayList<>(acceptances);
      all.add(recorded);
      return (Collection<AcceptanceNode>) all;
    }).orElse(acceptances);
  }

  /** The acceptance the member's status records as counted, if it records one Trellis can read. */
  public static java.util.Optional<AcceptanceNode> recordedAcceptance(Member m) {
    InvitationStatus recorded = m.getStatus() == null ? null : m.getStatus().getInvitation();
    if (recorded == null || recorded.getAcceptedAt() == null || recorded.getAcceptance() == null) {
      return java.util.Optional.empty();
    }
    try {
      return java.util.Optional.of(new AcceptanceNode(recorded.getAcceptance(), name(m), m.getSpec().getEmail(),
          Instant.parse(recorded.getAcceptedAt())));
    } catch (java.time.format.DateTimeParseException e) {
      return java.util.Optional.empty();
    }
  }

  /** The organization's single sign-on and domain restriction settings. */
  public static AccessPolicy access(Organization org) {
    var spec = org.getSpec();
    if (spec == null || (spec.getSso() == null && spec.getDomainRestriction() == null)) {
      return AccessPolicy.NONE;
    }
    var sso = spec.getSso();
    var restriction = spec.getDomainRestriction();
    return new AccessPolicy(sso != null && Boolean.TRUE.equals(sso.getEnabled()),
        sso == null ? List.of() : sso.getDomains(), sso == null ? List.of() : sso.getDefaultRoles(),
        restriction == null ? null : restriction.getMode(), restriction == null ? List.of() : restriction.getDomains());
  }

  /** When the API server created the object; null when unknown (objects not from a server). */
  public static Instant created(HasMetadata o) {
    String at = o.getMetadata().getCreationTimestamp();
    if (at == null || at.isEmpty()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(at).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  public static RoleNode role(AccessRole r) {
    Set<ScopeKind> at = EnumSet.noneOf(ScopeKind.class);
    r.getSpec().getAssignableAt().forEach(k -> at.add(ScopeKind.valueOf(k.name())));
    return new RoleNode(name(r), r.getSpec().getPermissions(), at,
        Boolean.TRUE.equals(r.getSpec().getAssignableToPartners()), r.getSpec().getFeature(), r.getSpec().getLevel());
  }

  public static BindingNode binding(RoleBinding b) {
    var spec = b.getSpec();
    var subject = new SubjectRef(SubjectKind.valueOf(spec.getSubject().getKind().name()),
        spec.getSubject().getName(), spec.getSubject().getPartnership());
    return new BindingNode(name(b), spec.getRole(), subject, scope(spec.getScope()), expiry(spec.getExpiresAt()),
        created(b), wasReady(b.getStatus()));
  }

  /** A binding's scope as the model names it. */
  public static ScopeRef scope(dev.trellis.api.v1alpha1.Scope scope) {
    return new ScopeRef(ScopeKind.valueOf(scope.getKind().name()), scope.getName());
  }

  /**
   * Whether the object reported Ready=True: only ever a tie-break between objects created in the same second,
   * so that the one already granting keeps its place.
   */
  private static boolean wasReady(dev.trellis.api.v1alpha1.TrellisStatus status) {
    return status != null && status.condition(dev.trellis.api.v1alpha1.ApiConstants.READY)
        .map(c -> "True".equals(c.getStatus())).orElse(false);
  }

  /**
   * The instant a binding ends. The schema only admits RFC 3339 date-times; anything else that slips
   * through counts as already expired, so that a malformed expiry never grants forever.
   */
  public static Instant expiry(String expiresAt) {
    if (expiresAt == null || expiresAt.isEmpty()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(expiresAt).toInstant();
    } catch (DateTimeParseException e) {
      return Instant.EPOCH;
    }
  }

  /**
   * The objects not being deleted, by name: the informer's order is arbitrary, and equal inputs must give equal
   * snapshots (the reconciler reuses the resolution of an unchanged one).
   */
  private static <T extends HasMetadata> Stream<T> live(Collection<T> objects) {
    return objects.stream().filter(o -> o.getMetadata().getDeletionTimestamp() == null)
        .sorted(Comparator.comparing(SnapshotConversion::name));
  }

  private static String name(HasMetadata o) {
    return o.getMetadata().getName();
  }
}
