package dev.trellis.reader;

import java.time.Instant;
import java.util.List;

/**
 * What one subject may do on one resource. {@code except} is empty except on Domain entries ({@code *@domain}),
 * where it lists the addresses of the domain the entry does not apply to.
 */
public record Entry(String subject, String subjectKind, String subjectOrganization, List<String> except,
    String resource, List<String> permissions, List<Grant> grants) {

  public Entry {
    except = List.copyOf(except);
    permissions = List.copyOf(permissions);
    grants = List.copyOf(grants);
  }

  /**
   * Whether the entry grants its permissions at {@code now}: only when none of its grants has expired, since the
   * document does not say which grant gave which permission.
   */
  public boolean inForce(Instant now) {
    return grants.stream().allMatch(g -> g.inForce(now));
  }
}
