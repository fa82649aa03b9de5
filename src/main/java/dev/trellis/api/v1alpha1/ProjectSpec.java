package dev.trellis.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;

/** Where a project sits in its organization's hierarchy. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ProjectSpec {

  @JsonPropertyDescription(
    "Name of the Folder that contains the project, in the same namespace. Empty or absent: the project"
        + " sits directly under the organization.")
  @Pattern(Validation.NAME_OR_EMPTY)
  @Size(max = Validation.NAME_MAX)
  private String folder;

  public String getFolder() {
    return folder;
  }

  public void setFolder(String folder) {
    this.folder = folder;
  }
}
