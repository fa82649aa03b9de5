package dev.trellis.api.v1alpha1;

/** The phases of a partnership: only an Established partnership lets partner members in. */
public enum PartnershipPhase {
  /** Created by the customer; not (yet) accepted by the partner. */
  Initiated,
  /** Accepted by the partner: partner members listed in the acceptance can be given roles. */
  Established,
  /** Paused by the customer after having been established: partner grants are suspended, not deleted. */
  Paused,
  /** Ended for good: by the customer, or because the acceptance or either organization went away. */
  Terminated
}
