package dev.trellis.api.v1alpha1;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Categories;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

/** A managed system of an organization, associated with projects and folders and managed by a connector. */
@Description("A system an organization manages, such as an ONTAP cluster, a Cloud Volumes ONTAP system, an FSx"
    + " for ONTAP file system or a server, associated with projects and folders and managed by a connector.")
@Group(ApiConstants.GROUP)
@Version(ApiConstants.VERSION)
@ShortNames("mres")
@Categories(ApiConstants.CATEGORY)
@AdditionalPrinterColumn(name = "Type", jsonPath = ".spec.type", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Connector", jsonPath = ".spec.connector", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Ready", jsonPath = PrinterColumns.READY, type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Reason", jsonPath = PrinterColumns.REASON, type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Projects", jsonPath = ".spec.projects", type = AdditionalPrinterColumn.Type.STRING,
    priority = 1)
@AdditionalPrinterColumn(name = "Folders", jsonPath = ".spec.folders", type = AdditionalPrinterColumn.Type.STRING,
    priority = 1)
@AdditionalPrinterColumn(name = "Age", jsonPath = ".metadata.creationTimestamp",
    type = AdditionalPrinterColumn.Type.DATE)
public class ManagedResource extends CustomResource<ManagedResourceSpec, ManagedResourceStatus>
    implements Namespaced {}
