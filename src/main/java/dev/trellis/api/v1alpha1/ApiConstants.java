package dev.trellis.api.v1alpha1;

/** Names of the Trellis API that custom resource classes, reconcilers and tests share. */
public final class ApiConstants {
  public static final String GROUP = "iam.trellis.dev";
  public static final String VERSION = "v1alpha1";
  public static final String API_VERSION = GROUP + "/" + VERSION;
  /** Every kind is in this category: {@code kubectl get trellis -A}. */
  public static final String CATEGORY = "trellis";

  /** Label on a namespace naming the organization that owns it. */
  public static final String ORGANIZATION_LABEL = GROUP + "/organization";
  /** Label on an Organization: active, terminating or inactive. */
  public static final String STATUS_LABEL = GROUP + "/status";
  public static final String MANAGED_BY_LABEL = "app.kubernetes.io/managed-by";
  public static final String MANAGED_BY = "trellis";

  /**
   * Annotation Trellis puts on an organization's namespace: the UID of the organization that owns it. A namespace
   * owns nothing without it, whatever its labels say.
   */
  public static final String OWNER_UID_ANNOTATION = GROUP + "/owner-uid";
  /**
   * Annotation Trellis puts on a namespace it created: the UID of the organization it was created for. Trellis
   * deletes a namespace only when this names the organization being deleted.
   */
  public static final String CREATED_FOR_ANNOTATION = GROUP + "/created-for";
  /**
   * Annotation a cluster administrator puts on an existing namespace to hand it over to the organization it names;
   * without it Trellis never takes over a namespace it did not create.
   */
  public static final String ADOPT_ANNOTATION = GROUP + "/adopt";

  public static final String FINALIZER = GROUP + "/finalizer";

  /** The condition every kind reports. */
  public static final String READY = "Ready";
  /** Organization condition, written by the tenancy controller: enough account owners (two recommended). */
  public static final String ACCOUNT_OWNERS = "AccountOwners";
  /** Organization condition, written by the tenancy controller: single sign-on auto-provisioning. */
  public static final String SINGLE_SIGN_ON = "SingleSignOn";

  private ApiConstants() {}
}
