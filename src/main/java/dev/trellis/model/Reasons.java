package dev.trellis.model;

/** The CamelCase reasons of Trellis conditions (see docs/reasons.md). */
public final class Reasons {
  // Ready=True
  public static final String READY = "Ready";

  // Organization
  public static final String NAMESPACE_CONFLICT = "NamespaceConflict";
  /** The namespace exists, Trellis did not create it, and no cluster administrator handed it over. */
  public static final String NAMESPACE_NOT_OWNED = "NamespaceNotOwned";
  public static final String NAMESPACE_TERMINATING = "NamespaceTerminating";
  public static final String TERMINATING = "Terminating";
  /** A terminated organization, kept as a record. */
  public static final String INACTIVE = "Inactive";
  /** spec.branding.imagesConfigMap names a ConfigMap that does not exist (with the branding label). */
  public static final String BRANDING_IMAGES_NOT_FOUND = "BrandingImagesNotFound";

  // Objects in a namespace that no organization owns.
  public static final String NO_ORGANIZATION = "NoOrganization";

  // Folder, Project
  public static final String PARENT_NOT_FOUND = "ParentNotFound";
  /** Reported by every folder on the cycle. */
  public static final String CYCLE_DETECTED = "CycleDetected";
  /** A folder or project below an invalid folder (a cycle, a missing parent, too deep). */
  public static final String ANCESTOR_INVALID = "AncestorInvalid";
  /** The folder is deeper than the maximum folder depth. */
  public static final String DEPTH_EXCEEDED = "DepthExceeded";

  // ManagedResource, Connector
  public static final String PROJECT_NOT_FOUND = "ProjectNotFound";
  public static final String FOLDER_NOT_FOUND = "FolderNotFound";
  public static final String CONNECTOR_NOT_FOUND = "ConnectorNotFound";
  /** A project or folder listed twice: reported, and the association counts once. */
  public static final String DUPLICATE_ASSOCIATION = "DuplicateAssociation";

  /** The connector's grants ConfigMap could not be written: its readers may still see an older document. */
  public static final String GRANTS_NOT_WRITTEN = "GrantsNotWritten";
  /** A reconcile failed on an API call or an unexpected error; the message says which. Trellis retries. */
  public static final String RECONCILE_ERROR = "ReconcileError";

  // AccessRole
  public static final String UNKNOWN_PERMISSION = "UnknownPermission";

  // Member
  /** A user member without an email: it has no subject to appear as in grants. */
  public static final String EMAIL_REQUIRED = "EmailRequired";
  /** Created with spec.invitation and not accepted yet: grants nothing. */
  public static final String INVITATION_PENDING = "InvitationPending";
  /** The invitation ran out before the invitee accepted it (also an acceptance created too late). */
  public static final String INVITATION_EXPIRED = "InvitationExpired";
  /** Another member of the organization, created earlier, has the same e-mail address. */
  public static final String DUPLICATE_EMAIL = "DuplicateEmail";
  /** Another service account member of the organization, created earlier, has the same client ID (subject). */
  public static final String DUPLICATE_CLIENT_ID = "DuplicateClientId";
  /** A service account whose client ID looks like an e-mail address: it could pose as a person. */
  public static final String CLIENT_ID_INVALID = "ClientIdInvalid";
  /** The member's e-mail domain is outside spec.domainRestriction (also an SSO domain outside it). */
  public static final String DOMAIN_NOT_ALLOWED = "DomainNotAllowed";

  // InvitationAcceptance
  /** spec.member names no Member in the namespace. */
  public static final String MEMBER_NOT_FOUND = "MemberNotFound";
  /** spec.email is not the invited member's e-mail address. */
  public static final String NOT_INVITEE = "NotInvitee";
  /** Another acceptance of the same invitation came first. */
  public static final String ALREADY_ACCEPTED = "AlreadyAccepted";

  // PartnershipAcceptance
  /** Another acceptance of the same partnership, created earlier, is the one that counts. */
  public static final String DUPLICATE_ACCEPTANCE = "DuplicateAcceptance";
  /**
   * The admission policy that lets only invitees create acceptances is not in force: no acceptance counts.
   */
  public static final String ADMISSION_POLICY_MISSING = "AdmissionPolicyMissing";
  /** Ready=True: the acceptance made the member Active. */
  public static final String INVITATION_ACCEPTED = "InvitationAccepted";

  // Organization: account owners and single sign-on (conditions AccountOwners and SingleSignOn)
  /** Fewer than the recommended two account owners. */
  public static final String OWNERS_BELOW_RECOMMENDED = "OwnersBelowRecommended";
  /** No account owner at all. */
  public static final String NO_ACCOUNT_OWNER = "NoAccountOwner";
  /** AccountOwners=True: two or more. */
  public static final String OWNERS_RECOMMENDED = "OwnersRecommended";
  /** SingleSignOn=True: auto-provisioning is on and every default role and domain is usable. */
  public static final String SSO_ENABLED = "Enabled";
  /** SingleSignOn=True: configured but switched off. */
  public static final String SSO_DISABLED = "Disabled";
  /** An SSO default role that is not a feature role. */
  public static final String FEATURE_ROLE_REQUIRED = "FeatureRoleRequired";
  /** Two roles of one feature for one member (binding), or two SSO default roles of one feature. */
  public static final String CONFLICTING_FEATURE_ROLES = "ConflictingFeatureRoles";

  // RoleBinding
  public static final String ROLE_NOT_FOUND = "RoleNotFound";
  /** The role exists but is not Ready (for example it names an unknown permission). */
  public static final String ROLE_INVALID = "RoleInvalid";
  public static final String ROLE_NOT_ASSIGNABLE_AT_SCOPE = "RoleNotAssignableAtScope";
  public static final String ROLE_NOT_ASSIGNABLE_TO_PARTNERS = "RoleNotAssignableToPartners";
  public static final String SCOPE_NOT_FOUND = "ScopeNotFound";
  public static final String SCOPE_INVALID = "ScopeInvalid";
  public static final String SUBJECT_NOT_FOUND = "SubjectNotFound";
  /** The member exists but is not Ready (for example a user without an email). */
  public static final String SUBJECT_INVALID = "SubjectInvalid";
  public static final String SUBJECT_DISABLED = "SubjectDisabled";
  public static final String PARTNERSHIP_NOT_FOUND = "PartnershipNotFound";
  public static final String PARTNERSHIP_NOT_ESTABLISHED = "PartnershipNotEstablished";
  public static final String NOT_A_PARTNERSHIP_MEMBER = "NotAPartnershipMember";
  public static final String EXPIRED = "Expired";

  // Partnership: why it is not Established yet (Ready=False, phase Initiated).
  /** No Active organization has the orgId that spec.partnerOrgId names. */
  public static final String PARTNER_NOT_FOUND = "PartnerNotFound";
  /** spec.partnerOrgId is the customer's own orgId: it never establishes. */
  public static final String SELF_PARTNERSHIP = "SelfPartnership";
  /** The partner exists but no matching PartnershipAcceptance does. */
  public static final String AWAITING_ACCEPTANCE = "AwaitingAcceptance";

  // Partnership: changes of phase, as recorded in status.history and events.
  /** The partner accepted: Initiated (or new) to Established. */
  public static final String ACCEPTED = "Accepted";
  /** Established and staying so. */
  public static final String ESTABLISHED = "Established";
  /** spec.paused became true: Established to Paused. */
  public static final String PAUSED_BY_CUSTOMER = "PausedByCustomer";
  /** Paused and staying so; also the Ready=False reason of a paused partnership or acceptance. */
  public static final String PAUSED = "Paused";
  /** spec.paused became false: Paused to Established. */
  public static final String RESUMED = "Resumed";
  /** spec.terminated became true. */
  public static final String TERMINATED_BY_CUSTOMER = "TerminatedByCustomer";
  /** The customer organization was deleted or made inactive. */
  public static final String CUSTOMER_GONE = "CustomerGone";
  /** The partner organization was deleted or made inactive after establishment. */
  public static final String PARTNER_GONE = "PartnerGone";
  /** The matching acceptance was deleted after establishment. */
  public static final String ACCEPTANCE_WITHDRAWN = "AcceptanceWithdrawn";
  /** Terminated and staying so (final); also the Ready=False reason of a terminated partnership or acceptance. */
  public static final String TERMINATED = "Terminated";

  // PartnershipAcceptance
  /** No Active organization has the orgId that spec.customerOrgId names. */
  public static final String CUSTOMER_NOT_FOUND = "CustomerNotFound";
  /** The accepted Partnership was deleted after establishment (the acceptance's phase becomes Terminated). */
  public static final String PARTNERSHIP_WITHDRAWN = "PartnershipWithdrawn";
  /** The named Partnership names another organization as its partner. */
  public static final String NOT_INVITED = "NotInvited";

  // Tenancy: packages and add-ons
  /** The organization asks for a package or add-on its parent lacks, or an add-on without its package. */
  public static final String PACKAGE_NOT_AVAILABLE = "PackageNotAvailable";
  /** Every permission of the binding's role belongs to a package the resource's organization lacks. */
  public static final String PACKAGE_NOT_SUBSCRIBED = "PackageNotSubscribed";

  // Tenancy: security policy
  /** An allowed IP range is not an IPv4 or IPv6 CIDR (or has host bits set). */
  public static final String INVALID_CIDR = "InvalidCIDR";
  /** The allowed IP ranges and the parent's have no address in common: nobody may sign in. */
  public static final String NO_ALLOWED_ADDRESSES = "NoAllowedAddresses";
  /** A custom password policy value is out of range. */
  public static final String INVALID_PASSWORD_POLICY = "InvalidPasswordPolicy";

  // Tenancy: branding
  /** An image is not a well-formed PNG or JPEG, or is missing. */
  public static final String INVALID_IMAGE = "InvalidImage";
  /** An image is over the hard size limit. */
  public static final String IMAGE_TOO_LARGE = "ImageTooLarge";
  /** An image's width or height breaks the rule for its kind (logo, favicon). */
  public static final String IMAGE_DIMENSIONS = "ImageDimensions";
  /** A colour is not #RRGGBB or #RGB. */
  public static final String INVALID_COLOR = "InvalidColor";

  private Reasons() {}
}
