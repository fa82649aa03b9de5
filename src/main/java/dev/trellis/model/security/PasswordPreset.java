package dev.trellis.model.security;

/** Whether a password policy is the fixed PCI DSS preset or the organization's own values. */
public enum PasswordPreset {
  PCI_DSS,
  Custom
}
