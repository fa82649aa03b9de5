package dev.trellis.model.grants;

import java.util.List;

/** What one subject may do on one resource, and every grant that contributes to it. */
public record GrantEntry(
    String subject,
    String subjectKind,
    String subjectOrganization,
    String resource,
    List<String> permissions,
    List<Grant> grants) {

  public GrantEntry {
    permissions = List.copyOf(permissions);
    grants = List.copyOf(grants);
  }
}
