package dev.trellis.api.v1alpha1;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Categories;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

/** A named set of permissions that role bindings give to members, shared by every organization. */
@Description("A named set of permissions, such as organization-admin or storage-admin, that a RoleBinding gives"
    + " to a subject at an organization, a folder or a project.")
@Group(ApiConstants.GROUP)
@Version(ApiConstants.VERSION)
@ShortNames("arole")
@Categories(ApiConstants.CATEGORY)
@AdditionalPrinterColumn(name = "Display Name", jsonPath = ".spec.displayName",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Partners", jsonPath = ".spec.assignableToPartners",
    type = AdditionalPrinterColumn.Type.BOOLEAN)
@AdditionalPrinterColumn(name = "Ready", jsonPath = PrinterColumns.READY, type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Reason", jsonPath = PrinterColumns.REASON, type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Assignable At", jsonPath = ".spec.assignableAt",
    type = AdditionalPrinterColumn.Type.STRING, priority = 1)
@AdditionalPrinterColumn(name = "Permissions", jsonPath = ".spec.permissions",
    type = AdditionalPrinterColumn.Type.STRING, priority = 1)
@AdditionalPrinterColumn(name = "Age", jsonPath = ".metadata.creationTimestamp",
    type = AdditionalPrinterColumn.Type.DATE)
public class AccessRole extends CustomResource<AccessRoleSpec, AccessRoleStatus> {}
