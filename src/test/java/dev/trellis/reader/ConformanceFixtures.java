package dev.trellis.reader;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.trellis.model.grants.DocumentResource;
import dev.trellis.model.grants.Grant;
import dev.trellis.model.grants.GrantEntry;
import dev.trellis.model.grants.GrantsDocument;
import dev.trellis.projection.GrantsDocumentRenderer;
import dev.trellis.projection.GrantsProjector;
import dev.trellis.projection.GrantsProjector.Format;
import dev.trellis.projection.Projection;
import dev.trellis.projection.Revision;
import dev.trellis.projection.Signatures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Writes the conformance cases of config/schema/conformance with the operator's own renderer and signer, so that the
 * documents are genuine. The signing keys are fixed test keys kept in {@value #KEYS_FILE} (made once when absent).
 * {@code ConformanceFixturesTest} fails when the checked-in cases differ from what this generates; run it with
 * {@code -Dtrellis.conformance.write=true} to rewrite them.
 */
final class ConformanceFixtures {
  static final String KEYS_FILE = "test-signing-keys.json";
  static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final String ORG = "mrpaints";
  private static final String ORG_ID = "6f1c2a90";
  private static final String CONNECTOR = "conn-eu";
  private static final String PRIMARY = GrantsProjector.configMapName(CONNECTOR);

  private record TestKey(String keyId, String publicKey, PrivateKey privateKey) {}

  private final TestKey trusted;
  private final TestKey unknown;

  private ConformanceFixtures(TestKey trusted, TestKey unknown) {
    this.trusted = trusted;
    this.unknown = unknown;
  }

  /** The case files (name to content) the current renderer gives. */
  static Map<String, String> generate(Path dir) throws IOException {
    JsonNode keys = JSON.readTree(Files.readString(dir.resolve(KEYS_FILE)));
    ConformanceFixtures f = new ConformanceFixtures(key(keys.get("trusted")), key(keys.get("unknown")));
    Map<String, String> out = new TreeMap<>();
    f.cases().forEach(c -> out.put(c.get("name") + Conformance.CASE_SUFFIX, render(c)));
    return out;
  }

  /** Rewrites the case files (and makes the test keys if there are none). */
  static void write(Path dir) throws IOException {
    Files.createDirectories(dir);
    if (!Files.exists(dir.resolve(KEYS_FILE))) {
      Map<String, Object> keys = new LinkedHashMap<>();
      keys.put("note", "TEST ONLY. Fixed Ed25519 key pairs that sign the conformance cases. They sign nothing"
          + " else and must never be trusted outside these tests.");
      keys.put("trusted", newKey());
      keys.put("unknown", newKey());
      Files.writeString(dir.resolve(KEYS_FILE), JSON.writeValueAsString(keys) + "\n");
    }
    try (var old = Files.list(dir)) {
      for (Path p : old.filter(p -> p.getFileName().toString().endsWith(Conformance.CASE_SUFFIX)).toList()) {
        Files.delete(p);
      }
    }
    for (var e : generate(dir).entrySet()) {
      Files.writeString(dir.resolve(e.getKey()), e.getValue(), StandardCharsets.UTF_8);
    }
  }

  private List<Map<String, Object>> cases() {
    List<Map<String, Object>> out = new ArrayList<>();
    String keys = keysJson(null);

    Map<String, Map<String, String>> plain = signed(GrantsProjector.project(plain(), Integer.MAX_VALUE,
        trusted.keyId()), trusted);
    out.add(answers("plain", "One unsplit document: users matched without regard to case, permissions, unknown"
        + " resources and subjects.", plain, keys,
        List.of(
            q("alice.smith@mrpaints.com", "alerts.view", "ontap-london", true, "user-entry"),
            q("Alice.Smith@MRPAINTS.com", "alerts.manage", "ontap-london", true, "user-entry"),
            q("alice.smith@mrpaints.com", "resources.view", "ontap-london", false, "permission-not-granted"),
            q("krishna@globalpartners.com", "resources.view", "fsx-zürich", true, "user-entry"),
            q("krishna@globalpartners.com", "alerts.view", "fsx-zürich", false, "permission-not-granted"),
            q("alice.smith@mrpaints.com", "alerts.view", "fsx-zürich", false, "no-entry"),
            q("mallory@evil.example", "alerts.view", "ontap-london", false, "no-entry"),
            q("alice.smith@mrpaints.com", "alerts.view", "ontap-tokyo", false, "unknown-resource"))));

    int limit = splitLimit(big(0));
    Map<String, Map<String, String>> split = signed(GrantsProjector.project(big(0), limit, trusted.keyId()), trusted);
    out.add(answers("split", "A document split into a primary and two shards: the entries are the shards' in"
        + " order, and the revision is recomputed over the reassembled document.", split, keys,
        List.of(
            q("user00@mrpaints.com", "resources.view", "res-0", true, "user-entry"),
            q("user39@mrpaints.com", "resources.manage", "res-3", true, "user-entry"),
            q("user39@mrpaints.com", "resources.delete", "res-3", false, "permission-not-granted"),
            q("user39@mrpaints.com", "resources.view", "res-0", false, "no-entry"))));

    Map<String, Map<String, String>> stale = new LinkedHashMap<>(split);
    Map<String, Map<String, String>> older = signed(GrantsProjector.project(big(1), limit, trusted.keyId()), trusted);
    stale.put(PRIMARY + "-2", older.get(PRIMARY + "-2"));
    out.add(error("stale-shard", "The second shard still holds the previous revision (the reader met an update"
        + " half done): retry later.", stale, keys, GrantsException.Reason.INCONSISTENT));

    Map<String, Map<String, String>> domain = signed(GrantsProjector.project(domain(), Integer.MAX_VALUE,
        trusted.keyId()), trusted);
    out.add(answers("domain-except", "A single sign-on Domain entry with an except: an excepted member is denied, other"
        + " members of the domain get the Domain entry, an explicit user entry is the whole answer, other domains get"
        + " nothing.", domain, keys,
        List.of(
            q("bob@mrpaints.com", "alerts.view", "ontap-london", false, "excepted"),
            q("Bob@MrPaints.com", "dashboards.view", "ontap-london", false, "excepted"),
            q("carol@mrpaints.com", "dashboards.view", "ontap-london", true, "domain-entry"),
            q("carol@MRPAINTS.COM", "alerts.view", "ontap-london", true, "domain-entry"),
            q("carol@mrpaints.com", "alerts.manage", "ontap-london", false, "permission-not-granted"),
            q("alice@mrpaints.com", "alerts.manage", "ontap-london", true, "user-entry"),
            q("alice@mrpaints.com", "dashboards.view", "ontap-london", false, "permission-not-granted"),
            q("dave@otherpaints.com", "alerts.view", "ontap-london", false, "no-entry"),
            q("carol@eu.mrpaints.com", "alerts.view", "ontap-london", false, "no-entry"),
            q("*@mrpaints.com", "alerts.view", "ontap-london", false, "no-entry"))));

    Map<String, Map<String, String>> sa = signed(GrantsProjector.project(serviceAccounts(), Integer.MAX_VALUE,
        trusted.keyId()), trusted);
    out.add(answers("service-account", "ServiceAccount subjects (client ids) match exactly.", sa, keys, List.of(
        q("ci-pipeline", "resources.view", "ontap-london", true, "service-account-entry"),
        q("ci-pipeline", "resources.manage", "ontap-london", false, "permission-not-granted"),
        q("CI-Pipeline", "resources.view", "ontap-london", false, "no-entry"),
        q("mrpaints/backup-agent", "resources.manage", "ontap-london", true, "service-account-entry"),
        q("backup-agent", "resources.manage", "ontap-london", false, "no-entry"))));

    Map<String, Map<String, String>> expiring = signed(GrantsProjector.project(expiring(), Integer.MAX_VALUE,
        trusted.keyId()), trusted);
    out.add(answers("expired", "Expiry is fail-closed: an entry with any grant expired at now (expiresAt <= now)"
        + " grants nothing, and a user's own expired entry is still the whole answer.", expiring, keys,
        List.of(
            q("all@mrpaints.com", "alerts.view", "ontap-london", false, "expired"),
            q("partly@mrpaints.com", "resources.view", "ontap-london", false, "expired"),
            q("partly@mrpaints.com", "alerts.view", "ontap-london", false, "expired"),
            q("edge@mrpaints.com", "alerts.view", "ontap-london", false, "expired"),
            q("later@mrpaints.com", "alerts.view", "ontap-london", true, "user-entry"),
            q("carol@mrpaints.com", "dashboards.view", "ontap-london", true, "domain-entry"))));

    Map<String, Map<String, String>> tampered = new LinkedHashMap<>(split);
    String shard1 = split.get(PRIMARY + "-1").get(GrantsReader.DATA_KEY);
    String forged = tamper(shard1);
    tampered.put(PRIMARY + "-1", data(forged, split.get(PRIMARY + "-1").get(GrantsReader.SIGNATURE_KEY)));
    out.add(error("tampered-shard", "A shard's grants.json was changed (one user given resources.delete) and kept"
        + " its signature: the signature no longer verifies.", tampered, keys, GrantsException.Reason.BAD_SIGNATURE));

    Map<String, Map<String, String>> resigned = new LinkedHashMap<>(split);
    String reKeyed = forged.replace("\"keyId\":\"" + trusted.keyId() + "\"", "\"keyId\":\"" + unknown.keyId() + "\"");
    resigned.put(PRIMARY + "-1", data(reKeyed, Signatures.sign(unknown.privateKey(), reKeyed)));
    out.add(error("unknown-key", "The tampered shard re-signed with a key that is not in keys.json, and naming it.",
        resigned, keys, GrantsException.Reason.UNKNOWN_KEY));

    Map<String, Map<String, String>> mismatch = new LinkedHashMap<>();
    String changed = plain.get(PRIMARY).get(GrantsReader.DATA_KEY).replace(
        "\"permissions\":[\"resources.view\"]", "\"permissions\":[\"resources.delete\",\"resources.view\"]");
    mismatch.put(PRIMARY, data(changed, Signatures.sign(trusted.privateKey(), changed)));
    out.add(error("revision-mismatch", "Entries changed and signed again with the real key, but the revision left as"
        + " it was: the recomputed revision differs.", mismatch, keys, GrantsException.Reason.REVISION_MISMATCH));

    Map<String, Map<String, String>> unsigned = new LinkedHashMap<>();
    GrantsProjector.project(plain(), Integer.MAX_VALUE, null).configMaps()
        .forEach((name, json) -> unsigned.put(name, Map.of(GrantsReader.DATA_KEY, json)));
    out.add(error("unsigned", "A document without keyId and grants.json.sig.", unsigned, keys,
        GrantsException.Reason.UNSIGNED));

    out.add(error("retired-key", "Signed by a key retired 31 days before now: no longer trusted.", plain,
        keysJson(NOW.minusSeconds(31L * 24 * 3600).toString()), GrantsException.Reason.UNKNOWN_KEY));
    out.add(answers("recently-retired-key", "Signed by a key retired 29 days before now: still trusted.", plain,
        keysJson(NOW.minusSeconds(29L * 24 * 3600).toString()), List.of(
            q("alice.smith@mrpaints.com", "alerts.view", "ontap-london", true, "user-entry"))));
    out.addAll(v1alpha2Cases(keys));
    return out;
  }

  /** Format v1alpha2 (shards by resource): genuine documents from the projector, and forgeries of them. */
  private List<Map<String, Object>> v1alpha2Cases(String keys) {
    List<Map<String, Object>> out = new ArrayList<>();
    Map<String, Map<String, String>> plain =
        signed(GrantsProjector.project(plain(), GrantsProjector.DEFAULT_LIMIT_BYTES,
            trusted.keyId(), Format.V1ALPHA2, GrantsProjector.DEFAULT_RESOURCES_PER_SHARD), trusted);
    require(plain.size() == 1, "v2-plain is one ConfigMap");
    out.add(answers("v2-plain", "Format v1alpha2, unsharded: the whole document in the primary, as in v1alpha1 but"
        + " with apiVersion iam.trellis.dev/v1alpha2 (part of what the revision hashes).", plain, keys,
        List.of(
            q("Alice.Smith@MRPAINTS.com", "alerts.manage", "ontap-london", true, "user-entry"),
            q("alice.smith@mrpaints.com", "resources.view", "ontap-london", false, "permission-not-granted"),
            q("krishna@globalpartners.com", "resources.view", "fsx-zürich", true, "user-entry"),
            q("alice.smith@mrpaints.com", "alerts.view", "fsx-zürich", false, "no-entry"),
            q("alice.smith@mrpaints.com", "alerts.view", "ontap-tokyo", false, "unknown-resource"))));

    // One resource per bucket on average: four buckets, of which two hold resources (res-0 and res-3 in bucket 1,
    // res-1 and res-2 in bucket 2), so the shards are conn-eu-grants-2 and -3.
    Map<String, Map<String, String>> sharded = signed(GrantsProjector.project(big(0),
        GrantsProjector.DEFAULT_LIMIT_BYTES, trusted.keyId(), Format.V1ALPHA2, 1), trusted);
    String res0 = shardHolding(sharded, "res-0");
    String res1 = shardHolding(sharded, "res-1");
    require(sharded.size() >= 3 && !res0.equals(res1), "v2-sharded has two shards, res-0 and res-1 apart");
    out.add(answers("v2-sharded", "Format v1alpha2 with resources-per-shard 1: a primary naming two shards"
        + " (buckets 2 and 3 of 4; empty buckets have no ConfigMap) with their revisions. Each shard holds some"
        + " resources and their entries and has a revision of its own; the document is their union.", sharded, keys,
        List.of(
            q("user00@mrpaints.com", "resources.view", "res-0", true, "user-entry"),
            q("user15@mrpaints.com", "resources.view", "res-1", true, "user-entry"),
            q("user25@mrpaints.com", "resources.view", "res-2", true, "user-entry"),
            q("user39@mrpaints.com", "resources.manage", "res-3", true, "user-entry"),
            q("user39@mrpaints.com", "resources.delete", "res-3", false, "permission-not-granted"),
            q("user39@mrpaints.com", "resources.view", "res-1", false, "no-entry"),
            q("user00@mrpaints.com", "resources.view", "res-4", false, "unknown-resource"))));

    int limit = partsLimit(big(0));
    Map<String, Map<String, String>> parts = signed(GrantsProjector.project(big(0), limit, trusted.keyId(),
        Format.V1ALPHA2, GrantsProjector.DEFAULT_RESOURCES_PER_SHARD), trusted);
    require(parts.keySet().equals(Set.of(PRIMARY, PRIMARY + "-1", PRIMARY + "-1-2")), "v2-parts has two parts");
    out.add(answers("v2-parts", "Format v1alpha2, one bucket larger than the size limit: it continues in parts"
        + " conn-eu-grants-1 and conn-eu-grants-1-2; the first holds the bucket's resources, the second an empty"
        + " resources array and the entries that did not fit.", parts, keys,
        List.of(
            q("user00@mrpaints.com", "resources.view", "res-0", true, "user-entry"),
            q("user39@mrpaints.com", "resources.manage", "res-3", true, "user-entry"),
            q("user39@mrpaints.com", "resources.view", "res-0", false, "no-entry"))));

    Map<String, Map<String, String>> stale = new LinkedHashMap<>(sharded);
    Map<String, Map<String, String>> older = signed(GrantsProjector.project(big(1),
        GrantsProjector.DEFAULT_LIMIT_BYTES, trusted.keyId(), Format.V1ALPHA2, 1), trusted);
    require(!older.get(res0).equals(sharded.get(res0)), "the older document differs in res-0's shard");
    stale.put(res0, older.get(res0));
    out.add(error("v2-stale-shard", "A genuine shard of the previous version (its own revision is right, but not the"
        + " one the primary names): the reader met an update half done, retry later.", stale, keys,
        GrantsException.Reason.INCONSISTENT));

    String shard = sharded.get(res0).get(GrantsReader.DATA_KEY);
    String forged = tamper(shard);
    require(!sharded.get(res0).containsKey(GrantsReader.SIGNATURE_KEY) && !shard.contains("\"keyId\""),
        "v1alpha2 shards are not signed");
    Map<String, Map<String, String>> mismatch = new LinkedHashMap<>(sharded);
    mismatch.put(res0, data(forged, Signatures.sign(trusted.privateKey(), forged)));
    out.add(error("v2-shard-revision-mismatch", "A shard's entries changed (one user given resources.delete), even"
        + " signed with the real key, its revision left as it was: the revision recomputed over the shard differs"
        + " from the one it states.", mismatch, keys, GrantsException.Reason.REVISION_MISMATCH));

    Document parsed = Document.parse(res0, forged);
    String restated = forged.replace(parsed.revision(), Canonical.ownRevision(parsed));
    Map<String, Map<String, String>> tampered = new LinkedHashMap<>(sharded);
    tampered.put(res0, data(restated, null));
    out.add(error("v2-forged-shard", "A shard's entries changed (one user given resources.delete) and its revision"
        + " restated to match its new content: shards are not signed, but the signed primary names another revision"
        + " for it.", tampered, keys, GrantsException.Reason.INCONSISTENT));

    Map<String, Map<String, String>> legacy = new LinkedHashMap<>(sharded);
    legacy.replaceAll((name, data) -> {
      if (name.equals(PRIMARY)) {
        return data;
      }
      Document s = Document.parse(name, data.get(GrantsReader.DATA_KEY));
      String named = data.get(GrantsReader.DATA_KEY).replace("\"revision\":\"" + s.revision() + "\"",
          "\"revision\":\"" + s.revision() + "\",\"keyId\":\"" + unknown.keyId() + "\"");
      return data(named, Signatures.sign(unknown.privateKey(), named));
    });
    out.add(answers("v2-signed-shards", "Shards as earlier operators wrote them, each naming a key and signed (here"
        + " with a key that is not in keys.json): a shard's keyId and signature are not part of its revision and"
        + " are not checked; the signed primary authenticates the shards.", legacy, keys,
        List.of(q("user00@mrpaints.com", "resources.view", "res-0", true, "user-entry"),
            q("user39@mrpaints.com", "resources.delete", "res-3", false, "permission-not-granted"))));

    Map<String, Map<String, String>> shardAsPrimary = new LinkedHashMap<>(sharded);
    String asPrimary = sharded.get(res0).get(GrantsReader.DATA_KEY).replace("\"revision\":\""
        + Document.parse(res0, shard).revision() + "\"",
        "\"revision\":\"" + Document.parse(res0, shard).revision()
            + "\",\"keyId\":\"" + trusted.keyId() + "\"");
    shardAsPrimary.put(PRIMARY, data(asPrimary, Signatures.sign(trusted.privateKey(), asPrimary)));
    out.add(error("v2-shard-as-primary", "A genuine shard (kind GrantsDocumentShard), named and signed with the real"
        + " key, where the primary belongs: it holds only some resources' entries and is never a whole document.",
        shardAsPrimary, keys, GrantsException.Reason.MALFORMED));

    // Forged with the real renderer and key, revisions right: only the layout is wrong.
    GrantsDocument d = big(0);
    List<DocumentResource> rs = d.resources();
    Map<String, Map<String, String>> duplicate = cutAndSign(d, List.of(
        part(PRIMARY + "-1", d, rs.subList(0, 2), rs.subList(0, 2)),
        part(PRIMARY + "-2", d, rs.subList(1, 4), rs.subList(2, 4))));
    out.add(error("v2-duplicate-resource", "Two shards both list res-1 (the second without its entries); every"
        + " revision and signature is right. A resource in two shards is no document.", duplicate, keys,
        GrantsException.Reason.MALFORMED));

    Map<String, Map<String, String>> orphan = cutAndSign(d, List.of(
        part(PRIMARY + "-1", d, rs.subList(0, 2), rs.subList(0, 2)),
        part(PRIMARY + "-2", d, rs.subList(3, 4), rs.subList(2, 4))));
    out.add(error("v2-entry-without-resource", "The second shard holds the entries of res-2, which no shard lists;"
        + " every revision and signature is right. An entry on no listed resource is no document.", orphan, keys,
        GrantsException.Reason.MALFORMED));
    return out;
  }

  /** A v1alpha2 shard {@code name} listing {@code resources} and holding the entries on {@code entriesOf}. */
  private static V2Part part(String name, GrantsDocument d, List<DocumentResource> resources,
      List<DocumentResource> entriesOf) {
    Set<String> names = new HashSet<>();
    entriesOf.forEach(r -> names.add(r.name()));
    return new V2Part(name, resources, d.entries().stream().filter(e -> names.contains(e.resource())).toList());
  }

  private record V2Part(String name, List<DocumentResource> resources, List<GrantEntry> entries) {}

  /** A v1alpha2 primary and shards cut as given, not as the projector would: rendered and signed as it does. */
  private Map<String, Map<String, String>> cutAndSign(GrantsDocument d, List<V2Part> parts) {
    Map<String, String> revisions = new LinkedHashMap<>();
    Map<String, String> shards = new LinkedHashMap<>();
    for (V2Part p : parts) {
      List<String> entries = GrantsDocumentRenderer.entries(p.entries());
      String revision = Revision.of(GrantsDocumentRenderer.renderShard(d, null, null, p.resources(), entries));
      shards.put(p.name(), GrantsDocumentRenderer.renderShard(d, revision, null, p.resources(), entries));
      revisions.put(p.name(), revision);
    }
    String revision = Revision.of(GrantsDocumentRenderer.renderPrimary(d, null, null, revisions));
    Map<String, String> out = new LinkedHashMap<>();
    out.put(PRIMARY, GrantsDocumentRenderer.renderPrimary(d, revision, trusted.keyId(), revisions));
    out.putAll(shards);
    return signed(new Projection(out, revision, shards.keySet()), trusted);
  }

  /** The shard ConfigMap whose resources include {@code resource}. */
  private static String shardHolding(Map<String, Map<String, String>> cms, String resource) {
    return cms.entrySet().stream()
        .filter(e -> !e.getKey().equals(PRIMARY)
            && e.getValue().get(GrantsReader.DATA_KEY).contains("{\"name\":\"" + resource + "\",\"type\""))
        .map(Map.Entry::getKey).findFirst().orElseThrow();
  }

  /** The largest limit at which {@code d}, in one v1alpha2 bucket, continues in exactly two parts. */
  private static int partsLimit(GrantsDocument d) {
    int whole = GrantsProjector.project(d, Integer.MAX_VALUE, "ed25519-0000000000000000", Format.V1ALPHA2,
        GrantsProjector.DEFAULT_RESOURCES_PER_SHARD).configMaps().values().iterator().next()
        .getBytes(StandardCharsets.UTF_8).length;
    for (int limit = whole - 1; limit > 0; limit -= 16) {
      int size = GrantsProjector.project(d, limit, "ed25519-0000000000000000", Format.V1ALPHA2,
          GrantsProjector.DEFAULT_RESOURCES_PER_SHARD).configMaps().size();
      if (size == 3) {
        return limit;
      }
    }
    throw new IllegalStateException("no limit cuts the bucket in two parts");
  }

  private static void require(boolean condition, String what) {
    if (!condition) {
      throw new IllegalStateException("conformance fixtures: expected " + what);
    }
  }

  // ---- documents ----

  private static GrantsDocument plain() {
    return new GrantsDocument(ORG, ORG_ID, CONNECTOR, List.of(
        new DocumentResource("fsx-zürich", "FSx", List.of(), List.of("europe")),
        new DocumentResource("ontap-london", "ONTAPCluster", List.of("london"), List.of())),
        sorted(List.of(
            user("krishna@globalpartners.com", "globalpartners", "fsx-zürich", List.of("resources.view"),
                grant("viewer", "krishna-viewer", "Partnership/globalpartners", "Folder/europe", null)),
            user("Alice.Smith@mrpaints.com", ORG, "ontap-london", List.of("alerts.manage", "alerts.view"),
                grant("alerts-admin", "alice-alerts", "Member/alice", "Organization", null)))));
  }

  /** 40 users on four resources; {@code variant} 1 is the same but one permission richer (an older revision). */
  private static GrantsDocument big(int variant) {
    List<GrantEntry> entries = new ArrayList<>();
    List<DocumentResource> resources = new ArrayList<>();
    for (int r = 0; r < 4; r++) {
      resources.add(new DocumentResource("res-" + r, "FSx", List.of(), List.of()));
      for (int u = r * 10; u < r * 10 + 10; u++) {
        List<String> permissions = r == 3 || (variant == 1 && u == 0)
            ? List.of("resources.manage", "resources.view") : List.of("resources.view");
        entries.add(user(String.format("user%02d@mrpaints.com", u), ORG, "res-" + r, permissions,
            grant(permissions.size() > 1 ? "resource-admin" : "viewer", "b-" + u, "Member/user" + u, "Organization",
                null)));
      }
    }
    return new GrantsDocument(ORG, ORG_ID, CONNECTOR, resources, sorted(entries));
  }

  private static GrantsDocument domain() {
    Grant guest = grant("observability-guest", null, "SingleSignOn/mrpaints.com", "Organization", null);
    return new GrantsDocument(ORG, ORG_ID, CONNECTOR,
        List.of(new DocumentResource("ontap-london", "ONTAPCluster", List.of(), List.of())),
        sorted(List.of(
            new GrantEntry("*@mrpaints.com", "Domain", ORG, "ontap-london", List.of("alerts.view", "dashboards.view"),
                List.of(guest), List.of("bob@mrpaints.com")),
            user("alice@mrpaints.com", ORG, "ontap-london", List.of("alerts.manage", "alerts.view"),
                grant("observability-admin", "alice-admin", "Member/alice", "Organization", null)))));
  }

  private static GrantsDocument serviceAccounts() {
    return new GrantsDocument(ORG, ORG_ID, CONNECTOR,
        List.of(new DocumentResource("ontap-london", "ONTAPCluster", List.of(), List.of())),
        sorted(List.of(
            new GrantEntry("ci-pipeline", "ServiceAccount", ORG, "ontap-london", List.of("resources.view"),
                List.of(grant("viewer", "ci-viewer", "Member/ci", "Organization", null))),
            new GrantEntry("mrpaints/backup-agent", "ServiceAccount", ORG, "ontap-london",
                List.of("resources.manage", "resources.view"),
                List.of(grant("resource-admin", "backup", "Member/backup-agent", "Organization", null))))));
  }

  private static GrantsDocument expiring() {
    Instant past = Instant.parse("2026-12-01T00:00:00Z");
    Instant future = Instant.parse("2026-12-31T00:00:00Z");
    return new GrantsDocument(ORG, ORG_ID, CONNECTOR,
        List.of(new DocumentResource("ontap-london", "ONTAPCluster", List.of(), List.of())),
        sorted(List.of(
            new GrantEntry("*@mrpaints.com", "Domain", ORG, "ontap-london", List.of("dashboards.view"),
                List.of(grant("observability-guest", null, "SingleSignOn/mrpaints.com", "Organization", null))),
            user("all@mrpaints.com", ORG, "ontap-london", List.of("alerts.view"),
                grant("alerts-viewer", "all-temp", "Member/all", "Organization", past)),
            user("partly@mrpaints.com", ORG, "ontap-london", List.of("alerts.view", "resources.view"),
                grant("alerts-viewer", "partly-temp", "Member/partly", "Organization", past),
                grant("viewer", "partly-viewer", "Member/partly", "Organization", null)),
            user("edge@mrpaints.com", ORG, "ontap-london", List.of("alerts.view"),
                grant("alerts-viewer", "edge-temp", "Member/edge", "Organization", NOW)),
            user("later@mrpaints.com", ORG, "ontap-london", List.of("alerts.view"),
                grant("alerts-viewer", "later-temp", "Member/later", "Organization", future)))));
  }

  // ---- helpers ----

  /** The largest limit that splits {@code d} into exactly two shards. */
  private static int splitLimit(GrantsDocument d) {
    int whole = GrantsProjector.project(d, Integer.MAX_VALUE, "ed25519-0000000000000000").configMaps()
        .values().iterator().next().getBytes(StandardCharsets.UTF_8).length;
    for (int limit = whole - 1; limit > 0; limit -= 16) {
      if (GrantsProjector.project(d, limit, "ed25519-0000000000000000").configMaps().size() == 3) {
        return limit;
      }
    }
    throw new IllegalStateException("no limit splits the document in two");
  }

  /** One user's resources.view becomes resources.delete too: a forged grant. */
  private static String tamper(String json) {
    String from = "\"permissions\":[\"resources.view\"]";
    int at = json.indexOf(from);
    if (at < 0) {
      throw new IllegalStateException("nothing to tamper with");
    }
    return json.substring(0, at) + "\"permissions\":[\"resources.delete\",\"resources.view\"]"
        + json.substring(at + from.length());
  }

  private static List<GrantEntry> sorted(List<GrantEntry> entries) {
    return entries.stream().sorted(Comparator.comparing(GrantEntry::resource).thenComparing(GrantEntry::subject))
        .toList();
  }

  private static GrantEntry user(String subject, String org, String resource, List<String> permissions,
      Grant... grants) {
    return new GrantEntry(subject, "User", org, resource, permissions, List.of(grants));
  }

  private static Grant grant(String role, String binding, String via, String scope, Instant expiresAt) {
    return new Grant(role, binding, via, scope, expiresAt);
  }

  /** The ConfigMaps' data as the operator writes them: each signed, but v1alpha2 shards (not signed). */
  private static Map<String, Map<String, String>> signed(Projection p, TestKey key) {
    Map<String, Map<String, String>> out = new LinkedHashMap<>();
    p.configMaps().forEach((name, json) -> out.put(name,
        data(json, p.signed(name) ? Signatures.sign(key.privateKey(), json) : null)));
    return out;
  }

  /** A ConfigMap's data: {@code json}, and its signature unless null. */
  private static Map<String, String> data(String json, String signature) {
    Map<String, String> data = new LinkedHashMap<>();
    data.put(GrantsReader.DATA_KEY, json);
    if (signature != null) {
      data.put(GrantsReader.SIGNATURE_KEY, signature);
    }
    return data;
  }

  /** keys.json as the operator publishes it, with the trusted key (retired at {@code retiredAt}, or not). */
  private String keysJson(String retiredAt) {
    Map<String, Object> key = new LinkedHashMap<>();
    key.put("keyId", trusted.keyId());
    key.put("algorithm", "Ed25519");
    key.put("publicKey", trusted.publicKey());
    key.put("since", "2026-11-01T00:00:00Z");
    key.put("retiredAt", retiredAt);
    try {
      return new ObjectMapper().writeValueAsString(Map.of("keys", List.of(key)));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Conformance.Question q(String subject, String permission, String resource, boolean allowed,
      String rule) {
    return new Conformance.Question(subject, permission, resource, allowed, rule);
  }

  private static Map<String, Object> base(String name, String description, Map<String, Map<String, String>> cms,
      String keys) {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("name", name);
    c.put("description", description);
    c.put("now", NOW.toString());
    c.put("keys", keys);
    c.put("primary", PRIMARY);
    c.put("configMaps", cms);
    return c;
  }

  private static Map<String, Object> answers(String name, String description, Map<String, Map<String, String>> cms,
      String keys, List<Conformance.Question> questions) {
    Map<String, Object> c = base(name, description, cms, keys);
    List<Map<String, Object>> qs = new ArrayList<>();
    for (Conformance.Question q : questions) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("subject", q.subject());
      m.put("permission", q.permission());
      m.put("resource", q.resource());
      m.put("allowed", q.allowed());
      m.put("rule", q.rule());
      qs.add(m);
    }
    c.put("questions", qs);
    return c;
  }

  private static Map<String, Object> error(String name, String description, Map<String, Map<String, String>> cms,
      String keys, GrantsException.Reason reason) {
    Map<String, Object> c = base(name, description, cms, keys);
    c.put("error", reason.name());
    return c;
  }

  private static String render(Map<String, Object> c) {
    try {
      return JSON.writeValueAsString(c) + "\n";
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, String> newKey() {
    KeyPair pair = Signatures.generate();
    Map<String, String> k = new LinkedHashMap<>();
    k.put("keyId", Signatures.keyId(pair.getPublic()));
    k.put("publicKey", Signatures.encode(pair.getPublic()));
    k.put("privateKey", Signatures.encode(pair.getPrivate()));
    return k;
  }

  private static TestKey key(JsonNode k) {
    return new TestKey(k.get("keyId").asText(), k.get("publicKey").asText(),
        Signatures.privateKey(k.get("privateKey").asText()));
  }
}
