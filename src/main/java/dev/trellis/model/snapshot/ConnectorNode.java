package dev.trellis.model.snapshot;

import java.util.List;

/** A connector and the projects and folders it is associated with. */
public record ConnectorNode(String name, List<String> projects, List<String> folders) {

  public ConnectorNode {
    projects = Lists.copy(projects);
    folders = Lists.copy(folders);
  }
}
