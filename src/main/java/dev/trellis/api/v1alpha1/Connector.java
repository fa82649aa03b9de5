package dev.trellis.api.v1alpha1;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Categories;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

/** An agent that manages resources; Trellis writes its grants ConfigMap. */
@Description("An agent that manages resources of an organization. Trellis writes the effective grants on the"
    + " resources it manages into the ConfigMap <name>-grants, which the agent reads.")
@Group(ApiConstants.GROUP)
@Version(ApiConstants.VERSION)
@ShortNames("conn")
@Categories(ApiConstants.CATEGORY)
@AdditionalPrinterColumn(name = "Resources", jsonPath = ".status.resources",
    type = AdditionalPrinterColumn.Type.INTEGER)
@AdditionalPrinterColumn(name = "Entries", jsonPath = ".status.entries", type = AdditionalPrinterColumn.Type.INTEGER)
@AdditionalPrinterColumn(name = "Ready", jsonPath = PrinterColumns.READY, type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Reason", jsonPath = PrinterColumns.REASON, type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "ConfigMap", jsonPath = ".status.grantsConfigMap",
    type = AdditionalPrinterColumn.Type.STRING, priority = 1)
@AdditionalPrinterColumn(name = "Revision", jsonPath = ".status.revision", type = AdditionalPrinterColumn.Type.STRING,
    priority = 1)
@AdditionalPrinterColumn(name = "Age", jsonPath = ".metadata.creationTimestamp",
    type = AdditionalPrinterColumn.Type.DATE)
@ValidationRule(value = "size(self.metadata.name) <= 63",
    message = "a Connector's name is at most 63 characters: it is the value of the label iam.trellis.dev/connector"
        + " on the ConfigMaps of its grants")
public class Connector extends CustomResource<ConnectorSpec, ConnectorStatus> implements Namespaced {}
