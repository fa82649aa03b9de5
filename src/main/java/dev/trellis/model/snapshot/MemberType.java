package dev.trellis.model.snapshot;

/** Whether a member is a person or an application. */
public enum MemberType {
  User,
  ServiceAccount
}
