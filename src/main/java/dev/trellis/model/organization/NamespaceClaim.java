package dev.trellis.model.organization;

import dev.trellis.api.v1alpha1.ApiConstants;
import java.util.Map;

/**
 * Decides whether an organization may own the namespace it asks for. Ownership is proven by the organization's
 * UID on the namespace, never by a name or a label alone: anyone who can create an Organization can name any
 * namespace, so a namespace Trellis did not create is taken over only when a cluster administrator marked it for
 * this organization beforehand.
 */
public final class NamespaceClaim {

  /** What the organization's reconciler should do about the namespace. */
  public enum Action {
    /** No such namespace: create it, labelled and annotated with the organization's UID. */
    CREATE,
    /** The namespace exists, unowned, and a cluster administrator marked it for this organization: take it. */
    ADOPT,
    /** The namespace carries this organization's label and UID. */
    OWNED,
    /** The namespace is labelled or annotated for another organization (or another of the same name): never touch it. */
    CONFLICT,
    /** The namespace exists, Trellis did not create it for this organization, and nobody handed it over. */
    NOT_OWNED,
    /** The namespace is being deleted: wait until it is gone, then create it again. */
    TERMINATING
  }

  private NamespaceClaim() {}

  /**
   * @param organization the organization's name
   * @param uid the organization's UID
   * @param exists whether the namespace exists
   * @param labels the namespace's labels (ignored when it does not exist)
   * @param annotations the namespace's annotations (ignored when it does not exist)
   * @param deleting whether the namespace has a deletion timestamp
   */
  public static Action judge(String organization, String uid, boolean exists, Map<String, String> labels,
      Map<String, String> annotations, boolean deleting) {
    if (!exists) {
      return Action.CREATE;
    }
    String labelled = get(labels, ApiConstants.ORGANIZATION_LABEL);
    String ownerUid = get(annotations, ApiConstants.OWNER_UID_ANNOTATION);
    boolean otherLabel = labelled != null && !labelled.equals(organization);
    boolean otherUid = ownerUid != null && !ownerUid.equals(uid);
    if (otherLabel || otherUid) {
      return Action.CONFLICT;
    }
    if (deleting) {
      return Action.TERMINATING;
    }
    if (uid != null && uid.equals(ownerUid) && organization.equals(labelled)) {
      return Action.OWNED;
    }
    // Half-marked (our label without our UID, or our UID without our label) proves nothing: only an
    // administrator's adoption mark hands over a namespace Trellis did not finish marking.
    return organization.equals(get(annotations, ApiConstants.ADOPT_ANNOTATION)) ? Action.ADOPT : Action.NOT_OWNED;
  }

  /** Whether {@code organization} (with {@code uid}) owns a namespace with these labels and annotations. */
  public static boolean owns(String organization, String uid, Map<String, String> labels,
      Map<String, String> annotations) {
    return uid != null && organization.equals(get(labels, ApiConstants.ORGANIZATION_LABEL))
        && uid.equals(get(annotations, ApiConstants.OWNER_UID_ANNOTATION));
  }

  /** Whether Trellis created a namespace with these annotations for the organization with {@code uid}. */
  public static boolean createdFor(String uid, Map<String, String> annotations) {
    return uid != null && uid.equals(get(annotations, ApiConstants.CREATED_FOR_ANNOTATION));
  }

  private static String get(Map<String, String> map, String key) {
    return map == null ? null : map.get(key);
  }
}
