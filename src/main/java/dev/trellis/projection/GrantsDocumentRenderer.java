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
    return render(GrantsDocument.API_VERSION, GrantsDocument.KIND, d, revision, keyId, resources, entries,
        shards == null ? null : j -> j.field("shards", shards));
  }

  /**
   * A v1alpha2 primary that names its shards: empty {@code resources} and {@code entries}, then {@code shards}, each
   * {@code {"name", "revision"}} in order ({@code shards} maps name to revision, in iteration order).
   */
  public static String renderPrimary(GrantsDocument d, String revision, String keyId,
      Map<String, String> shards) {
    return render(GrantsProjector.Format.V1ALPHA2.apiVersion(), GrantsDocument.KIND, d, revision, keyId, List.of(),
        List.of(), j -> {
          j.beginArray("shards");
          shards.forEach((name, rev) -> j.raw(new CanonicalJson().beginObject()
              .field("name", name)
              .field("revision", rev)
              .endObject().toString()));
          j.endArray();
        });
  }

  /** A v1alpha2 shard: some resources and entries, kind {@code GrantsDocumentShard}, its own revision. */
  public static String renderShard(GrantsDocument d, String revision, String keyId, List<DocumentResource> resources,
      List<String> entries) {
    return render(GrantsProjector.Format.V1ALPHA2.apiVersion(), GrantsProjector.SHARD_KIND, d, revision, keyId,
        resources, entries, null);
  }

  /** A whole document (or v1alpha1 part) of the given apiVersion. */
  static String render(String apiVersion, GrantsDocument d, String revision, String keyId,
      List<DocumentResource> resources, List<String> entries) {
    return render(apiVersion, GrantsDocument.KIND, d, revision, keyId, resources, entries, null);
  }

  private static String render(String apiVersion, String kind, GrantsDocument d, String revision, String keyId,
      List<DocumentResource> resources, List<String> entries, java.util.function.Consumer<CanonicalJson> shards) {
    CanonicalJson j = new CanonicalJson().beginObject()
        .field("apiVersion", apiVersion)
        .field("kind", kind)
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
      shards.accept(j);
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
