package dev.trellis.api.v1alpha1;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.crd.generator.annotation.AdditionalSelectableField;
import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Categories;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

/** A tenant: owns a namespace in which all its other Trellis objects live. */
@Description("A tenant of Trellis. Trellis gives it a namespace, where all its other objects live, and a"
    + " stable orgId that partners use to name it.")
@Group(ApiConstants.GROUP)
@Version(ApiConstants.VERSION)
@ShortNames("org")
@Categories(ApiConstants.CATEGORY)
@AdditionalPrinterColumn(name = "Phase", jsonPath = ".status.phase", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Ready", jsonPath = PrinterColumns.READY, type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Reason", jsonPath = PrinterColumns.REASON, type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Parent", jsonPath = ".spec.parent", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Namespace", jsonPath = ".status.namespace", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "OrgId", jsonPath = ".status.orgId", type = AdditionalPrinterColumn.Type.STRING,
    priority = 1)
@AdditionalPrinterColumn(name = "Age", jsonPath = ".metadata.creationTimestamp",
    type = AdditionalPrinterColumn.Type.DATE)
@AdditionalSelectableField(jsonPath = ".status.phase")
@ValidationRule(
    value = "!has(self.spec) || !has(self.spec.terminated) || !self.spec.terminated"
        + " || (has(self.spec.terminationConfirmation) && self.spec.terminationConfirmation == self.metadata.name)",
    message = "spec.terminationConfirmation must equal the organization's name to terminate it",
    fieldPath = ".spec.terminationConfirmation")
@ValidationRule(
    value = "size(self.metadata.name) <= 63 && ((has(self.spec) && has(self.spec.__namespace__))"
        + " || (size(self.metadata.name) <= 59 && self.metadata.name.matches('" + Validation.LABEL + "')))",
    message = "metadata.name must give a valid namespace name org-<name>: at most 59 lower-case letters, digits"
        + " and '-', without dots (or set spec.namespace; the name is at most 63 characters in any case)")
@ValidationRule(
    value = "!has(self.spec) || !has(self.spec.__namespace__) || !self.spec.__namespace__.startsWith('org-')"
        + " || self.spec.__namespace__ == 'org-' + self.metadata.name",
    message = "spec.namespace org-<name> is reserved for the organization of that name",
    fieldPath = ".spec.namespace")
public class Organization extends CustomResource<OrganizationSpec, OrganizationStatus> {

  /** Whether the organization has been asked to terminate (its data goes, the record stays Inactive). */
  public boolean terminationRequested() {
    return getSpec() != null && Boolean.TRUE.equals(getSpec().getTerminated());
  }

  /** Active: not being deleted and not terminated. Only an active organization owns, grants or partners. */
  public boolean active() {
    return getMetadata().getDeletionTimestamp() == null && !terminationRequested();
  }

  /** The namespace this organization owns: {@code spec.namespace}, or {@code org-<name>}. */
  public String effectiveNamespace() {
    String requested = getSpec() == null ? null : getSpec().getNamespace();
    return requested == null || requested.isEmpty() ? "org-" + getMetadata().getName() : requested;
  }
}
