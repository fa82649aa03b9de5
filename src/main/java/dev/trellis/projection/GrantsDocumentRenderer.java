package dev.trellis.projection;

import dev.trellis.model.grants.DocumentResource;
import dev.trellis.model.grants.Grant;
import dev.trellis.model.grants.GrantEntry;
import dev.trellis.model.grants.GrantsDocument;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Renders grants documents, whole or in parts, in the canonical key order of DESIGN §3. */
public final class GrantsDocumentRenderer {

  private GrantsDocumentRenderer() {}

  /**
   * Renders a document. {@code revision} null leaves the key out (that form is what the revision hashes);
   * {@code shards} null leaves the {@code shards} key out (unsplit documents and shards).
   */
  public static String render(GrantsDocument d, String revision, List<DocumentResource> resources,
      List<String> entries, List<String> shards) {
    return render(d, revision, null, resources, entries, shards);
  }

  /**
   * Renders a document signed with the key {@code keyId} (null: unsigned, no {@code keyId} key). The key id is not
   * part of what the revision hashes: the revision says which grants, whichever key signed them.
   */
  public static String render(GrantsDocument d, String revision, String keyId, List<DocumentResource> resources,
      List<String> entries, List<String> shards) {
    CanonicalJson j = new CanonicalJson().beginObject()
        .field("apiVersion", GrantsDocument.API_VERSION)
        .field("kind", GrantsDocument.KIND)
        .field("organization", d.organization())
        .field("orgId", d.orgId())
        .field("connector", d.connector());
    if (revision != null) {
      j.field("revision", revision);
    }
    if (keyId != null) {
      j.field("keyId", keyId);
    }
    j.beginArray("resources");
    resources.forEach(r -> j.raw(resource(r)));
    j.endArray().beginArray("entries");
    entries.forEach(j::raw);
    j.endArray();
    if (shards != null) {
      j.field("shards", shards);
    }
    return j.endObject().toString();
  }

  /** The whole document in one piece. */
  public static String render(GrantsDocument d, String revision) {
    return render(d, revision, d.resources(), entries(d.entries()), null);
  }

  /**
   * Each entry rendered on its own, in document order, so that splitting can measure and pack them. A grant, and
   * a list of permissions, recur on every resource a binding reaches: each is rendered once.
   */
  public static List<String> entries(List<GrantEntry> entries) {
    Map<Grant, String> grants = new HashMap<>();
    Map<List<String>, String> permissions = new HashMap<>();
    List<String> out = new ArrayList<>(entries.size());
    for (GrantEntry e : entries) {
      out.add(entry(e, grants, permissions));
    }
    return Collections.unmodifiableList(out);
  }

  static String resource(DocumentResource r) {
    return new CanonicalJson().beginObject()
        .field("name", r.name())
        .field("type", r.type())
        .field("projects", r.projects())
        .field("folders", r.folders())
        .endObject().toString();
  }

  static String entry(GrantEntry e) {
    return entry(e, new HashMap<>(), new HashMap<>());
  }

  private static String entry(GrantEntry e, Map<Grant, String> grants, Map<List<String>, String> permissions) {
    CanonicalJson j = new CanonicalJson().beginObject()
        .field("subject", e.subject())
        .field("subjectKind", e.subjectKind())
        .field("subjectOrganization", e.subjectOrganization());
    if (!e.except().isEmpty()) {
      j.field("except", e.except());
    }
    j.field("resource", e.resource())
        .raw("permissions", permissions.computeIfAbsent(e.permissions(), CanonicalJson::array))
        .beginArray("grants");
    e.grants().forEach(g -> j.raw(grants.computeIfAbsent(g, GrantsDocumentRenderer::grant)));
    return j.endArray().endObject().toString();
  }

  static String grant(Grant g) {
    return new CanonicalJson().beginObject()
        .field("role", g.role())
        .field("binding", g.binding())
        .field("via", g.via())
        .field("scope", g.scope())
        .field("expiresAt", g.expiresAt() == null ? null : g.expiresAt().toString())
        .endObject().toString();
  }
}
