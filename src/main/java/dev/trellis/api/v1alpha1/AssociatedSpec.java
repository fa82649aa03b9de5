package dev.trellis.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.ArrayList;
import java.util.List;

/**
 * The projects and folders an object is associated with: shared by managed resources and connectors. Empty
 * lists are left out when written, as they mean the same as absent ones.
 */
public abstract class AssociatedSpec {

  @JsonPropertyDescription(
    "Names of the Projects, in the same namespace, this object is associated with. Members with a role"
        + " at one of these projects, or at a folder above it, reach it. A name that matches no project is"
        + " reported (ProjectNotFound) and ignored.")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @Size(max = Validation.ASSOCIATIONS_MAX)
  @ValidationRule(value = Validation.UNIQUE_ITEMS, message = "spec.projects must not name the same project twice")
  private List<@Pattern(Validation.NAME) @Size(max = Validation.NAME_MAX) String> projects = new ArrayList<>();

  @JsonPropertyDescription(
    "Names of the Folders, in the same namespace, this object is associated with. Members with a role at"
        + " one of these folders, or above it, reach it; associating with a folder does not make it"
        + " reachable from the projects inside the folder. A name that matches no folder is reported"
        + " (FolderNotFound) and ignored.")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @Size(max = Validation.ASSOCIATIONS_MAX)
  @ValidationRule(value = Validation.UNIQUE_ITEMS, message = "spec.folders must not name the same folder twice")
  private List<@Pattern(Validation.NAME) @Size(max = Validation.NAME_MAX) String> folders = new ArrayList<>();

  public List<String> getProjects() {
    return projects;
  }

  public void setProjects(List<String> projects) {
    this.projects = projects == null ? new ArrayList<>() : projects;
  }

  public List<String> getFolders() {
    return folders;
  }

  public void setFolders(List<String> folders) {
    this.folders = folders == null ? new ArrayList<>() : folders;
  }
}
