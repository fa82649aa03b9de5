package dev.trellis.api.v1alpha1;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Categories;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

/** Groups folders and projects inside an organization. */
@Description("A folder of an organization: groups projects and other folders, for example by region, site"
    + " or business unit. Roles granted at a folder reach everything below it.")
@Group(ApiConstants.GROUP)
@Version(ApiConstants.VERSION)
@ShortNames("fld")
@Categories(ApiConstants.CATEGORY)
@ValidationRule(
    value = "!has(self.spec) || !has(self.spec.parent) || self.spec.parent != self.metadata.name",
    message = "spec.parent cannot name the folder itself: leave it empty for the organization root or name"
        + " another folder",
    fieldPath = ".spec.parent")
@AdditionalPrinterColumn(name = "Parent", jsonPath = ".spec.parent", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Ready", jsonPath = PrinterColumns.READY, type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Reason", jsonPath = PrinterColumns.REASON, type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Age", jsonPath = ".metadata.creationTimestamp",
    type = AdditionalPrinterColumn.Type.DATE)
public class Folder extends CustomResource<FolderSpec, FolderStatus> implements Namespaced {}
