package dev.trellis.model.security;

import dev.trellis.model.verdict.Verdict;

/**
 * The security policy an organization enforces and the verdict on its request. {@code policy} is always set,
 * also when the verdict reports a problem: it then fails closed (see {@link SecurityPolicies#effective}).
 */
public record EffectiveSecurity(SecurityPolicy policy, Verdict verdict) {}
