/**
 * Where each kind's status is built: {@code <Kind>StatusAssembler}, a pure function of what the model decided (a
 * verdict, an evaluation, a resolution's figures), the object's old status and a {@link java.time.Clock}.
 * {@link dev.trellis.reconcile.status.StatusAssembly} holds what every kind shares: observedGeneration, a Ready
 * condition whose transition time moves only with its status, and the statuses of an object whose namespace
 * belongs to no organization or whose reconcile failed. The organization's status has two parts, one per
 * controller, both defined in {@link dev.trellis.reconcile.status.OrganizationStatusAssembler}. Writing is not
 * done here: {@link dev.trellis.reconcile.support.StatusWriter} applies what an assembler built (the
 * organization controller's own part goes through JOSDK's status patch of its primary).
 */
package dev.trellis.reconcile.status;
