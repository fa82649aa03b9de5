package dev.trellis.model.snapshot;

/** A project; {@code folder} null or empty means directly under the organization. */
public record ProjectNode(String name, String folder) {

  /** Whether this project sits at the organization root. */
  public boolean atRoot() {
    return folder == null || folder.isEmpty();
  }
}
