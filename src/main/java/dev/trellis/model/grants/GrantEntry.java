package dev.trellis.model.grants;

import java.util.List;

/**
 * What one subject may do on one resource, and every grant that contributes to it. {@code except} is for
 * Domain subjects only: addresses of the domain the entry does not apply to (suspended members).
 */
public record GrantEntry(
    String subject,
    String subjectKind,
    String subjectOrganization,
    String resource,
    List<String> permissions,
    List<Grant> grants,
    List<String> except) {

  public GrantEntry {
    permissions = List.copyOf(permissions);
    grants = List.copyOf(grants);
    except = except == null ? List.of() : List.copyOf(except);
  }

  /** An entry that excepts nobody. */
  public GrantEntry(String subject, String subjectKind, String subjectOrganization, String resource,
      List<String> permissions, List<Grant> grants) {
    this(subject, subjectKind, subjectOrganization, resource, permissions, grants, List.of());
  }
}
