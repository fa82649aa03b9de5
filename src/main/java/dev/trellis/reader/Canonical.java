package dev.trellis.reader;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The canonical form of docs/grants-document.md, written independently of the operator's renderer: keys in the fixed
 * order, no whitespace, only {@code "} {@code \} and control characters escaped. Used to recompute a revision.
 */
final class Canonical {
  private final StringBuilder out = new StringBuilder();

  private Canonical() {}

  /**
   * The revision of a reassembled v1alpha1 document: {@code sha256:} and the hex SHA-256 of its canonical form
   * without revision, keyId and shards.
   */
  static String revision(String organization, String orgId, String connector, List<Resource> resources,
      List<Entry> entries) {
    return hash(render(organization, orgId, connector, resources, entries));
  }

  /**
   * The revision a v1alpha2 part states for itself: the hash of its own canonical form without revision and keyId
   * — a primary's {@code shards} (names and revisions) included, so that it covers every shard.
   */
  static String ownRevision(Document part) {
    return hash(render(part.apiVersion(), part.kind(), part.organization(), part.orgId(), part.connector(),
        part.resources(), part.entries(), part.shards()));
  }

  /** The canonical v1alpha1 document without revision, keyId and shards: what its revision hashes. */
  static String render(String organization, String orgId, String connector, List<Resource> resources,
      List<Entry> entries) {
    return render(Document.API_VERSION, Document.KIND, organization, orgId, connector, resources, entries, null);
  }

  /**
   * A canonical document without revision and keyId, of any version and kind: {@code shards} null leaves the key
   * out; otherwise each is written as {@code {"name":…,"revision":…}} (v1alpha2).
   */
  static String render(String apiVersion, String kind, String organization, String orgId, String connector,
      List<Resource> resources, List<Entry> entries, List<Document.ShardRef> shards) {
    Canonical c = new Canonical();
    c.out.append('{');
    c.key("apiVersion").string(apiVersion).comma();
    c.key("kind").string(kind).comma();
    c.key("organization").string(organization).comma();
    c.key("orgId").string(orgId).comma();
    c.key("connector").string(connector).comma();
    c.key("resources").out.append('[');
    for (int i = 0; i < resources.size(); i++) {
      if (i > 0) {
        c.comma();
      }
      c.resource(resources.get(i));
    }
    c.out.append("],");
    c.key("entries").out.append('[');
    for (int i = 0; i < entries.size(); i++) {
      if (i > 0) {
        c.comma();
      }
      c.entry(entries.get(i));
    }
    c.out.append(']');
    if (shards != null) {
      c.comma().key("shards").out.append('[');
      for (int i = 0; i < shards.size(); i++) {
        if (i > 0) {
          c.comma();
        }
        c.out.append('{');
        c.key("name").string(shards.get(i).name()).comma();
        c.key("revision").string(shards.get(i).revision());
        c.out.append('}');
      }
      c.out.append(']');
    }
    c.out.append('}');
    return c.out.toString();
  }

  /** {@code sha256:} and the lowercase hex SHA-256 of {@code text}'s UTF-8 bytes. */
  static String hash(String text) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return "sha256:" + HexFormat.of().formatHex(hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  private void resource(Resource r) {
    out.append('{');
    key("name").string(r.name()).comma();
    key("type").string(r.type()).comma();
    key("projects").strings(r.projects()).comma();
    key("folders").strings(r.folders());
    out.append('}');
  }

  private void entry(Entry e) {
    out.append('{');
    key("subject").string(e.subject()).comma();
    key("subjectKind").string(e.subjectKind()).comma();
    key("subjectOrganization").string(e.subjectOrganization()).comma();
    if (!e.except().isEmpty()) {
      key("except").strings(e.except()).comma();
    }
    key("resource").string(e.resource()).comma();
    key("permissions").strings(e.permissions()).comma();
    key("grants").out.append('[');
    for (int i = 0; i < e.grants().size(); i++) {
      if (i > 0) {
        comma();
      }
      Grant g = e.grants().get(i);
      out.append('{');
      key("role").string(g.role()).comma();
      key("binding").string(g.binding()).comma();
      key("via").string(g.via()).comma();
      key("scope").string(g.scope()).comma();
      key("expiresAt").string(g.expiresAt() == null ? null : g.expiresAt().toString());
      out.append('}');
    }
    out.append("]}");
  }

  private Canonical key(String k) {
    string(k);
    out.append(':');
    return this;
  }

  private Canonical comma() {
    out.append(',');
    return this;
  }

  private Canonical strings(List<String> values) {
    out.append('[');
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        comma();
      }
      string(values.get(i));
    }
    out.append(']');
    return this;
  }

  private Canonical string(String s) {
    if (s == null) {
      out.append("null");
      return this;
    }
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
    return this;
  }
}
