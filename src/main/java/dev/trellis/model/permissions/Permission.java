package dev.trellis.model.permissions;

/** One {@code <area>.<verb>} permission and what it allows, in one line. */
public record Permission(String name, String description) {

  /** The part before the dot: {@code resources} in {@code resources.view}. */
  public String area() {
    return name.substring(0, name.indexOf('.'));
  }

  /** The part after the dot: {@code view} in {@code resources.view}. */
  public String verb() {
    return name.substring(name.indexOf('.') + 1);
  }
}
