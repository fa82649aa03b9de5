package dev.trellis.projection;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trellis.model.grants.DocumentResource;
import dev.trellis.model.grants.Grant;
import dev.trellis.model.grants.GrantEntry;
import dev.trellis.model.grants.GrantsDocument;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GrantsProjectorTest {
  static final ObjectMapper JSON = new ObjectMapper();

  static GrantsDocument small() {
    return new GrantsDocument("mrpaints", "6f1c", "conn-eu",
        List.of(new DocumentResource("ontap-london", "ONTAPCluster", List.of("london"), List.of())),
        List.of(new GrantEntry("krishna@globalpartners.com", "User", "globalpartners", "ontap-london",
            List.of("alerts.manage", "alerts.view", "monitoring.view", "resources.view"),
            List.of(new Grant("operation-support-analyst", "krishna-london-analyst", "Partnership/globalpartners",
                "Project/london", null)))));
  }

  static final String SMALL_WITHOUT_REVISION =
      "{\"apiVersion\":\"iam.trellis.dev/v1alpha1\",\"kind\":\"GrantsDocument\","
          + "\"organization\":\"mrpaints\",\"orgId\":\"6f1c\",\"connector\":\"conn-eu\","
          + "\"resources\":[{\"name\":\"ontap-london\",\"type\":\"ONTAPCluster\",\"projects\":[\"london\"],\"folders\":[]}],"
          + "\"entries\":[{\"subject\":\"krishna@globalpartners.com\",\"subjectKind\":\"User\","
          + "\"subjectOrganization\":\"globalpartners\",\"resource\":\"ontap-london\","
          + "\"permissions\":[\"alerts.manage\",\"alerts.view\",\"monitoring.view\",\"resources.view\"],"
          + "\"grants\":[{\"role\":\"operation-support-analyst\",\"binding\":\"krishna-london-analyst\","
          + "\"via\":\"Partnership/globalpartners\",\"scope\":\"Project/london\",\"expiresAt\":null}]}]}";

  @Test
  void smallDocumentRendersExactlyInTheDesignLayout() {
    Projection p = GrantsProjector.project(small());
    String revision = Revision.of(SMALL_WITHOUT_REVISION);

    assertThat(GrantsDocumentRenderer.render(small(), null)).isEqualTo(SMALL_WITHOUT_REVISION);
    assertThat(p.revision()).isEqualTo(revision).matches("sha256:[0-9a-f]{64}");
    assertThat(p.configMaps()).containsOnlyKeys("conn-eu-grants");
    assertThat(p.configMaps().get("conn-eu-grants")).isEqualTo(SMALL_WITHOUT_REVISION.replace(
        "\"connector\":\"conn-eu\",", "\"connector\":\"conn-eu\",\"revision\":\"" + revision + "\","));
  }

  @Test
  void revisionIsStableAndChangesWithContent() {
    assertThat(GrantsProjector.project(small()).revision()).isEqualTo(GrantsProjector.project(small()).revision());
    GrantsDocument other = new GrantsDocument("mrpaints", "6f1c", "conn-eu", small().resources(), List.of());
    assertThat(GrantsProjector.project(other).revision()).isNotEqualTo(GrantsProjector.project(small()).revision());
  }

  @Test
  void expiryIsAnIsoInstantAndStringsAreEscaped() {
    GrantsDocument d = new GrantsDocument("o\"rg", null, "c", List.of(), List.of(new GrantEntry("a\\b\n", "User", "o",
        "r", List.of("resources.view"), List.of(new Grant("x", "b", "Member/a", "Organization",
            Instant.parse("2026-12-31T00:00:00Z"))))));

    String json = GrantsDocumentRenderer.render(d, null);

    assertThat(json).contains("\"organization\":\"o\\\"rg\"", "\"orgId\":null", "\"subject\":\"a\\\\b\\n\"",
        "\"expiresAt\":\"2026-12-31T00:00:00Z\"");
  }

  static GrantsDocument big(int n) {
    List<GrantEntry> entries = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String r = String.format("res-%03d", i / 5);
      entries.add(new GrantEntry("user" + (i % 5) + "@mrpaints.com", "User", "mrpaints", r, List.of("resources.view"),
          List.of(new Grant("super-viewer", "b" + i, "Member/user" + (i % 5), "Organization", null))));
    }
    List<DocumentResource> resources = new ArrayList<>();
    for (int i = 0; i < (n + 4) / 5; i++) {
      resources.add(new DocumentResource(String.format("res-%03d", i), "FSx", List.of(), List.of()));
    }
    return new GrantsDocument("mrpaints", "6f1c", "conn", resources, entries);
  }

  @Test
  void largeDocumentIsSplitIntoShardsWhoseEntriesAddUpToTheWhole() throws Exception {
    GrantsDocument d = big(200);
    int limit = 4096;
    Projection whole = GrantsProjector.project(d);
    Projection split = GrantsProjector.project(d, limit);

    assertThat(whole.sharded()).isFalse();
    assertThat(split.sharded()).isTrue();
    assertThat(split.revision()).isEqualTo(whole.revision());
    List<String> names = new ArrayList<>(split.configMaps().keySet());
    assertThat(names.get(0)).isEqualTo("conn-grants");
    assertThat(names.get(1)).isEqualTo("conn-grants-1");

    JsonNode primary = JSON.readTree(split.configMaps().get("conn-grants"));
    assertThat(primary.get("entries")).isEmpty();
    assertThat(primary.get("resources")).hasSize(40);
    List<String> shards = new ArrayList<>();
    primary.get("shards").forEach(s -> shards.add(s.asText()));
    assertThat(shards).isEqualTo(names.subList(1, names.size()));

    List<JsonNode> union = new ArrayList<>();
    for (String shard : shards) {
      String json = split.configMaps().get(shard);
      assertThat(json.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(limit);
      JsonNode doc = JSON.readTree(json);
      assertThat(doc.get("revision").asText()).isEqualTo(split.revision());
      assertThat(doc.get("connector").asText()).isEqualTo("conn");
      assertThat(doc.has("shards")).isFalse();
      doc.get("entries").forEach(union::add);
    }
    List<JsonNode> expected = new ArrayList<>();
    JSON.readTree(whole.configMaps().get("conn-grants")).get("entries").forEach(expected::add);
    assertThat(union).isEqualTo(expected);
  }

  @Test
  void sameInputsGiveTheSameBytes() {
    Map<String, String> a = GrantsProjector.project(big(100), 2048).configMaps();
    Map<String, String> b = GrantsProjector.project(big(100), 2048).configMaps();
    assertThat(a).isEqualTo(b);
    assertThat(new ArrayList<>(a.keySet())).isEqualTo(new ArrayList<>(b.keySet()));
  }

  @Test
  void theDefaultLimitIs900KiB() {
    assertThat(GrantsProjector.DEFAULT_LIMIT_BYTES).isEqualTo(921600);
  }

  @Test
  void utf8LengthIsTheLengthOfTheEncodedBytes() {
    var random = new java.util.Random(7);
    List<String> samples = new ArrayList<>(List.of("", "ascii", "é", "€", "😀", "a😀b", "\uD83D", "\uDE00x",
        "x\uD83D", "\uD83D\uD83D\uDE00", "{\"u\":\"müller@example.com\"}"));
    for (int i = 0; i < 500; i++) {
      StringBuilder sb = new StringBuilder();
      for (int j = random.nextInt(20); j > 0; j--) {
        sb.append((char) random.nextInt(0x10000));
      }
      samples.add(sb.toString());
    }
    for (String s : samples) {
      assertThat(GrantsProjector.utf8Length(s)).as(s).isEqualTo(s.getBytes(StandardCharsets.UTF_8).length);
    }
  }
}
