package dev.trellis.reader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.trellis.model.grants.GrantsDocument;
import dev.trellis.projection.GrantsProjector;
import dev.trellis.projection.Projection;
import dev.trellis.projection.Signatures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.KeyPair;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GrantsReaderTest {
  static final KeyPair KEY = Signatures.generate();
  static final String KEY_ID = Signatures.keyId(KEY.getPublic());
  static final String KEYS_JSON = "{\"keys\":[{\"keyId\":\"" + KEY_ID + "\",\"algorithm\":\"Ed25519\",\"publicKey\":\""
      + Signatures.encode(KEY.getPublic()) + "\",\"since\":\"2026-12-01T00:00:00Z\",\"retiredAt\":null}]}";
  static final TrustedKeys KEYS = TrustedKeys.parse(KEYS_JSON);

  @TempDir
  Path tmp;

  /** ConfigMap name to data, signed, as the operator writes them. */
  static Map<String, Map<String, String>> signed(GrantsDocument d, int limit) {
    Projection p = GrantsProjector.project(d, limit, KEY_ID);
    Map<String, Map<String, String>> out = new LinkedHashMap<>();
    p.configMaps().forEach((name, json) -> out.put(name, Map.of(GrantsReader.DATA_KEY, json,
        GrantsReader.SIGNATURE_KEY, Signatures.sign(KEY.getPrivate(), json))));
    return out;
  }

  static Snapshot assemble(Map<String, Map<String, String>> cms) {
    Map<String, Map<String, String>> shards = new LinkedHashMap<>(cms);
    return GrantsReader.assemble(shards.remove("conn-eu-grants"), shards, KEYS);
  }

  @Test
  void readsASignedSplitDocument() {
    var cms = signed(CanonicalTest.many(100), 3000);
    assertThat(cms).hasSizeGreaterThan(2);

    Snapshot s = assemble(cms);

    assertThat(s.organization()).isEqualTo("mrpaints");
    assertThat(s.orgId()).isEqualTo("6f1c");
    assertThat(s.connector()).isEqualTo("conn-eu");
    assertThat(s.keyId()).isEqualTo(KEY_ID);
    assertThat(s.verified()).isTrue();
    assertThat(s.entries()).hasSize(100);
    assertThat(s.entriesOn("res-0")).hasSize(7);
    assertThat(s.allowed("user99@mrpaints.com", "resources.view", "res-14")).isTrue();
    assertThat(s.holders("resources.view", "res-14", Instant.now())).extracting(Entry::subject)
        .contains("user99@mrpaints.com");
  }

  @Test
  void refusesWhatIsMissingOrBroken() {
    var cms = signed(CanonicalTest.many(100), 3000);
    assertReason(() -> GrantsReader.assemble(null, Map.of(), KEYS), GrantsException.Reason.MISSING);
    var withoutShard = new LinkedHashMap<>(cms);
    withoutShard.remove("conn-eu-grants-2");
    assertReason(() -> assemble(withoutShard), GrantsException.Reason.MISSING);
    assertReason(() -> GrantsReader.assemble(Map.of(GrantsReader.DATA_KEY, "{\"apiVersion\":1}"), Map.of(), KEYS),
        GrantsException.Reason.MALFORMED);
    assertReason(() -> GrantsReader.assemble(Map.of(GrantsReader.DATA_KEY, "[]"), Map.of(), KEYS),
        GrantsException.Reason.MALFORMED);
    String json = cms.get("conn-eu-grants").get(GrantsReader.DATA_KEY);
    String extra = json.replace("\"resources\":", "\"extra\":1,\"resources\":");
    assertReason(() -> GrantsReader.assemble(Map.of(GrantsReader.DATA_KEY, extra), Map.of(), TrustedKeys.none()),
        GrantsException.Reason.MALFORMED);
    assertReason(() -> GrantsReader.assemble(Map.of(GrantsReader.DATA_KEY, json), Map.of(), KEYS),
        GrantsException.Reason.UNSIGNED);
  }

  @Test
  void refusesAShardOfAnotherConnectorEvenWithTheSameRevisionText() {
    var cms = signed(CanonicalTest.many(100), 3000);
    String shard = cms.get("conn-eu-grants-1").get(GrantsReader.DATA_KEY)
        .replace("\"connector\":\"conn-eu\"", "\"connector\":\"conn-us\"");
    var forged = new LinkedHashMap<>(cms);
    forged.put("conn-eu-grants-1", Map.of(GrantsReader.DATA_KEY, shard));

    Map<String, Map<String, String>> shards = new LinkedHashMap<>(forged);
    assertReason(() -> GrantsReader.assemble(shards.remove("conn-eu-grants"), shards, TrustedKeys.none()),
        GrantsException.Reason.MALFORMED);
  }

  @Test
  void noneTrustsUnsignedDocumentsAndSaysSo() {
    Projection p = GrantsProjector.project(CanonicalTest.many(3));
    Snapshot s = GrantsReader.assemble(Map.of(GrantsReader.DATA_KEY, p.configMaps().get("conn-eu-grants")), Map.of(),
        TrustedKeys.none());
    assertThat(s.verified()).isFalse();
    assertThat(s.keyId()).isNull();
    assertThat(s.revision()).isEqualTo(p.revision());
  }

  @Test
  void readsTheKubeletLayoutThroughItsDataLink() throws IOException {
    var cms = signed(CanonicalTest.many(100), 3000);
    Path dir = tmp.resolve("grants");
    mount(dir, cms.get("conn-eu-grants"), "..2026_12_03_10_00_00.1");
    cms.forEach((name, data) -> {
      if (!name.equals("conn-eu-grants")) {
        mount(dir.resolve(name), data, "..2026_12_03_10_00_00.1");
      }
    });

    assertThat(GrantsReader.fromDirectory(dir, KEYS).entries()).hasSize(100);

    // A new version: the kubelet writes a fresh directory and swaps ..data.
    var next = signed(CanonicalTest.many(101), 3000);
    mount(dir, next.get("conn-eu-grants"), "..2026_12_03_10_05_00.2");
    assertReason(() -> GrantsReader.fromDirectory(dir, KEYS), GrantsException.Reason.INCONSISTENT);
    next.forEach((name, data) -> {
      if (!name.equals("conn-eu-grants")) {
        mount(dir.resolve(name), data, "..2026_12_03_10_05_00.2");
      }
    });
    assertThat(GrantsReader.fromDirectory(dir, KEYS).entries()).hasSize(101);
  }

  @Test
  void findsShardsMountedBesideThePrimary() {
    var cms = signed(CanonicalTest.many(100), 3000);
    cms.forEach((name, data) -> mount(tmp.resolve(name), data, "..v1"));

    assertThat(GrantsReader.fromDirectory(tmp.resolve("conn-eu-grants"), KEYS).entries()).hasSize(100);
  }

  @Test
  void readsThroughTheApiServerAndRetriesAnUpdateHalfDone() throws IOException {
    var old = signed(CanonicalTest.many(100), 3000);
    var current = signed(CanonicalTest.many(101), 3000);
    AtomicInteger shardReads = new AtomicInteger();
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/api/v1/namespaces/trellis-system/configmaps/trellis-signing-keys", exchange -> {
      byte[] body = configMap("trellis-signing-keys", Map.of("keys.json", KEYS_JSON)).getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.createContext("/api/v1/namespaces/org-mrpaints/configmaps/", exchange -> {
      String name = exchange.getRequestURI().getPath().replaceFirst(".*/", "");
      boolean authorized = "Bearer t0ken".equals(exchange.getRequestHeaders().getFirst("Authorization"));
      // The first read of a shard still sees the previous revision.
      Map<String, String> data = name.equals("conn-eu-grants-1") && shardReads.getAndIncrement() == 0
          ? old.get(name) : current.get(name);
      byte[] body = data == null ? new byte[0] : configMap(name, data).getBytes(StandardCharsets.UTF_8);
      int status = !authorized ? 401 : data == null ? 404 : 200;
      exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
      if (body.length > 0) {
        exchange.getResponseBody().write(body);
      }
      exchange.close();
    });
    server.start();
    try {
      URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
      TrustedKeys keys = TrustedKeys.fromApi(ApiAccess.of(uri, "t0ken", null), "trellis-system");
      Snapshot s = GrantsReader.fromApi(ApiAccess.of(uri, "t0ken", null), "org-mrpaints", "conn-eu", keys);

      assertThat(s.entries()).hasSize(101);
      assertThat(shardReads.get()).isEqualTo(2);
      assertReason(() -> GrantsReader.fromApi(ApiAccess.of(uri, "t0ken", null), "org-mrpaints", "conn-us", KEYS),
          GrantsException.Reason.MISSING);
      assertReason(() -> GrantsReader.fromApi(ApiAccess.of(uri, "wrong", null), "org-mrpaints", "conn-eu", KEYS),
          GrantsException.Reason.MISSING);
    } finally {
      server.stop(0);
    }
  }

  @Test
  void keysRetiredLongAgoAreNotTrusted() {
    var cms = signed(CanonicalTest.many(3), Integer.MAX_VALUE);
    TrustedKeys retired = TrustedKeys.parse(KEYS_JSON.replace("\"retiredAt\":null",
        "\"retiredAt\":\"2026-11-01T00:00:00Z\""));
    Map<String, String> primary = cms.get("conn-eu-grants");

    assertThat(GrantsReader.assemble(primary, Map.of(), retired, Instant.parse("2026-11-30T23:59:59Z"))).isNotNull();
    assertReason(() -> GrantsReader.assemble(primary, Map.of(), retired, Instant.parse("2026-12-01T00:00:00Z")),
        GrantsException.Reason.UNKNOWN_KEY);
    assertReason(() -> TrustedKeys.parse("{\"keys\":[{\"keyId\":\"k\",\"algorithm\":\"RSA\",\"publicKey\":\"x\"}]}"),
        GrantsException.Reason.MALFORMED);
  }

  /** A ConfigMap as the API server returns it (the kit's own writer is enough for a data map of strings). */
  static String configMap(String name, Map<String, String> data) {
    StringBuilder b = new StringBuilder("{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"")
        .append(name).append("\"},\"data\":{");
    String sep = "";
    for (var e : data.entrySet()) {
      b.append(sep).append('"').append(e.getKey()).append("\":").append(quote(e.getValue()));
      sep = ",";
    }
    return b.append("}}").toString();
  }

  private static String quote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  /** Mounts {@code data} as the kubelet does: files in a timestamped directory, {@code ..data} linking to it. */
  static void mount(Path dir, Map<String, String> data, String version) {
    try {
      Files.createDirectories(dir.resolve(version));
      for (var e : data.entrySet()) {
        Files.writeString(dir.resolve(version).resolve(e.getKey()), e.getValue(), StandardCharsets.UTF_8);
        Path link = dir.resolve(e.getKey());
        if (!Files.isSymbolicLink(link)) {
          Files.createSymbolicLink(link, Path.of("..data").resolve(e.getKey()));
        }
      }
      Path tmpLink = dir.resolve("..data_tmp");
      Files.deleteIfExists(tmpLink);
      Files.createSymbolicLink(tmpLink, Path.of(version));
      Files.move(tmpLink, dir.resolve("..data"), StandardCopyOption.ATOMIC_MOVE,
          StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void assertReason(Runnable r, GrantsException.Reason reason) {
    assertThatThrownBy(r::run).isInstanceOfSatisfying(GrantsException.class,
        e -> assertThat(e.reason()).as(e.getMessage()).isEqualTo(reason));
  }
}
