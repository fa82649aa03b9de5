package dev.trellis.model.snapshot;

/** Where a role binding applies; {@code name} is ignored for {@link ScopeKind#Organization}. */
public record ScopeRef(ScopeKind kind, String name) {

  /** The whole organization. */
  public static ScopeRef organization() {
    return new ScopeRef(ScopeKind.Organization, null);
  }

  /** A folder and everything below it. */
  public static ScopeRef folder(String name) {
    return new ScopeRef(ScopeKind.Folder, name);
  }

  /** A project. */
  public static ScopeRef project(String name) {
    return new ScopeRef(ScopeKind.Project, name);
  }

  /** The scope as written in grants: {@code Organization}, {@code Folder/eu}, {@code Project/london}. */
  public String label() {
    return kind == ScopeKind.Organization ? "Organization" : kind + "/" + name;
  }
}
