package dev.trellis.model.partnership;

import dev.trellis.api.v1alpha1.PartnershipPhase;

/**
 * A step of a partnership (or of its acceptance): the phase it is in after the step, a CamelCase reason
 * (from {@link dev.trellis.model.Reasons}) and one sentence saying what happened or what to do.
 * An acceptance that matches no partnership has a null phase.
 */
public record PartnershipTransition(PartnershipPhase phase, String reason, String message) {}
