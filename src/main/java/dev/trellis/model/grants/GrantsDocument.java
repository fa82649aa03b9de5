package dev.trellis.model.grants;

import java.util.List;

/** The effective grants of one connector: its resources and who may do what on them (all lists sorted). */
public record GrantsDocument(
    String organization,
    String orgId,
    String connector,
    List<DocumentResource> resources,
    List<GrantEntry> entries) {

  public GrantsDocument {
    resources = List.copyOf(resources);
    entries = List.copyOf(entries);
  }
}
