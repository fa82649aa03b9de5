package dev.trellis.model.grants;

import java.time.Instant;

/** One binding's contribution to an entry: which role, through which binding, subject path and scope. */
public record Grant(String role, String binding, String via, String scope, Instant expiresAt) {}
