package dev.trellis.projection;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trellis.model.grants.Grant;
import dev.trellis.model.grants.GrantEntry;
import dev.trellis.model.grants.GrantsDocument;
import dev.trellis.projection.GrantsProjector.Format;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Format v1alpha2: shards by resource, named with their revisions by the primary (docs/grants-document.md). */
class ShardedProjectionTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String V2 = "iam.trellis.dev/v1alpha2";
  static final int LIMIT = GrantsProjector.DEFAULT_LIMIT_BYTES;

  static Projection v2(GrantsDocument d) {
    return GrantsProjector.project(d, LIMIT, "ed25519-0123456789abcdef", Format.V1ALPHA2, 4);
  }

  @Test
  void bucketsAreTheFirstFourBytesOfTheNamesSha256ModuloTheirNumber() {
    // Values computed independently (Python: int.from_bytes(sha256(name)[:4], "big") % n).
    assertThat(GrantsProjector.bucket("ontap-london", 8)).isEqualTo(4);
    assertThat(GrantsProjector.bucket("ontap-london", 256)).isEqualTo(220);
    assertThat(GrantsProjector.bucket("res-000", 8)).isEqualTo(6);
    assertThat(GrantsProjector.bucket("res-001", 8)).isEqualTo(3);
    assertThat(GrantsProjector.bucket("res-007", 256)).isEqualTo(141);
  }

  @Test
  void theNumberOfBucketsIsThePowerOfTwoThatKeepsFourResourcesOrFewerEach() {
    assertThat(GrantsProjector.buckets(0, 4)).isEqualTo(1);
    assertThat(GrantsProjector.buckets(4, 4)).isEqualTo(1);
    assertThat(GrantsProjector.buckets(5, 4)).isEqualTo(2);
    assertThat(GrantsProjector.buckets(20, 4)).isEqualTo(8);
    assertThat(GrantsProjector.buckets(33, 4)).isEqualTo(16);
    assertThat(GrantsProjector.buckets(100_000, 4)).isEqualTo(256);
    assertThat(GrantsProjector.buckets(20, 0)).isEqualTo(32); // at least one per bucket
  }

  @Test
  void aSmallDocumentIsOneConfigMapAsInV1alpha1WithTheNewApiVersion() {
    GrantsDocument d = GrantsProjectorTest.small();
    Projection p = GrantsProjector.project(d, LIMIT, null, Format.V1ALPHA2, 4);

    String expected = GrantsProjectorTest.SMALL_WITHOUT_REVISION.replace("iam.trellis.dev/v1alpha1", V2);
    assertThat(p.configMaps()).containsOnlyKeys("conn-eu-grants");
    assertThat(p.revision()).isEqualTo(Revision.of(expected));
    assertThat(p.configMaps().get("conn-eu-grants")).isEqualTo(expected.replace("\"connector\":\"conn-eu\",",
        "\"connector\":\"conn-eu\",\"revision\":\"" + p.revision() + "\","));
  }

  @Test
  void eachResourceIsInTheShardOfItsBucketWithAllItsEntries() throws Exception {
    GrantsDocument d = GrantsProjectorTest.big(200); // 40 resources, 5 entries each -> 16 buckets
    Projection p = v2(d);
    int buckets = GrantsProjector.buckets(40, 4);
    assertThat(buckets).isEqualTo(16);

    JsonNode primary = JSON.readTree(p.configMaps().get("conn-grants"));
    assertThat(primary.get("apiVersion").asText()).isEqualTo(V2);
    assertThat(primary.get("kind").asText()).isEqualTo("GrantsDocument");
    assertThat(primary.get("resources")).isEmpty();
    assertThat(primary.get("entries")).isEmpty();
    Map<String, String> named = new LinkedHashMap<>();
    primary.get("shards").forEach(s -> named.put(s.get("name").asText(), s.get("revision").asText()));
    assertThat(new ArrayList<>(named.keySet()))
        .isEqualTo(new ArrayList<>(p.configMaps().keySet()).subList(1, p.configMaps().size()));

    Set<String> seen = new HashSet<>();
    int entries = 0;
    for (var shard : named.entrySet()) {
      JsonNode doc = JSON.readTree(p.configMaps().get(shard.getKey()));
      assertThat(doc.get("kind").asText()).isEqualTo("GrantsDocumentShard");
      assertThat(doc.get("revision").asText()).isEqualTo(shard.getValue());
      assertThat(doc.has("keyId")).as("a shard is not signed: the signed primary names its revision").isFalse();
      assertThat(p.signed(shard.getKey())).isFalse();
      assertThat(doc.has("shards")).isFalse();
      Set<String> own = new HashSet<>();
      for (JsonNode r : doc.get("resources")) {
        String name = r.get("name").asText();
        assertThat(shard.getKey()).isEqualTo("conn-grants-" + (GrantsProjector.bucket(name, buckets) + 1));
        assertThat(seen.add(name)).as("resource " + name + " in one shard only").isTrue();
        own.add(name);
      }
      for (JsonNode e : doc.get("entries")) {
        assertThat(own).contains(e.get("resource").asText());
        entries++;
      }
    }
    assertThat(seen).hasSize(40);
    assertThat(entries).isEqualTo(200);
  }

  @Test
  void revisionsAreOverTheCanonicalBytesWithoutRevisionAndKeyId() {
    Projection p = v2(GrantsProjectorTest.big(200));
    for (var e : p.configMaps().entrySet()) {
      String unsigned = e.getValue().replaceFirst("\"revision\":\"sha256:[0-9a-f]{64}\",", "")
          .replaceFirst("\"keyId\":\"ed25519-0123456789abcdef\",", "");
      String stated = e.getValue().replaceFirst("(?s).*?\"revision\":\"(sha256:[0-9a-f]{64})\".*", "$1");
      assertThat(Revision.of(unsigned)).as(e.getKey()).isEqualTo(stated);
    }
    String primary = p.configMaps().get("conn-grants");
    assertThat(primary).contains("\"revision\":\"" + p.revision() + "\"");
  }

  @Test
  void aChangeOnOneResourceRewritesOnlyItsShardAndThePrimary() {
    GrantsDocument before = GrantsProjectorTest.big(200);
    List<GrantEntry> entries = new ArrayList<>(before.entries());
    // One more subject on res-007 (entries stay sorted by resource, then subject).
    int at = 0;
    while (!entries.get(at).resource().equals("res-008")) {
      at++;
    }
    entries.add(at, new GrantEntry("zed@mrpaints.com", "User", "mrpaints", "res-007", List.of("resources.view"),
        List.of(new Grant("super-viewer", "new", "Member/zed", "Project/p", null))));
    GrantsDocument after = new GrantsDocument("mrpaints", "6f1c", "conn", before.resources(), entries);

    Map<String, String> a = v2(before).configMaps();
    Map<String, String> b = v2(after).configMaps();
    List<String> changed = new ArrayList<>();
    for (String name : b.keySet()) {
      if (!b.get(name).equals(a.get(name))) {
        changed.add(name);
      }
    }
    String shard = "conn-grants-" + (GrantsProjector.bucket("res-007", 16) + 1);
    assertThat(a.keySet()).isEqualTo(b.keySet());
    assertThat(changed).containsExactlyInAnyOrder("conn-grants", shard);
    assertThat(GrantsProjector.utf8Length(b.get(shard)) + GrantsProjector.utf8Length(b.get("conn-grants")))
        .as("bytes rewritten").isLessThan(GrantsProjector.utf8Length(String.join("", b.values())) / 4);
  }

  @Test
  void aBucketPastTheLimitContinuesInPartsThatHoldItsEntriesInOrder() throws Exception {
    GrantsDocument d = GrantsProjectorTest.big(60); // 12 resources -> 4 buckets
    int limit = 1500;
    Projection p = GrantsProjector.project(d, limit, null, Format.V1ALPHA2, 4);

    Map<Integer, List<String>> expectedByBucket = new HashMap<>();
    for (GrantEntry e : d.entries()) {
      expectedByBucket.computeIfAbsent(GrantsProjector.bucket(e.resource(), 4), k -> new ArrayList<>())
          .add(GrantsDocumentRenderer.entry(e));
    }
    Map<Integer, List<String>> actual = new HashMap<>();
    boolean parts = false;
    for (var e : p.configMaps().entrySet()) {
      if (e.getKey().equals("conn-grants")) {
        continue;
      }
      String[] name = e.getKey().substring("conn-grants-".length()).split("-");
      parts |= name.length == 2;
      assertThat(e.getValue().getBytes(StandardCharsets.UTF_8).length).as(e.getKey()).isLessThanOrEqualTo(limit);
      JsonNode doc = JSON.readTree(e.getValue());
      if (name.length == 2) {
        assertThat(doc.get("resources")).as("later parts hold no resources").isEmpty();
      }
      for (JsonNode entry : doc.get("entries")) {
        actual.computeIfAbsent(Integer.parseInt(name[0]) - 1, k -> new ArrayList<>())
            .add(JSON.writeValueAsString(entry));
      }
    }
    assertThat(parts).as("some bucket needed more than one part").isTrue();
    Map<Integer, List<String>> expected = new HashMap<>();
    expectedByBucket.forEach((b, list) -> expected.put(b, list.stream().map(s -> {
      try {
        return JSON.writeValueAsString(JSON.readTree(s));
      } catch (Exception ex) {
        throw new IllegalStateException(ex);
      }
    }).toList()));
    assertThat(actual).isEqualTo(expected);
  }

  @Test
  void v1alpha1IsUnchangedByTheFormatArgument() {
    GrantsDocument d = GrantsProjectorTest.big(200);
    assertThat(GrantsProjector.project(d, 4096, "k", Format.V1ALPHA1, 4).configMaps())
        .isEqualTo(GrantsProjector.project(d, 4096, "k").configMaps());
  }
}
