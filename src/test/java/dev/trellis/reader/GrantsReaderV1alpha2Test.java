package dev.trellis.reader;

import static dev.trellis.reader.GrantsReaderTest.KEY;
import static dev.trellis.reader.GrantsReaderTest.KEYS;
import static dev.trellis.reader.GrantsReaderTest.KEY_ID;
import static dev.trellis.reader.GrantsReaderTest.assertReason;
import static dev.trellis.reader.GrantsReaderTest.configMap;
import static dev.trellis.reader.GrantsReaderTest.mount;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.trellis.model.grants.GrantsDocument;
import dev.trellis.projection.GrantsProjector;
import dev.trellis.projection.Signatures;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading v1alpha2 documents (shards by resource), built by hand from the spec with the kit's canonical writer. */
class GrantsReaderV1alpha2Test {
  static final String PRIMARY = "conn-eu-grants";

  @TempDir
  Path tmp;

  /** The operator's v1alpha1 rendering of {@code d}, parsed: the header, resources and entries to cut. */
  static Document whole(GrantsDocument d) {
    return Document.parse("v1alpha1", GrantsProjector.project(d, Integer.MAX_VALUE).configMaps().values().iterator()
        .next());
  }

  static List<HandBuiltV1alpha2.Part> cut(Document d, int perShard) {
    return HandBuiltV1alpha2.cut(d.connector(), d.resources(), d.entries(), perShard);
  }

  /** ConfigMap name to signed data, primary first. */
  /** The ConfigMaps' data as the operator writes them: documents signed with {@code KEY}, shards not signed. */
  static Map<String, Map<String, String>> signed(Map<String, String> jsonByName) {
    Map<String, Map<String, String>> out = new LinkedHashMap<>();
    jsonByName.forEach((name, json) -> out.put(name, json.contains("\"kind\":\"" + Document.SHARD_KIND + "\"")
        ? Map.of(GrantsReader.DATA_KEY, json) : data(json, KEY)));
    return out;
  }

  static Map<String, String> data(String json, KeyPair key) {
    return Map.of(GrantsReader.DATA_KEY, json, GrantsReader.SIGNATURE_KEY, Signatures.sign(key.getPrivate(), json));
  }

  static Map<String, Map<String, String>> sharded(GrantsDocument d, int perShard) {
    Document w = whole(d);
    return signed(HandBuiltV1alpha2.document(w, cut(w, perShard), KEY_ID));
  }

  static Snapshot assemble(Map<String, Map<String, String>> cms) {
    Map<String, Map<String, String>> shards = new LinkedHashMap<>(cms);
    return GrantsReader.assemble(shards.remove(PRIMARY), shards, KEYS);
  }

  static String json(Map<String, Map<String, String>> cms, String name) {
    return cms.get(name).get(GrantsReader.DATA_KEY);
  }

  @Test
  void readsAShardedDocumentAsTheSameViewAsTheWholeOne() {
    GrantsDocument d = CanonicalTest.many(100);
    var cms = sharded(d, 4);
    assertThat(cms).hasSizeGreaterThan(3);
    assertThat(json(cms, PRIMARY))
        .startsWith("{\"apiVersion\":\"iam.trellis.dev/v1alpha2\",\"kind\":\"GrantsDocument\"")
        .contains("\"resources\":[],\"entries\":[],\"shards\":[{\"name\":\"conn-eu-grants-");

    Snapshot s = assemble(cms);

    Document w = whole(d);
    assertThat(s.revision()).isEqualTo(Document.parse("p", json(cms, PRIMARY)).revision());
    assertThat(s.keyId()).isEqualTo(KEY_ID);
    assertThat(s.verified()).isTrue();
    // Back in document order (many() numbers its resources: res-10 sorts before res-2, as the operator sorts).
    assertThat(s.resources()).isEqualTo(w.resources().stream().sorted(Comparator.comparing(Resource::name)).toList());
    assertThat(s.entries()).isEqualTo(w.entries().stream().sorted(Comparator.comparing(Entry::resource)).toList());
    assertThat(s.allowed("user99@mrpaints.com", "resources.view", "res-14")).isTrue();
    assertThat(s.decide("user99@mrpaints.com", "resources.view", "res-0", Instant.now()).rule()).isEqualTo("no-entry");
  }

  @Test
  void readsAnUnshardedDocumentAndItsEscapes() {
    Document w = whole(CanonicalTest.awkward());
    String json = HandBuiltV1alpha2.whole(w, w.resources(), w.entries(), KEY_ID);

    Snapshot s = GrantsReader.assemble(data(json, KEY), Map.of(), KEYS);

    assertThat(s.entries()).isEqualTo(w.entries());
    assertThat(s.resources()).isEqualTo(w.resources());
    assertThat(s.revision()).isNotEqualTo(w.revision()); // the apiVersion is part of what the revision hashes
  }

  @Test
  void aBucketInPartsHoldsItsResourcesInTheFirstPartOnly() {
    Document w = whole(CanonicalTest.many(30));
    List<Resource> rs = w.resources();
    List<Entry> first = w.entries().stream().filter(e -> e.resource().equals("res-0")).toList();
    List<Entry> rest = w.entries().stream().filter(e -> !e.resource().equals("res-0")).toList();
    List<HandBuiltV1alpha2.Part> parts = List.of(
        new HandBuiltV1alpha2.Part("conn-eu-grants-1", rs, first.subList(0, 3)),
        new HandBuiltV1alpha2.Part("conn-eu-grants-1-2", List.of(), first.subList(3, first.size())),
        new HandBuiltV1alpha2.Part("conn-eu-grants-1-3", List.of(), rest));

    Snapshot s = assemble(signed(HandBuiltV1alpha2.document(w, parts, KEY_ID)));

    assertThat(s.entries()).isEqualTo(w.entries());
  }

  @Test
  void refusesAShardWhoseContentChangedUnderItsRevision() {
    var cms = sharded(CanonicalTest.many(100), 4);
    String name = shardNames(cms).get(1);
    String forged = json(cms, name).replace("\"permissions\":[\"resources.view\"]",
        "\"permissions\":[\"resources.delete\",\"resources.view\"]");
    assertThat(forged).isNotEqualTo(json(cms, name));

    var changed = new LinkedHashMap<>(cms);
    changed.put(name, Map.of(GrantsReader.DATA_KEY, forged));
    assertReason(() -> assemble(changed), GrantsException.Reason.REVISION_MISMATCH);
    // Even signed with the operator's own key: a shard's signature is not what authenticates it.
    var resigned = new LinkedHashMap<>(cms);
    resigned.put(name, data(forged, KEY));
    assertReason(() -> assemble(resigned), GrantsException.Reason.REVISION_MISMATCH);

    // A forger who also restates the shard's revision meets the one the signed primary names for it.
    Document parsed = Document.parse(name, forged);
    String restated = forged.replace(parsed.revision(), Canonical.ownRevision(parsed));
    assertThat(restated).isNotEqualTo(forged);
    var consistent = new LinkedHashMap<>(cms);
    consistent.put(name, Map.of(GrantsReader.DATA_KEY, restated));
    assertReason(() -> assemble(consistent), GrantsException.Reason.INCONSISTENT);
    // And a primary naming that revision no longer verifies under the operator's signature.
    String primary = json(cms, PRIMARY).replace(parsed.revision(), Canonical.ownRevision(parsed));
    consistent.put(PRIMARY, Map.of(GrantsReader.DATA_KEY, primary, GrantsReader.SIGNATURE_KEY,
        cms.get(PRIMARY).get(GrantsReader.SIGNATURE_KEY)));
    assertReason(() -> assemble(consistent), GrantsException.Reason.BAD_SIGNATURE);
  }

  @Test
  void aGenuineShardOfAnotherRevisionIsAnUpdateHalfDone() {
    var cms = sharded(CanonicalTest.many(100), 4);
    var next = sharded(CanonicalTest.many(101), 4);
    String changed = shardNames(next).stream().filter(n -> cms.containsKey(n) && !json(cms, n).equals(json(next, n)))
        .findFirst().orElseThrow();
    var stale = new LinkedHashMap<>(next);
    stale.put(changed, cms.get(changed));

    assertReason(() -> assemble(stale), GrantsException.Reason.INCONSISTENT);
  }

  @Test
  void refusesAPrimaryWhoseShardListChangedUnderItsRevision() {
    var cms = sharded(CanonicalTest.many(100), 4);
    String primary = json(cms, PRIMARY);
    String dropped = primary.replaceFirst("\\{\"name\":\"conn-eu-grants-\\d+\",\"revision\":\"sha256:[0-9a-f]{64}\"},",
        "");
    assertThat(dropped).isNotEqualTo(primary);
    var forged = new LinkedHashMap<>(cms);
    forged.put(PRIMARY, data(dropped, KEY));

    assertReason(() -> assemble(forged), GrantsException.Reason.REVISION_MISMATCH);
  }

  @Test
  void partsInTheWrongPlaceAreMalformed() {
    var cms = sharded(CanonicalTest.many(100), 4);
    String first = shardNames(cms).get(0);
    // A genuine shard is no whole document.
    assertReason(() -> GrantsReader.assemble(cms.get(first), Map.of(), KEYS), GrantsException.Reason.MALFORMED);
    // Nor is a genuine primary, or an unsharded document, a shard.
    var primaryAsShard = new LinkedHashMap<>(cms);
    primaryAsShard.put(first, cms.get(PRIMARY));
    assertReason(() -> assemble(primaryAsShard), GrantsException.Reason.MALFORMED);
    Document w = whole(CanonicalTest.many(100));
    var wholeAsShard = new LinkedHashMap<>(cms);
    wholeAsShard.put(first, data(HandBuiltV1alpha2.whole(w, w.resources(), w.entries(), KEY_ID), KEY));
    assertReason(() -> assemble(wholeAsShard), GrantsException.Reason.MALFORMED);
    // A v1alpha1 document where a v1alpha2 shard belongs, and the other way round.
    var v1 = GrantsReaderTest.signed(CanonicalTest.many(100), 3000);
    var v1AsShard = new LinkedHashMap<>(cms);
    v1AsShard.put(first, v1.get("conn-eu-grants-1"));
    assertReason(() -> assemble(v1AsShard), GrantsException.Reason.MALFORMED);
    var v2InV1 = new LinkedHashMap<>(v1);
    v2InV1.put("conn-eu-grants-1", cms.get(first));
    assertReason(() -> GrantsReaderTest.assemble(v2InV1), GrantsException.Reason.MALFORMED);
    // A shard of another connector, genuine and signed.
    Document other = whole(CanonicalTest.many(100));
    Document otherHeader = new Document(other.apiVersion(), other.kind(), other.organization(), other.orgId(),
        "conn-us", other.revision(), other.keyId(), other.resources(), other.entries(), null);
    var foreign = new LinkedHashMap<>(cms);
    foreign.put(first, data(HandBuiltV1alpha2.shard(otherHeader, cut(other, 4).get(0), KEY_ID), KEY));
    assertReason(() -> assemble(foreign), GrantsException.Reason.MALFORMED);
  }

  @Test
  void theUnionOfTheShardsMustBeOneDocument() {
    Document w = whole(CanonicalTest.many(30));
    List<Resource> rs = w.resources();
    List<Entry> es = w.entries();
    var p1 = new HandBuiltV1alpha2.Part("conn-eu-grants-1", rs.subList(0, 3), entriesOn(es, rs.subList(0, 3)));
    var p2 = new HandBuiltV1alpha2.Part("conn-eu-grants-2", rs.subList(3, rs.size()),
        entriesOn(es, rs.subList(3, rs.size())));
    assertThat(assemble(signed(HandBuiltV1alpha2.document(w, List.of(p1, p2), KEY_ID))).entries()).isEqualTo(es);

    // A resource in two shards.
    var twice = new HandBuiltV1alpha2.Part("conn-eu-grants-2", rs.subList(2, rs.size()),
        entriesOn(es, rs.subList(3, rs.size())));
    assertReason(() -> assemble(signed(HandBuiltV1alpha2.document(w, List.of(p1, twice), KEY_ID))),
        GrantsException.Reason.MALFORMED);
    // A resource twice in one shard.
    List<Resource> doubled = new ArrayList<>(rs.subList(3, rs.size()));
    doubled.add(rs.get(3));
    var inOne = new HandBuiltV1alpha2.Part("conn-eu-grants-2", doubled, entriesOn(es, rs.subList(3, rs.size())));
    assertReason(() -> assemble(signed(HandBuiltV1alpha2.document(w, List.of(p1, inOne), KEY_ID))),
        GrantsException.Reason.MALFORMED);
    // Entries on a resource no shard lists.
    var orphans = new HandBuiltV1alpha2.Part("conn-eu-grants-2", rs.subList(4, rs.size()),
        entriesOn(es, rs.subList(3, rs.size())));
    assertReason(() -> assemble(signed(HandBuiltV1alpha2.document(w, List.of(p1, orphans), KEY_ID))),
        GrantsException.Reason.MALFORMED);
    // The same shard named twice.
    assertReason(() -> assemble(signed(HandBuiltV1alpha2.document(w, List.of(p1, p1), KEY_ID))),
        GrantsException.Reason.MALFORMED);
  }

  @Test
  void aPrimaryWithShardsHoldsNothingElseAndNamesThemExactly() {
    var cms = sharded(CanonicalTest.many(30), 4);
    String primary = json(cms, PRIMARY);
    String withEntries = reRevised(primary.replace("\"entries\":[]", "\"entries\":[" + firstEntry(cms) + "]"));
    String withResources = reRevised(primary.replace("\"resources\":[]",
        "\"resources\":[{\"name\":\"x\",\"type\":\"t\",\"projects\":[],\"folders\":[]}]"));
    String extraKey = primary.replaceFirst("\\{\"name\":", "{\"extra\":1,\"name\":");
    String names = primary.replaceAll("\\{\"name\":(\"[^\"]*\"),\"revision\":\"sha256:[0-9a-f]{64}\"}", "$1");
    String badRevision = primary.replaceFirst("(\"name\":\"[^\"]*\",\"revision\":)\"sha256:[0-9a-f]{64}\"",
        "$1\"sha256:x\"");
    String badName = primary.replaceFirst("\"name\":\"conn-eu-grants-", "\"name\":\"../conn-eu-grants-");
    for (String json : List.of(withEntries, withResources, extraKey, names, badRevision, badName)) {
      assertThat(json).isNotEqualTo(primary);
      var forged = new LinkedHashMap<>(cms);
      forged.put(PRIMARY, data(json, KEY));
      assertReason(() -> assemble(forged), GrantsException.Reason.MALFORMED);
    }
    // A shard naming shards.
    String first = shardNames(cms).get(0);
    String shardWithShards = json(cms, first).replaceFirst("}$", ",\"shards\":[]}");
    var forged = new LinkedHashMap<>(cms);
    forged.put(first, data(shardWithShards, KEY));
    assertReason(() -> assemble(forged), GrantsException.Reason.MALFORMED);
  }

  @Test
  void aMissingShardIsMissingAndAShardNeedsNoSignatureOfItsOwn() {
    var cms = sharded(CanonicalTest.many(100), 4);
    String last = shardNames(cms).get(shardNames(cms).size() - 1);
    var without = new LinkedHashMap<>(cms);
    without.remove(last);
    assertReason(() -> assemble(without), GrantsException.Reason.MISSING);

    assertThat(cms.get(last)).doesNotContainKey(GrantsReader.SIGNATURE_KEY);
    assertThat(json(cms, last)).doesNotContain("keyId");
    assertThat(assemble(cms).entries()).hasSize(100);
    // Shards as earlier operators wrote them, naming a key and signed (here by a key nobody trusts): not checked.
    KeyPair other = Signatures.generate();
    Document header = Document.parse(last, json(cms, last));
    String named = json(cms, last).replace("\"revision\":\"" + header.revision() + "\"",
        "\"revision\":\"" + header.revision() + "\",\"keyId\":\"ed25519-00000000000000ff\"");
    var signedByOthers = new LinkedHashMap<>(cms);
    signedByOthers.put(last, data(named, other));
    assertThat(assemble(signedByOthers).entries()).hasSize(100);
    // The primary's signature is still required.
    var primaryUnsigned = new LinkedHashMap<>(cms);
    primaryUnsigned.put(PRIMARY, Map.of(GrantsReader.DATA_KEY, json(cms, PRIMARY)));
    assertReason(() -> assemble(primaryUnsigned), GrantsException.Reason.UNSIGNED);
    Map<String, Map<String, String>> none = new LinkedHashMap<>(cms);
    none.replaceAll((n, data) -> Map.of(GrantsReader.DATA_KEY, data.get(GrantsReader.DATA_KEY)));
    Map<String, Map<String, String>> shards = new LinkedHashMap<>(none);
    Snapshot s = GrantsReader.assemble(shards.remove(PRIMARY), shards, TrustedKeys.none());
    assertThat(s.verified()).isFalse();
    assertThat(s.entries()).hasSize(100);
  }

  @Test
  void readsTheKubeletLayout() {
    var cms = sharded(CanonicalTest.many(100), 4);
    Path dir = tmp.resolve("grants");
    cms.forEach((name, data) -> mount(name.equals(PRIMARY) ? dir : dir.resolve(name), data, "..v1"));

    assertThat(GrantsReader.fromDirectory(dir, KEYS).entries()).hasSize(100);

    var next = sharded(CanonicalTest.many(101), 4);
    mount(dir, next.get(PRIMARY), "..v2");
    assertReason(() -> GrantsReader.fromDirectory(dir, KEYS), GrantsException.Reason.INCONSISTENT);
    next.forEach((name, data) -> {
      if (!name.equals(PRIMARY)) {
        mount(dir.resolve(name), data, "..v2");
      }
    });
    assertThat(GrantsReader.fromDirectory(dir, KEYS).entries()).hasSize(101);
  }

  @Test
  void readsThroughTheApiServerAgainWhenAShardWasJustDeleted() throws IOException {
    // Before: two shards. After: the resources of the second are gone, the first is unchanged, and the operator
    // deleted the second right after writing the new primary; the first read met the old primary, then no shard.
    Document w = whole(CanonicalTest.many(63));
    List<Resource> rs = w.resources();
    var p1 = new HandBuiltV1alpha2.Part("conn-eu-grants-1", rs.subList(0, 5), entriesOn(w.entries(), rs.subList(0, 5)));
    var p2 = new HandBuiltV1alpha2.Part("conn-eu-grants-2", rs.subList(5, rs.size()),
        entriesOn(w.entries(), rs.subList(5, rs.size())));
    Map<String, Map<String, String>> old = signed(HandBuiltV1alpha2.document(w, List.of(p1, p2), KEY_ID));
    Map<String, Map<String, String>> current = signed(HandBuiltV1alpha2.document(w, List.of(p1), KEY_ID));
    AtomicInteger primaryReads = new AtomicInteger();
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/api/v1/namespaces/org-mrpaints/configmaps/", exchange -> {
      String name = exchange.getRequestURI().getPath().replaceFirst(".*/", "");
      Map<String, String> data = name.equals(PRIMARY) && primaryReads.getAndIncrement() == 0 ? old.get(name)
          : current.get(name);
      byte[] body = data == null ? new byte[0] : configMap(name, data).getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(data == null ? 404 : 200, body.length == 0 ? -1 : body.length);
      if (body.length > 0) {
        exchange.getResponseBody().write(body);
      }
      exchange.close();
    });
    server.start();
    try {
      URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
      Snapshot s = GrantsReader.fromApi(ApiAccess.of(uri, "t", null), "org-mrpaints", "conn-eu", KEYS);

      assertThat(s.resources()).hasSize(5);
      assertThat(primaryReads.get()).isEqualTo(2);
    } finally {
      server.stop(0);
    }
  }

  static List<String> shardNames(Map<String, Map<String, String>> cms) {
    return cms.keySet().stream().filter(n -> !n.equals(PRIMARY)).toList();
  }

  private static List<Entry> entriesOn(List<Entry> entries, List<Resource> resources) {
    List<String> names = resources.stream().map(Resource::name).toList();
    return entries.stream().filter(e -> names.contains(e.resource())).toList();
  }

  private static String firstEntry(Map<String, Map<String, String>> cms) {
    String shard = json(cms, shardNames(cms).get(0));
    int start = shard.indexOf("\"entries\":[") + "\"entries\":[".length();
    int end = shard.indexOf("]}", start) + 2;
    return shard.substring(start, end);
  }

  /** {@code json} with its revision made right again, so that only the change under test is wrong. */
  private static String reRevised(String json) {
    Document d = Document.parse("forged", json);
    String canonical = Canonical.render(d.apiVersion(), d.kind(), d.organization(), d.orgId(), d.connector(),
        d.resources(), d.entries(), d.shards());
    return json.replace(d.revision(), Canonical.hash(canonical));
  }
}
