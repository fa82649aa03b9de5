package dev.trellis.api.v1alpha1;

/** The level of a feature role (seed 003), from most to least powerful. */
public enum FeatureLevel {
  /** An Administrator who also manages subscriptions, billing, users and single sign-on. */
  AccountOwner,
  Administrator,
  User,
  Guest
}
