package dev.trellis.api.v1alpha1;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Categories;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

/** A workspace of an organization, with which managed resources and connectors are associated. */
@Description("A project of an organization: a workspace that managed resources and connectors are associated"
    + " with. Roles granted at a project reach the resources associated with it.")
@Group(ApiConstants.GROUP)
@Version(ApiConstants.VERSION)
@ShortNames("proj")
@Categories(ApiConstants.CATEGORY)
@AdditionalPrinterColumn(name = "Folder", jsonPath = ".spec.folder", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Ready", jsonPath = PrinterColumns.READY, type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Reason", jsonPath = PrinterColumns.REASON, type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Age", jsonPath = ".metadata.creationTimestamp",
    type = AdditionalPrinterColumn.Type.DATE)
public class Project extends CustomResource<ProjectSpec, ProjectStatus> implements Namespaced {}
