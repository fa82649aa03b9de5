package dev.trellis.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The interim reader decides as docs/grants-document.md says a connector decides, on split documents too. */
class InterimDocumentTest {
  private static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");
  private static final String HEADER = "\"apiVersion\":\"iam.trellis.dev/v1alpha1\",\"kind\":\"GrantsDocument\","
      + "\"organization\":\"mrpaints\",\"orgId\":\"o-1\",\"connector\":\"conn-eu\",\"revision\":\"sha256:%s\","
      + "\"keyId\":\"ed25519-0\"";
  private static final String RESOURCES = "\"resources\":[{\"name\":\"ontap-london\",\"type\":\"ONTAPCluster\","
      + "\"projects\":[\"london\"],\"folders\":[]}]";
  private static final String DOMAIN = "{\"subject\":\"*@mrpaints.com\",\"subjectKind\":\"Domain\","
      + "\"subjectOrganization\":\"mrpaints\",\"except\":[\"erin@mrpaints.com\"],\"resource\":\"ontap-london\","
      + "\"permissions\":[\"alerts.view\",\"dashboards.view\"],\"grants\":[{\"role\":\"observability-guest\","
      + "\"binding\":null,\"via\":\"SingleSignOn/mrpaints.com\",\"scope\":\"Organization\",\"expiresAt\":null}]}";
  private static final String CAROL = "{\"subject\":\"carol@mrpaints.com\",\"subjectKind\":\"User\","
      + "\"subjectOrganization\":\"mrpaints\",\"resource\":\"ontap-london\",\"permissions\":[\"alerts.manage\"],"
      + "\"grants\":[{\"role\":\"operation-support-analyst\",\"binding\":\"carol-london-analyst\",\"via\":\"Member/carol\","
      + "\"scope\":\"Project/london\",\"expiresAt\":\"2026-12-31T00:00:00Z\"}]}";

  private static Map<String, String> data(String revision, String resources, String entries, String shards) {
    return Map.of("grants.json", "{" + HEADER.formatted(revision) + "," + resources + ",\"entries\":[" + entries + "]"
        + (shards == null ? "" : ",\"shards\":" + shards) + "}");
  }

  private static InterimDocument whole() throws Exception {
    return InterimDocument.assemble(data("a", RESOURCES, DOMAIN + "," + CAROL, null), Map.of());
  }

  @Test
  void aUsersOwnEntryReplacesItsDomainsDefaultRoles() throws Exception {
    var carol = whole().decide("carol@mrpaints.com", "dashboards.view", "ontap-london", NOW);
    assertThat(carol.allowed()).isFalse();
    assertThat(carol.rule()).isEqualTo("subject");
    assertThat(whole().decide("Carol@MrPaints.com", "alerts.manage", "ontap-london", NOW).allowed()).isTrue();
  }

  @Test
  void otherUsersOfTheDomainHaveTheDomainEntryExceptTheExcepted() throws Exception {
    assertThat(whole().decide("zoe@mrpaints.com", "dashboards.view", "ontap-london", NOW).allowed()).isTrue();
    var erin = whole().decide("erin@mrpaints.com", "dashboards.view", "ontap-london", NOW);
    assertThat(erin.allowed()).isFalse();
    assertThat(erin.rule()).isEqualTo("domain-except");
    assertThat(whole().decide("zoe@example.com", "dashboards.view", "ontap-london", NOW).rule()).isEqualTo("none");
  }

  @Test
  void anEntryWhoseGrantsExpiredHoldsNothing() throws Exception {
    assertThat(whole().decide("carol@mrpaints.com", "alerts.manage", "ontap-london",
        Instant.parse("2026-12-31T00:00:00Z")).allowed()).isFalse();
    assertThat(whole().holders("alerts.manage", "ontap-london", NOW)).extracting(InterimDocument.Entry::subject)
        .containsExactly("carol@mrpaints.com");
  }

  @Test
  void aSplitDocumentIsTheConcatenationOfItsShards() throws Exception {
    var doc = InterimDocument.assemble(data("a", RESOURCES, "", "[\"conn-eu-grants-1\",\"conn-eu-grants-2\"]"),
        Map.of("conn-eu-grants-1", data("a", "\"resources\":[]", DOMAIN, null),
            "conn-eu-grants-2", data("a", "\"resources\":[]", CAROL, null)));
    assertThat(doc.entries()).extracting(InterimDocument.Entry::subject)
        .containsExactly("*@mrpaints.com", "carol@mrpaints.com");
    assertThat(doc.resources()).extracting(InterimDocument.Resource::name).containsExactly("ontap-london");
  }

  @Test
  void aShardOfAnotherRevisionOrAMissingShardIsRefused() {
    assertThatThrownBy(() -> InterimDocument.assemble(data("a", RESOURCES, "", "[\"conn-eu-grants-1\"]"),
        Map.of("conn-eu-grants-1", data("b", "\"resources\":[]", CAROL, null))))
        .isInstanceOfSatisfying(InterimDocument.Invalid.class, e -> assertThat(e.reason()).isEqualTo("REVISION_MISMATCH"));
    assertThatThrownBy(() -> InterimDocument.assemble(data("a", RESOURCES, "", "[\"conn-eu-grants-1\"]"), Map.of()))
        .isInstanceOfSatisfying(InterimDocument.Invalid.class, e -> assertThat(e.reason()).isEqualTo("MISSING"));
    assertThatThrownBy(() -> InterimDocument.assemble(Map.of("grants.json", "{"), Map.of()))
        .isInstanceOfSatisfying(InterimDocument.Invalid.class, e -> assertThat(e.reason()).isEqualTo("MALFORMED"));
  }
}
