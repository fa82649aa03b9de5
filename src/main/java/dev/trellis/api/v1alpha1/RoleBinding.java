package dev.trellis.api.v1alpha1;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Categories;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

/** Gives a role to a subject at a scope; shares its plural with RBAC's, so users type {@code trb}. */
@Description("Gives an AccessRole to a member of the organization, or to a partner's member, at the whole"
    + " organization, a folder or a project, optionally until a given instant.")
@Group(ApiConstants.GROUP)
@Version(ApiConstants.VERSION)
@Plural("rolebindings")
@ShortNames("trb")
@Categories(ApiConstants.CATEGORY)
@AdditionalPrinterColumn(name = "Role", jsonPath = ".spec.role", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Subject", jsonPath = ".spec.subject.name", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Scope", jsonPath = ".spec.scope.kind", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Scope Name", jsonPath = ".spec.scope.name",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Effective", jsonPath = ".status.effective",
    type = AdditionalPrinterColumn.Type.BOOLEAN)
@AdditionalPrinterColumn(name = "Ready", jsonPath = PrinterColumns.READY, type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Reason", jsonPath = PrinterColumns.REASON, type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Subject Kind", jsonPath = ".spec.subject.kind",
    type = AdditionalPrinterColumn.Type.STRING, priority = 1)
@AdditionalPrinterColumn(name = "Partnership", jsonPath = ".spec.subject.partnership",
    type = AdditionalPrinterColumn.Type.STRING, priority = 1)
@AdditionalPrinterColumn(name = "Expires At", jsonPath = ".spec.expiresAt", type = AdditionalPrinterColumn.Type.STRING,
    priority = 1)
@AdditionalPrinterColumn(name = "Age", jsonPath = ".metadata.creationTimestamp",
    type = AdditionalPrinterColumn.Type.DATE)
public class RoleBinding extends CustomResource<RoleBindingSpec, RoleBindingStatus> implements Namespaced {}
