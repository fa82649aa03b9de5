package dev.trellis.model.snapshot;

/** The phases of a partnership, as its state machine decides them. */
public enum PartnershipPhase {
  Initiated,
  Established,
  Paused,
  Terminated
}
