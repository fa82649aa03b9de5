package dev.trellis.api.v1alpha1;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Categories;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

/** The partner's side of a partnership: accepts it and lists the partner members who take part. */
@Description("The acceptance, by a partner organization, of a Partnership that a customer created. It lives in"
    + " the partner's namespace, names the customer by orgId and the Partnership by name, and lists the"
    + " partner's Members who take part: the customer can give roles to those members only.")
@Group(ApiConstants.GROUP)
@Version(ApiConstants.VERSION)
@ShortNames("pacc")
@Categories(ApiConstants.CATEGORY)
@AdditionalPrinterColumn(name = "Phase", jsonPath = ".status.phase", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Ready", jsonPath = PrinterColumns.READY, type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Reason", jsonPath = PrinterColumns.REASON, type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Customer", jsonPath = ".status.customerOrganization",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Age", jsonPath = ".metadata.creationTimestamp",
    type = AdditionalPrinterColumn.Type.DATE)
public class PartnershipAcceptance extends CustomResource<PartnershipAcceptanceSpec, PartnershipAcceptanceStatus>
    implements Namespaced {}
