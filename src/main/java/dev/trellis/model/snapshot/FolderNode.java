package dev.trellis.model.snapshot;

/** A folder; {@code parent} null or empty means directly under the organization. */
public record FolderNode(String name, String parent) {

  /** Whether this folder sits at the organization root. */
  public boolean atRoot() {
    return parent == null || parent.isEmpty();
  }
}
