/**
 * Every mapper that turns a change of a watched object into the primaries it wakes: namespaces for the tenancy
 * reconciler (keyed by namespace, one per organization), organizations for the organization reconciler. A change
 * crosses organizations only along a partnership or down the tenant tree; the mappers that follow those read the
 * informer caches through {@link dev.trellis.reconcile.mappers.Directory} or through an index they register. A
 * change of a primary itself wakes it without a mapper.
 *
 * <table>
 *   <caption>What wakes which reconciler when which kind changes</caption>
 *   <tr><th>Kind that changes</th><th>Mapper</th><th>What it wakes</th></tr>
 *   <tr><th colspan="3">Tenancy reconciler (wiring: {@code TenancyEventSources})</th></tr>
 *   <tr><td>Folder, Project, ManagedResource, Connector, grants ConfigMap</td>
 *       <td>{@link dev.trellis.reconcile.mappers.ToOwnNamespaceMapper}</td>
 *       <td>its own namespace</td></tr>
 *   <tr><td>Organization</td>
 *       <td>{@link dev.trellis.reconcile.mappers.OrganizationToNamespacesMapper}</td>
 *       <td>the namespace it asks for; those of the organizations below it in the tenant tree; those of the
 *           partnerships naming it as partner and of the acceptances naming it as customer</td></tr>
 *   <tr><td>Member, InvitationAcceptance</td>
 *       <td>{@link dev.trellis.reconcile.mappers.MemberToNamespacesMapper}</td>
 *       <td>its namespace; the customers whose partnerships its organization accepted</td></tr>
 *   <tr><td>RoleBinding</td>
 *       <td>{@link dev.trellis.reconcile.mappers.RoleBindingToNamespacesMapper}</td>
 *       <td>its namespace; for a partner member, the partner's</td></tr>
 *   <tr><td>AccessRole (cluster-wide)</td>
 *       <td>{@link dev.trellis.reconcile.mappers.AccessRoleToNamespacesMapper}</td>
 *       <td>the namespaces whose role bindings name it</td></tr>
 *   <tr><td>Partnership</td>
 *       <td>{@link dev.trellis.reconcile.mappers.PartnershipToNamespacesMapper}</td>
 *       <td>its namespace (the customer's); the partner's</td></tr>
 *   <tr><td>PartnershipAcceptance</td>
 *       <td>{@link dev.trellis.reconcile.mappers.PartnershipAcceptanceToNamespacesMapper}</td>
 *       <td>its namespace (the partner's); the customer's</td></tr>
 *   <tr><td>ValidatingAdmissionPolicy, ValidatingAdmissionPolicyBinding</td>
 *       <td>{@link dev.trellis.reconcile.mappers.AdmissionPolicyToNamespacesMapper}</td>
 *       <td>every namespace holding an InvitationAcceptance</td></tr>
 *   <tr><th colspan="3">Organization reconciler (wiring: {@code OrganizationReconciler.prepareEventSources})</th></tr>
 *   <tr><td>Namespace</td>
 *       <td>{@link dev.trellis.reconcile.mappers.NamespaceToOrganizationMapper}</td>
 *       <td>the organization in its label; every organization asking for a namespace of its name</td></tr>
 *   <tr><td>Organization</td>
 *       <td>{@link dev.trellis.reconcile.mappers.OrganizationToTenantTreeNeighboursMapper}</td>
 *       <td>its parent; its children; a former parent that still lists it</td></tr>
 *   <tr><td>ConfigMap the controller writes (security, branding)</td>
 *       <td>{@link dev.trellis.reconcile.mappers.ManagedConfigMapToOrganizationMapper}</td>
 *       <td>the organization in its label</td></tr>
 *   <tr><td>ConfigMap of branding images</td>
 *       <td>{@link dev.trellis.reconcile.mappers.BrandingImagesToOrganizationMapper}</td>
 *       <td>every organization asking for its namespace</td></tr>
 * </table>
 *
 * <p>What reaches a mapper is decided where it is wired: the tenancy sources of the namespaced Trellis kinds and
 * of AccessRole let through only spec, label and deletion changes (a status write wakes no one), and until the
 * caches the cross-organization mappers read have started, each object maps to its own namespace only
 * ({@code TenancyEventSources.guarded}).
 */
package dev.trellis.reconcile.mappers;
