package dev.trellis.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** What a managed resource is, which connector manages it, and where it sits in the hierarchy. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ManagedResourceSpec extends AssociatedSpec {

  @Required
  @JsonPropertyDescription(
    "Kind of system, a free string copied into the grants document, for example ONTAPCluster,"
        + " CloudVolumesONTAP, FSxForONTAP, StorageGRID or Server.")
  @Size(min = 1, max = 128)
  private String type;

  @JsonPropertyDescription(
    "Name of the Connector, in the same namespace, that manages this resource: the resource appears in"
        + " that connector's grants document. Absent: no connector carries it yet.")
  @Pattern(Validation.NAME)
  @Size(max = Validation.NAME_MAX)
  private String connector;

  public String getType() {
    return type;
  }

  public void setType(String type) {
    this.type = type;
  }

  public String getConnector() {
    return connector;
  }

  public void setConnector(String connector) {
    this.connector = connector;
  }
}
