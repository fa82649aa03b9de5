package dev.trellis.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;

/**
 * The projects and folders a connector is associated with. Outside Organization scope, a member reaches a
 * resource only through a project or folder that the resource's connector is associated with as well.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ConnectorSpec extends AssociatedSpec {

  @JsonPropertyDescription(
    "The format of the grants document Trellis writes for this connector. v1alpha1: one document in ConfigMap"
        + " <name>-grants, split into contiguous shards only past 900 KiB. v1alpha2: shards by resource"
        + " (<name>-grants-<n>) named with their revisions by the primary <name>-grants, so that a change rewrites"
        + " only the shards of the resources it affects. Choose v1alpha2 only when the connector's reader"
        + " understands it (the Trellis reader kit reads both).")
  @Default("v1alpha1")
  private GrantsFormat grantsFormat;

  public GrantsFormat getGrantsFormat() {
    return grantsFormat;
  }

  public void setGrantsFormat(GrantsFormat grantsFormat) {
    this.grantsFormat = grantsFormat;
  }
}
