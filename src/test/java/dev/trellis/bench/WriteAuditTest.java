package dev.trellis.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The chaos harness's judge of document writes, on hand-made documents assembled as {@link GrantsWatch} assembles
 * them: it must see what it is there to see.
 */
class WriteAuditTest {
  private static final String KEY = "org-a/c";
  private static final String RES = DocContent.resource("r", "Server", List.of("p"), List.of());
  private static final String ANN = DocContent.entry("r", "ann@a", "User", "a", List.of("read"),
      List.of(DocContent.grant("viewer", "b1", null, "Project/p", null)));
  private static final String ANN_TWO = DocContent.entry("r", "ann@a", "User", "a", List.of("read", "write"),
      List.of(DocContent.grant("viewer", "b1", null, "Project/p", null),
          DocContent.grant("editor", "b2", null, "Project/p", null)));
  private static final String BOB = DocContent.entry("r", "bob@a", "User", "a", List.of("read"),
      List.of(DocContent.grant("viewer", "b3", null, "Project/p", null)));

  private static String json(String revision, String... entries) {
    StringBuilder out = new StringBuilder("{\"revision\":\"" + revision + "\",\"resources\":[{\"name\":\"r\","
        + "\"type\":\"Server\",\"projects\":[\"p\"],\"folders\":[]}],\"entries\":[");
    for (int i = 0; i < entries.length; i++) {
      String[] p = entries[i].split("\\|");
      out.append(i == 0 ? "" : ",").append("{\"resource\":\"r\",\"subject\":\"").append(p[1])
          .append("\",\"subjectKind\":\"User\",\"subjectOrganization\":\"a\",\"permissions\":[");
      String[] perms = p[4].substring(1, p[4].length() - 1).split(", ");
      for (int j = 0; j < perms.length; j++) {
        out.append(j == 0 ? "" : ",").append('"').append(perms[j]).append('"');
      }
      out.append("],\"grants\":[");
      String[] grants = p[5].substring(1, p[5].length() - 1).split(", ");
      for (int j = 0; j < grants.length; j++) {
        String[] g = grants[j].split(",");
        out.append(j == 0 ? "" : ",").append("{\"role\":\"").append(g[0]).append("\",\"binding\":\"").append(g[1])
            .append("\",\"via\":null,\"scope\":\"").append(g[3]).append("\",\"expiresAt\":null}");
      }
      out.append("]}");
    }
    return out.append("]}").toString();
  }

  /** A document without shards, as GrantsWatch assembles it for the judge. */
  private static GrantsWatch.View view(String json) {
    return GrantsWatch.assemble("c-grants", n -> n.equals("c-grants") ? json : null);
  }

  private static Map<String, DocContent> doc(String... entries) {
    return Map.of(KEY, new DocContent(Set.of(RES), Set.of(entries)));
  }

  @Test
  void aGrowingDocumentDuringConvergenceIsNeitherWrongNorLost() {
    WriteAudit audit = new WriteAudit();
    audit.expect(doc(ANN_TWO, BOB), doc(ANN_TWO, BOB));
    audit.seen(KEY, view(json("1", ANN)));
    audit.seen(KEY, view(json("2", ANN_TWO)));
    audit.seen(KEY, view(json("3", ANN_TWO, BOB)));
    assertThat(audit.views()).isEqualTo(3);
    assertThat(audit.wrong()).isZero();
    assertThat(audit.lost()).isZero();
  }

  @Test
  void anEntryNothingGrantsIsWrong() {
    WriteAudit audit = new WriteAudit();
    audit.expect(doc(ANN), doc(ANN));
    audit.seen(KEY, view(json("1", ANN, BOB)));
    assertThat(audit.wrong()).isEqualTo(2); // bob's permission and his grant; nothing of ann's
    assertThat(audit.examples()).anyMatch(e -> e.contains("wrong") && e.contains("bob@a"));
  }

  @Test
  void aCorrectGrantThatDisappearsIsLostAndADeletedDocumentLosesEverything() {
    WriteAudit audit = new WriteAudit();
    audit.expect(doc(ANN_TWO, BOB), doc(ANN_TWO, BOB));
    audit.seen(KEY, view(json("1", ANN_TWO, BOB)));
    audit.seen(KEY, view(json("2", ANN, BOB))); // b2's grant and its permission gone
    assertThat(audit.lost()).isEqualTo(2);
    audit.seen(KEY, null); // the primary deleted
    assertThat(audit.lost()).isGreaterThan(2);
  }

  @Test
  void aChangeInFlightMayRemoveWhatItRemovesAndAddWhatItAdds() {
    WriteAudit audit = new WriteAudit();
    audit.expect(doc(ANN), doc(ANN));
    audit.seen(KEY, view(json("1", ANN)));
    audit.expect(doc(ANN), doc(BOB)); // ann's binding deleted, bob's created
    audit.seen(KEY, view(json("2", ANN, BOB)));
    audit.seen(KEY, view(json("3", BOB)));
    assertThat(audit.wrong()).isZero();
    assertThat(audit.lost()).isZero();
  }

  @Test
  void aViewWhoseShardCarriesAnotherRevisionIsSkippedNotJudged() {
    WriteAudit audit = new WriteAudit();
    audit.expect(doc(ANN), doc(ANN));
    String primary = "{\"revision\":\"2\",\"resources\":[],\"entries\":[],\"shards\":[\"c-grants-1\"]}";
    audit.seen(KEY, GrantsWatch.assemble("c-grants", n -> n.equals("c-grants") ? primary : json("1", BOB)));
    assertThat(audit.inconsistentViews()).isEqualTo(1);
    assertThat(audit.views()).isZero();
    assertThat(audit.wrong()).isZero();
  }

  @Test
  void anUnreadableDocumentIsJudgedWrong() {
    WriteAudit audit = new WriteAudit();
    audit.expect(doc(ANN), doc(ANN));
    audit.seen(KEY, view("{not json"));
    assertThat(audit.views()).isEqualTo(1);
    assertThat(audit.wrong()).isEqualTo(1);
  }
}
