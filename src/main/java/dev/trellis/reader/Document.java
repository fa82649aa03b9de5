package dev.trellis.reader;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** One ConfigMap's {@code grants.json}, parsed and checked against the schema; {@code shards} null when absent. */
record Document(String organization, String orgId, String connector, String revision, String keyId,
    List<Resource> resources, List<Entry> entries, List<String> shards) {

  static final String API_VERSION = "iam.trellis.dev/v1alpha1";
  static final String KIND = "GrantsDocument";
  private static final Set<String> TOP = Set.of("apiVersion", "kind", "organization", "orgId", "connector",
      "revision", "keyId", "resources", "entries", "shards");
  private static final Set<String> RESOURCE = Set.of("name", "type", "projects", "folders");
  private static final Set<String> ENTRY = Set.of("subject", "subjectKind", "subjectOrganization", "except",
      "resource", "permissions", "grants");
  private static final Set<String> GRANT = Set.of("role", "binding", "via", "scope", "expiresAt");
  private static final Set<String> KINDS = Set.of("User", "ServiceAccount", "Domain");

  /** Parses {@code json} from the ConfigMap {@code what}; {@link GrantsException} MALFORMED when it is no grants document. */
  static Document parse(String what, String json) {
    try {
      Map<String, Object> o = Fields.object(Json.parse(json), what);
      Fields.only(o, TOP, what);
      if (!API_VERSION.equals(Fields.string(o, "apiVersion", what))
          || !KIND.equals(Fields.string(o, "kind", what))) {
        throw new IllegalArgumentException(what + " is not an " + API_VERSION + " " + KIND);
      }
      String revision = Fields.string(o, "revision", what);
      if (!revision.matches("sha256:[0-9a-f]{64}")) {
        throw new IllegalArgumentException(what + ": revision " + revision + " is not sha256:<64 hex digits>");
      }
      List<Resource> resources = new ArrayList<>();
      for (Object r : Fields.list(o, "resources", what)) {
        resources.add(resource(Fields.object(r, what + " resource")));
      }
      List<Entry> entries = new ArrayList<>();
      for (Object e : Fields.list(o, "entries", what)) {
        entries.add(entry(Fields.object(e, what + " entry")));
      }
      return new Document(Fields.string(o, "organization", what), Fields.nullableString(o, "orgId", what),
          Fields.string(o, "connector", what), revision, Fields.optionalString(o, "keyId", what),
          List.copyOf(resources), List.copyOf(entries),
          o.containsKey("shards") ? Fields.strings(o, "shards", what) : null);
    } catch (IllegalArgumentException e) {
      throw new GrantsException(GrantsException.Reason.MALFORMED, e.getMessage(), e);
    }
  }

  private static Resource resource(Map<String, Object> r) {
    Fields.only(r, RESOURCE, "resource");
    String name = Fields.string(r, "name", "resource");
    return new Resource(name, Fields.string(r, "type", name), Fields.strings(r, "projects", name),
        Fields.strings(r, "folders", name));
  }

  private static Entry entry(Map<String, Object> e) {
    Fields.only(e, ENTRY, "entry");
    String subject = Fields.string(e, "subject", "entry");
    String where = "entry " + subject;
    String kind = Fields.string(e, "subjectKind", where);
    if (!KINDS.contains(kind)) {
      throw new IllegalArgumentException(where + ": subjectKind " + kind + " is not one of " + KINDS);
    }
    List<String> except = e.containsKey("except") ? Fields.strings(e, "except", where) : List.of();
    if (e.containsKey("except") && (except.isEmpty() || !"Domain".equals(kind))) {
      throw new IllegalArgumentException(where + ": except is for Domain entries only, and never empty");
    }
    List<Grant> grants = new ArrayList<>();
    for (Object g : Fields.list(e, "grants", where)) {
      grants.add(grant(Fields.object(g, where + " grant"), where));
    }
    if (grants.isEmpty()) {
      throw new IllegalArgumentException(where + " has no grants");
    }
    return new Entry(subject, kind, Fields.string(e, "subjectOrganization", where), except,
        Fields.string(e, "resource", where), Fields.strings(e, "permissions", where), grants);
  }

  private static Grant grant(Map<String, Object> g, String where) {
    Fields.only(g, GRANT, where + " grant");
    String expires = Fields.nullableString(g, "expiresAt", where);
    return new Grant(Fields.string(g, "role", where), Fields.nullableString(g, "binding", where),
        Fields.string(g, "via", where), Fields.string(g, "scope", where),
        expires == null ? null : Fields.instant(expires, where + " expiresAt"));
  }
}
