package dev.trellis.model.grants;

import dev.trellis.api.v1alpha1.ApiConstants;
import java.util.List;

/** The effective grants of one connector: its resources and who may do what on them (all lists sorted). */
public record GrantsDocument(
    String organization,
    String orgId,
    String connector,
    List<DocumentResource> resources,
    List<GrantEntry> entries) {

  public static final String API_VERSION = ApiConstants.API_VERSION;
  public static final String KIND = "GrantsDocument";

  public GrantsDocument {
    resources = List.copyOf(resources);
    entries = List.copyOf(entries);
  }
}
