package dev.trellis.model.snapshot;

import java.time.Instant;

/**
 * An InvitationAcceptance: the member it accepts for, the e-mail address of whoever created it (the admission
 * policy made sure of that) and when it was created.
 */
public record AcceptanceNode(String name, String member, String email, Instant created) {}
