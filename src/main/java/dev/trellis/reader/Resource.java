package dev.trellis.reader;

import java.util.List;

/** A resource the connector manages, with the projects and folders it is associated with. */
public record Resource(String name, String type, List<String> projects, List<String> folders) {

  public Resource {
    projects = List.copyOf(projects);
    folders = List.copyOf(folders);
  }
}
