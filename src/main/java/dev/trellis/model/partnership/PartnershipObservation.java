package dev.trellis.model.partnership;

/**
 * What the partnership state machine looks at, as seen in the informer caches at one moment.
 *
 * @param terminatedRequested the Partnership's {@code spec.terminated}
 * @param pausedRequested the Partnership's {@code spec.paused}
 * @param self {@code spec.partnerOrgId} is the customer's own orgId
 * @param partnerFound an Active organization has the orgId {@code spec.partnerOrgId} names
 * @param accepted a matching PartnershipAcceptance exists: in the partner organization's namespace, naming the
 *     customer's orgId and this Partnership's name
 * @param customerActive the customer organization (owner of the Partnership's namespace) is Active and not
 *     being deleted
 */
public record PartnershipObservation(
    boolean terminatedRequested,
    boolean pausedRequested,
    boolean self,
    boolean partnerFound,
    boolean accepted,
    boolean customerActive) {}
