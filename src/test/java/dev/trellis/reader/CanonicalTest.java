package dev.trellis.reader;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trellis.model.grants.DocumentResource;
import dev.trellis.model.grants.Grant;
import dev.trellis.model.grants.GrantEntry;
import dev.trellis.model.grants.GrantsDocument;
import dev.trellis.projection.GrantsDocumentRenderer;
import dev.trellis.projection.GrantsProjector;
import dev.trellis.projection.Projection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The kit's own canonical writer gives, byte for byte, what the operator's renderer gives. */
class CanonicalTest {

  static GrantsDocument awkward() {
    String nasty = "q\"b\\s/ctl\u0001\u001f\n\r\t\b\f é ü 中 \uD83D\uDE00 end";
    return new GrantsDocument("mr\"paints", null, "conn-ü",
        List.of(new DocumentResource("fsx-zürich", "F\\Sx", List.of("p1", nasty), List.of("europe")),
            new DocumentResource("ontap", "ONTAP", List.of(), List.of())),
        List.of(
            new GrantEntry("*@mrpaints.com", "Domain", "mrpaints", "fsx-zürich", List.of("alerts.view"),
                List.of(new Grant("guest", null, "SingleSignOn/mrpaints.com", "Organization", null)),
                List.of("bob@mrpaints.com", "Carl@mrpaints.com")),
            new GrantEntry(nasty, "User", "mrpaints", "fsx-zürich", List.of("alerts.view", "resources.view"),
                List.of(
                    new Grant("r" + nasty, "b", "Member/x", "Folder/" + nasty, Instant.parse("2026-12-31T00:00:00Z")),
                    new Grant("r2", "b2", "Partnership/gp", "Project/p1", Instant.parse("2027-01-01T10:15:30.5Z")))),
            new GrantEntry("ci", "ServiceAccount", "mrpaints", "ontap", List.of(),
                List.of(new Grant("none", "b3", "Member/ci", "Organization", Instant.ofEpochSecond(1, 1))))));
  }

  static GrantsDocument many(int n) {
    List<GrantEntry> entries = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      entries.add(new GrantEntry("user" + i + "@mrpaints.com", "User", "mrpaints", "res-" + (i / 7),
          List.of("resources.view"), List.of(new Grant("viewer", "b" + i, "Member/u" + i, "Organization", null))));
    }
    List<DocumentResource> resources = new ArrayList<>();
    for (int i = 0; i <= n / 7; i++) {
      resources.add(new DocumentResource("res-" + i, "FSx", List.of(), List.of()));
    }
    return new GrantsDocument("mrpaints", "6f1c", "conn-eu", resources, entries);
  }

  @Test
  void rendersWhatTheOperatorRendersByteForByte() {
    for (GrantsDocument d : List.of(awkward(), many(50), new GrantsDocument("o", null, "c", List.of(), List.of()))) {
      String operator = GrantsDocumentRenderer.render(d, null);
      Document parsed = Document.parse("test", GrantsProjector.project(d).configMaps().values().iterator().next());

      assertThat(Canonical.render(parsed.organization(), parsed.orgId(), parsed.connector(), parsed.resources(),
          parsed.entries())).isEqualTo(operator);
    }
  }

  @Test
  void recomputesTheOperatorsRevisionOfASplitDocument() {
    Projection p = GrantsProjector.project(many(200), 4096, "ed25519-0123456789abcdef");
    assertThat(p.sharded()).isTrue();

    Snapshot s = GrantsReader.assemble(dataOf(p, GrantsProjector.configMapName("conn-eu")), shardsOf(p),
        TrustedKeys.none());

    assertThat(s.revision()).isEqualTo(p.revision());
    assertThat(s.entries()).hasSize(200);
  }

  /**
   * Every ConfigMap of a v1alpha2 projection — the unsharded document, a primary, shards, a bucket continued in
   * parts — is, byte for byte, what the kit writes for it with the revision and keyId it states; and the revision
   * each states is the one the kit recomputes.
   */
  @Test
  void writesEveryPartOfAV1alpha2ProjectionByteForByte() {
    String keyId = "ed25519-0123456789abcdef";
    List<Projection> projections = List.of(
        GrantsProjector.project(awkward(), Integer.MAX_VALUE, keyId, GrantsProjector.Format.V1ALPHA2, 4),
        GrantsProjector.project(awkward(), Integer.MAX_VALUE, keyId, GrantsProjector.Format.V1ALPHA2, 1),
        GrantsProjector.project(many(200), Integer.MAX_VALUE, null, GrantsProjector.Format.V1ALPHA2, 4),
        GrantsProjector.project(many(200), 2000, keyId, GrantsProjector.Format.V1ALPHA2, 16),
        GrantsProjector.project(new GrantsDocument("o", null, "c", List.of(), List.of()), Integer.MAX_VALUE, keyId,
            GrantsProjector.Format.V1ALPHA2, 4));
    assertThat(projections.get(0).configMaps()).hasSize(1);
    assertThat(projections.get(1).configMaps()).hasSize(3);
    assertThat(projections.get(3).configMaps().keySet()).anyMatch(n -> n.matches(".*-grants-\\d+-2"));
    int parts = 0;
    for (Projection p : projections) {
      for (var e : p.configMaps().entrySet()) {
        Document d = Document.parse(e.getKey(), e.getValue());
        String kit = Canonical.render(d.apiVersion(), d.kind(), d.organization(), d.orgId(), d.connector(),
            d.resources(), d.entries(), d.shards());
        assertThat(HandBuiltV1alpha2.withRevision(kit, d.revision(), d.keyId())).isEqualTo(e.getValue());
        assertThat(Canonical.ownRevision(d)).as(e.getKey()).isEqualTo(d.revision());
        parts++;
      }
      assertThat(Document.parse("primary", p.configMaps().values().iterator().next()).revision())
          .isEqualTo(p.revision());
    }
    assertThat(parts).isGreaterThan(20);
  }

  /** The spec, cut by hand, gives the projector's ConfigMaps exactly: names, order, bytes. */
  @Test
  void theProjectorCutsAsTheSpecSays() {
    String keyId = "ed25519-0123456789abcdef";
    for (int perShard : List.of(1, 4, 16)) {
      for (GrantsDocument d : List.of(awkward(), many(200))) {
        Projection p = GrantsProjector.project(d, Integer.MAX_VALUE, keyId, GrantsProjector.Format.V1ALPHA2,
            perShard);
        Document whole = Document.parse("whole", GrantsProjector.project(d, Integer.MAX_VALUE).configMaps().values()
            .iterator().next());
        List<HandBuiltV1alpha2.Part> cut = HandBuiltV1alpha2.cut(whole.connector(), whole.resources(),
            whole.entries(), perShard);
        Map<String, String> expected = HandBuiltV1alpha2.buckets(whole.resources().size(), perShard) == 1
            ? Map.of(whole.connector() + "-grants", HandBuiltV1alpha2.whole(whole, whole.resources(),
                whole.entries(), keyId))
            : HandBuiltV1alpha2.document(whole, cut, keyId);

        assertThat(List.copyOf(p.configMaps().entrySet())).as(d.connector() + " " + perShard)
            .containsExactlyElementsOf(List.copyOf(expected.entrySet()));
      }
    }
  }

  @Test
  void readsWhatTheProjectorWritesInV1alpha2AsItReadsV1alpha1() {
    for (int limit : List.of(Integer.MAX_VALUE, 2000)) {
      Projection v1 = GrantsProjector.project(many(200), limit, null);
      Projection v2 = GrantsProjector.project(many(200), limit, null, GrantsProjector.Format.V1ALPHA2, 4);
      Snapshot one = GrantsReader.assemble(dataOf(v1, "conn-eu-grants"), shardsOf(v1), TrustedKeys.none());
      Snapshot two = GrantsReader.assemble(dataOf(v2, "conn-eu-grants"), shardsOf(v2), TrustedKeys.none());

      assertThat(two.revision()).isEqualTo(v2.revision());
      assertThat(two.entries()).hasSize(200).containsExactlyInAnyOrderElementsOf(one.entries());
      assertThat(two.resources()).containsExactlyInAnyOrderElementsOf(one.resources());
    }
  }

  static Map<String, String> dataOf(Projection p, String name) {
    return Map.of(GrantsReader.DATA_KEY, p.configMaps().get(name));
  }

  static Map<String, Map<String, String>> shardsOf(Projection p) {
    Map<String, Map<String, String>> out = new LinkedHashMap<>();
    p.configMaps().forEach((name, json) -> out.put(name, Map.of(GrantsReader.DATA_KEY, json)));
    out.remove(p.configMaps().keySet().iterator().next());
    return out;
  }
}
