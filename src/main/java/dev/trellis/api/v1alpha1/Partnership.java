package dev.trellis.api.v1alpha1;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Categories;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

/** The customer's side of a partnership: created in the customer's namespace, naming the partner by orgId. */
@Description("A partnership that a customer organization offers to a partner organization, named by the orgId"
    + " the partner shared. Once the partner accepts it with a PartnershipAcceptance, the customer can give"
    + " roles to the partner's members (RoleBinding subject kind PartnerMember). The customer can pause it or"
    + " terminate it for good.")
@Group(ApiConstants.GROUP)
@Version(ApiConstants.VERSION)
@ShortNames("pship")
@Categories(ApiConstants.CATEGORY)
@AdditionalPrinterColumn(name = "Phase", jsonPath = ".status.phase", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Ready", jsonPath = PrinterColumns.READY, type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Reason", jsonPath = PrinterColumns.REASON, type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Partner", jsonPath = ".status.partnerOrganization",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Age", jsonPath = ".metadata.creationTimestamp",
    type = AdditionalPrinterColumn.Type.DATE)
public class Partnership extends CustomResource<PartnershipSpec, PartnershipStatus> implements Namespaced {}
