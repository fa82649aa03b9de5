package dev.trellis.model.organization;

import dev.trellis.api.v1alpha1.ApiConstants;
import java.util.Map;

/** Decides whether an organization may own the namespace it asks for. */
public final class NamespaceClaim {

  /** What the organization's reconciler should do about the namespace. */
  public enum Verdict {
    /** No such namespace: create it, labelled. */
    CREATE,
    /** The namespace exists without an owner label: label it. */
    ADOPT,
    /** The namespace already carries this organization's label. */
    OWNED,
    /** The namespace is labelled for another organization: never touch it. */
    CONFLICT,
    /** The namespace is being deleted: wait until it is gone, then create it again. */
    TERMINATING
  }

  private NamespaceClaim() {}

  /**
   * @param organization the organization's name
   * @param exists whether the namespace exists
   * @param labels the namespace's labels (ignored when it does not exist)
   * @param deleting whether the namespace has a deletion timestamp
   */
  public static Verdict judge(String organization, boolean exists, Map<String, String> labels, boolean deleting) {
    if (!exists) {
      return Verdict.CREATE;
    }
    String owner = labels == null ? null : labels.get(ApiConstants.ORGANIZATION_LABEL);
    if (owner != null && !owner.equals(organization)) {
      return Verdict.CONFLICT;
    }
    if (deleting) {
      return Verdict.TERMINATING;
    }
    return owner == null ? Verdict.ADOPT : Verdict.OWNED;
  }
}
