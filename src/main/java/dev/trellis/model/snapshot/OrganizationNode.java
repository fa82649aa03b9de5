package dev.trellis.model.snapshot;

/** The organization a snapshot belongs to: its name, stable id, namespace, and SSO and domain settings. */
public record OrganizationNode(String name, String orgId, String namespace, AccessPolicy access) {

  public OrganizationNode {
    access = access == null ? AccessPolicy.NONE : access;
  }

  /** An organization without single sign-on or domain restriction. */
  public OrganizationNode(String name, String orgId, String namespace) {
    this(name, orgId, namespace, AccessPolicy.NONE);
  }
}
