package dev.trellis.model.grants;

import java.util.List;

/** A resource as a connector's grants document lists it, with its existing associations (sorted). */
public record DocumentResource(String name, String type, List<String> projects, List<String> folders) {

  public DocumentResource {
    projects = List.copyOf(projects);
    folders = List.copyOf(folders);
  }
}
