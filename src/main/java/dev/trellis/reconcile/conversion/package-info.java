/**
 * Where an API object becomes a model object: the Trellis custom resources, as the informer caches hold them,
 * turned into the pure model's inputs. {@link dev.trellis.reconcile.conversion.SnapshotConversion} builds one
 * organization's snapshot (folders, projects, resources, connectors, members, roles, bindings, partnerships,
 * invitation acceptances); {@link dev.trellis.reconcile.conversion.TenantTreeConversion} the tree of organizations
 * and the packages each may use; {@link dev.trellis.reconcile.conversion.SecurityConversion} the security policy in
 * effect down that tree, and back to the API's form for the status; {@link
 * dev.trellis.reconcile.conversion.BrandingConversion} an organization's branding, checked, as ConfigMap content.
 * Nothing here reads a cache or the API server: the callers hand in the objects.
 */
package dev.trellis.reconcile.conversion;
