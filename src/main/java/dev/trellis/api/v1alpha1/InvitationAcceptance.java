package dev.trellis.api.v1alpha1;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Categories;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

/** The invitee's own acceptance of an invitation, created with the invitee's Kubernetes identity. */
@Description("An invitee's acceptance of the invitation of a Member (spec.invitation), in the organization's"
    + " namespace. Only the invitee can create it: an admission policy admits it only when spec.email is the"
    + " requesting user's Kubernetes username. It is immutable.")
@Group(ApiConstants.GROUP)
@Version(ApiConstants.VERSION)
@ShortNames("invacc")
@Categories(ApiConstants.CATEGORY)
@AdditionalPrinterColumn(name = "Member", jsonPath = ".spec.member", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Email", jsonPath = ".spec.email", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Ready", jsonPath = PrinterColumns.READY, type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Reason", jsonPath = PrinterColumns.REASON, type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Age", jsonPath = ".metadata.creationTimestamp",
    type = AdditionalPrinterColumn.Type.DATE)
public class InvitationAcceptance extends CustomResource<InvitationAcceptanceSpec, InvitationAcceptanceStatus>
    implements Namespaced {}
