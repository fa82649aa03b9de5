package dev.trellis.model.snapshot;

import java.util.List;

/** A managed resource, the connector that manages it and the projects and folders it is associated with. */
public record ResourceNode(String name, String type, String connector, List<String> projects, List<String> folders) {

  public ResourceNode {
    projects = Lists.copy(projects);
    folders = Lists.copy(folders);
  }

  /** Whether a connector is named at all (it is optional). */
  public boolean hasConnector() {
    return connector != null && !connector.isEmpty();
  }
}
