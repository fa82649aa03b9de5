package dev.trellis.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * INTERIM — TO BE REPLACED by the reader kit {@code dev.trellis.reader} ({@code GrantsReader.assemble(primary,
 * shards, TrustedKeys)} returning a {@code Snapshot}). Its records and method names mirror that API on purpose so
 * that the swap is mechanical: {@code InterimDocument.assemble(primary, shards)} becomes
 * {@code GrantsReader.assemble(primary, shards, TrustedKeys.parse(keysJson))}, {@code InterimDocument.Entry/Grant/
 * Decision} become the kit's records, {@link Invalid} becomes {@code GrantsException}. Unlike the kit it does NOT
 * verify signatures. It implements the connector's rule of docs/grants-document.md (own entry, else the Domain
 * entry unless excepted) and the split layout (shards concatenated, revisions equal).
 */
public final class InterimDocument {
  static final String GRANTS_KEY = "grants.json";

  /** One subject's access to one resource, as the document states it. */
  public record Entry(String subject, String subjectKind, String subjectOrganization, List<String> except,
      String resource, List<String> permissions, List<Grant> grants) {
    boolean domain() {
      return "Domain".equals(subjectKind);
    }

    /** Live while one of its grants has not expired at {@code now}. */
    boolean liveAt(Instant now) {
      return grants.stream().anyMatch(g -> g.expiresAt() == null || g.expiresAt().isAfter(now));
    }
  }

  /** Why an entry holds its permissions: a role given by a binding (or single sign-on), where and through what. */
  public record Grant(String role, String binding, String via, String scope, Instant expiresAt) {}

  /** A connector's answer for one subject, permission and resource, and the rule that gave it. */
  public record Decision(boolean allowed, String rule, Optional<Entry> entry, String explanation) {}

  /** A resource the document covers. */
  public record Resource(String name, String type, List<String> projects, List<String> folders) {}

  /** The document could not be read as a whole; {@code reason} mirrors the kit's GrantsException reasons. */
  public static final class Invalid extends Exception {
    private final String reason;

    Invalid(String reason, String message) {
      super(message);
      this.reason = reason;
    }

    public String reason() {
      return reason;
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String organization;
  private final String orgId;
  private final String connector;
  private final String revision;
  private final String keyId;
  private final List<Resource> resources;
  private final List<Entry> entries;

  private InterimDocument(JsonNode primary, List<Entry> entries) {
    this.organization = text(primary, "organization");
    this.orgId = text(primary, "orgId");
    this.connector = text(primary, "connector");
    this.revision = text(primary, "revision");
    this.keyId = text(primary, "keyId");
    List<Resource> rs = new ArrayList<>();
    primary.path("resources").forEach(r -> rs.add(new Resource(text(r, "name"), text(r, "type"),
        strings(r.path("projects")), strings(r.path("folders")))));
    this.resources = List.copyOf(rs);
    this.entries = List.copyOf(entries);
  }

  /** Reads a primary ConfigMap's data and its shards' data (by ConfigMap name) into one document. */
  public static InterimDocument assemble(Map<String, String> primaryData,
      Map<String, Map<String, String>> shardDataByConfigMapName) throws Invalid {
    JsonNode primary = parse(primaryData, "the primary ConfigMap");
    List<Entry> entries = new ArrayList<>(entries(primary));
    for (JsonNode name : primary.path("shards")) {
      Map<String, String> data = shardDataByConfigMapName.get(name.asText());
      if (data == null) {
        throw new Invalid("MISSING", "shard " + name.asText() + " listed by the primary is missing");
      }
      JsonNode shard = parse(data, "shard " + name.asText());
      if (!java.util.Objects.equals(text(primary, "revision"), text(shard, "revision"))) {
        throw new Invalid("REVISION_MISMATCH", "shard " + name.asText() + " has revision " + text(shard, "revision")
            + " but the primary " + text(primary, "revision") + ": the document is being updated, try again");
      }
      entries.addAll(entries(shard));
    }
    return new InterimDocument(primary, entries);
  }

  public String organization() {
    return organization;
  }

  public String orgId() {
    return orgId;
  }

  public String connector() {
    return connector;
  }

  public String revision() {
    return revision;
  }

  public String keyId() {
    return keyId;
  }

  public List<Resource> resources() {
    return resources;
  }

  public List<Entry> entries() {
    return entries;
  }

  public List<Entry> entriesOn(String resource) {
    return entries.stream().filter(e -> e.resource().equals(resource)).toList();
  }

  /**
   * The connector's rule: the subject's own entries on the resource are its access, nothing else; without one, the
   * Domain entry of its e-mail domain unless it is in that entry's {@code except}; otherwise nothing.
   */
  public Decision decide(String subject, String permission, String resource, Instant now) {
    List<Entry> own = entriesOn(resource).stream()
        .filter(e -> !e.domain() && e.subject().equalsIgnoreCase(subject)).toList();
    if (!own.isEmpty()) {
      Optional<Entry> holding = own.stream()
          .filter(e -> e.permissions().contains(permission) && e.liveAt(now)).findFirst();
      return holding.map(e -> new Decision(true, "subject", Optional.of(e),
              subject + " holds " + permission + " on " + resource + " through its own entry"))
          .orElseGet(() -> new Decision(false, "subject", Optional.of(own.get(0)),
              subject + " has an entry of its own on " + resource + " without " + permission
                  + (own.stream().anyMatch(e -> e.permissions().contains(permission)) ? " (its grants expired)" : "")
                  + "; its own entry replaces the default roles of its domain"));
    }
    int at = subject.lastIndexOf('@');
    if (at > 0) {
      String domain = "*" + subject.substring(at).toLowerCase(Locale.ROOT);
      Optional<Entry> byDomain = entriesOn(resource).stream()
          .filter(e -> e.domain() && e.subject().equalsIgnoreCase(domain)).findFirst();
      if (byDomain.isPresent()) {
        Entry e = byDomain.get();
        if (e.except().stream().anyMatch(subject::equalsIgnoreCase)) {
          return new Decision(false, "domain-except", byDomain,
              subject + " is excepted from " + domain + " (a disabled member of the domain)");
        }
        boolean allowed = e.permissions().contains(permission) && e.liveAt(now);
        return new Decision(allowed, "domain", byDomain, allowed
            ? subject + " holds " + permission + " on " + resource + " through the single sign-on entry " + domain
            : "the single sign-on entry " + domain + " on " + resource + " does not include " + permission);
      }
    }
    return new Decision(false, "none", Optional.empty(),
        "no entry on " + resource + " names " + subject + (at > 0 ? " or its domain" : ""));
  }

  /** The live entries on the resource that hold the permission: its holders, Domain entries included. */
  public List<Entry> holders(String permission, String resource, Instant now) {
    return entriesOn(resource).stream().filter(e -> e.permissions().contains(permission) && e.liveAt(now)).toList();
  }

  private static JsonNode parse(Map<String, String> data, String what) throws Invalid {
    String json = data == null ? null : data.get(GRANTS_KEY);
    if (json == null) {
      throw new Invalid("MISSING", what + " has no " + GRANTS_KEY);
    }
    try {
      JsonNode node = JSON.readTree(json);
      if (node == null || !node.isObject() || !node.path("entries").isArray()) {
        throw new Invalid("MALFORMED", what + " is not a grants document");
      }
      return node;
    } catch (IOException e) {
      throw new Invalid("MALFORMED", what + " is not JSON: " + e.getMessage());
    }
  }

  private static List<Entry> entries(JsonNode document) {
    List<Entry> out = new ArrayList<>();
    for (JsonNode e : document.path("entries")) {
      List<Grant> grants = new ArrayList<>();
      for (JsonNode g : e.path("grants")) {
        String expires = text(g, "expiresAt");
        grants.add(new Grant(text(g, "role"), text(g, "binding"), text(g, "via"), text(g, "scope"),
            expires == null ? null : Instant.parse(expires)));
      }
      out.add(new Entry(text(e, "subject"), text(e, "subjectKind"), text(e, "subjectOrganization"),
          strings(e.path("except")), text(e, "resource"), strings(e.path("permissions")), List.copyOf(grants)));
    }
    return out;
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return List.copyOf(out);
  }
}
