package dev.trellis.reader;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One ConfigMap's {@code grants.json}, parsed and checked against the schema; {@code shards} null when absent. Either
 * version: a v1alpha1 document (or split primary, or shard: all kind GrantsDocument, shards named by strings), a
 * v1alpha2 primary (kind GrantsDocument, shards named with their revisions) or a v1alpha2 shard (kind
 * GrantsDocumentShard, never with shards). Which part may stand where is for {@link GrantsReader} to judge.
 */
record Document(String apiVersion, String kind, String organization, String orgId, String connector,
    String revision, String keyId, List<Resource> resources, List<Entry> entries, List<ShardRef> shards) {

  static final String API_VERSION = "iam.trellis.dev/v1alpha1";
  static final String API_VERSION_2 = "iam.trellis.dev/v1alpha2";
  static final String KIND = "GrantsDocument";
  static final String SHARD_KIND = "GrantsDocumentShard";
  private static final String REVISION = "sha256:[0-9a-f]{64}";
  private static final Set<String> SHARD_REF = Set.of("name", "revision");
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
      String apiVersion = Fields.string(o, "apiVersion", what);
      String kind = Fields.string(o, "kind", what);
      boolean v1 = API_VERSION.equals(apiVersion) && KIND.equals(kind);
      boolean v2 = API_VERSION_2.equals(apiVersion) && (KIND.equals(kind) || SHARD_KIND.equals(kind));
      if (!v1 && !v2) {
        throw new IllegalArgumentException(what + " is neither an " + API_VERSION + " " + KIND + " nor an "
            + API_VERSION_2 + " " + KIND + " or " + SHARD_KIND + " (" + apiVersion + " " + kind + ")");
      }
      String revision = revision(Fields.string(o, "revision", what), what);
      List<Resource> resources = new ArrayList<>();
      for (Object r : Fields.list(o, "resources", what)) {
        resources.add(resource(Fields.object(r, what + " resource")));
      }
      List<Entry> entries = new ArrayList<>();
      for (Object e : Fields.list(o, "entries", what)) {
        entries.add(entry(Fields.object(e, what + " entry")));
      }
      List<ShardRef> shards = null;
      if (o.containsKey("shards")) {
        if (SHARD_KIND.equals(kind)) {
          throw new IllegalArgumentException(what + ": a " + SHARD_KIND + " names no shards");
        }
        shards = v1 ? Fields.strings(o, "shards", what).stream().map(n -> new ShardRef(n, null)).toList()
            : shardRefs(Fields.list(o, "shards", what), what);
      }
      return new Document(apiVersion, kind, Fields.string(o, "organization", what),
          Fields.nullableString(o, "orgId", what), Fields.string(o, "connector", what), revision,
          Fields.optionalString(o, "keyId", what), List.copyOf(resources), List.copyOf(entries), shards);
    } catch (IllegalArgumentException e) {
      throw new GrantsException(GrantsException.Reason.MALFORMED, e.getMessage(), e);
    }
  }

  /** Whether this is a v1alpha2 part (primary or shard). */
  boolean v1alpha2() {
    return API_VERSION_2.equals(apiVersion);
  }

  /** The shards' ConfigMap names, in order; null when the document names no shards. */
  List<String> shardNames() {
    return shards == null ? null : shards.stream().map(ShardRef::name).toList();
  }

  /**
   * A shard as a primary names it: its ConfigMap, and (v1alpha2) the revision it must have; {@code revision} is null
   * in v1alpha1, whose shards all carry the primary's revision.
   */
  record ShardRef(String name, String revision) {}

  private static List<ShardRef> shardRefs(List<?> values, String what) {
    List<ShardRef> out = new ArrayList<>();
    for (Object v : values) {
      Map<String, Object> s = Fields.object(v, what + " shard");
      Fields.only(s, SHARD_REF, what + " shard");
      String name = Fields.string(s, "name", what + " shard");
      out.add(new ShardRef(name, revision(Fields.string(s, "revision", what + " shard " + name), what + " shard "
          + name)));
    }
    return List.copyOf(out);
  }

  private static String revision(String revision, String what) {
    if (!revision.matches(REVISION)) {
      throw new IllegalArgumentException(what + ": revision " + revision + " is not sha256:<64 hex digits>");
    }
    return revision;
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
