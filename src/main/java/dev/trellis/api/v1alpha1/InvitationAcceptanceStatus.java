package dev.trellis.api.v1alpha1;

/** Whether the acceptance counts: Ready=True once it accepted the member's invitation. */
public class InvitationAcceptanceStatus extends TrellisStatus {}
