package dev.trellis.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;

/** Where a folder sits in its organization's hierarchy. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class FolderSpec {

  @JsonPropertyDescription(
    "Name of the parent Folder, in the same namespace. Empty or absent: the folder sits directly under"
        + " the organization. At most 10 folders deep.")
  @Pattern(Validation.NAME_OR_EMPTY)
  @Size(max = Validation.NAME_MAX)
  private String parent;

  public String getParent() {
    return parent;
  }

  public void setParent(String parent) {
    this.parent = parent;
  }
}
