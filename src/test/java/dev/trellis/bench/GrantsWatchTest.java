package dev.trellis.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What the benchmark's watch says a reader holds while a v1alpha2 document changes: shards are written before the
 * primary that names their new revisions, and a reader retries until the primary names them, so a change counts as
 * seen only once its primary is written.
 */
class GrantsWatchTest {
  private static String shard(String revision, String subject) {
    return "{\"kind\":\"GrantsDocumentShard\",\"revision\":\"" + revision + "\",\"resources\":[{\"name\":\"r\","
        + "\"type\":\"Server\",\"projects\":[\"p\"],\"folders\":[]}],\"entries\":[{\"resource\":\"r\",\"subject\":\""
        + subject + "\",\"subjectKind\":\"User\",\"subjectOrganization\":\"a\",\"permissions\":[\"read\"],"
        + "\"grants\":[{\"role\":\"viewer\",\"binding\":\"b1\",\"via\":null,\"scope\":\"Project/p\","
        + "\"expiresAt\":null}]}]}";
  }

  private static String primary(String shardRevision) {
    return "{\"revision\":\"p-" + shardRevision + "\",\"resources\":[],\"entries\":[],"
        + "\"shards\":[{\"name\":\"c-grants-1\",\"revision\":\"" + shardRevision + "\"}]}";
  }

  @Test
  void aShardWrittenBeforeItsPrimaryIsNotSeenUntilThePrimaryNamesIt() {
    Map<String, String> cluster = new HashMap<>(Map.of("c-grants-1", shard("r1", "ann@a"), "c-grants", primary("r1")));
    GrantsWatch.View first = GrantsWatch.assemble("c-grants", cluster::get);
    assertThat(first.consistent()).isTrue();
    DocContent held = GrantsWatch.readerHolds(first, null);
    assertThat(held.entries()).singleElement().asString().contains("ann@a");

    cluster.put("c-grants-1", shard("r2", "bob@a")); // the shard first
    GrantsWatch.View between = GrantsWatch.assemble("c-grants", cluster::get);
    assertThat(between.consistent()).isFalse();
    assertThat(GrantsWatch.readerHolds(between, held)).as("the old primary still names r1").isEqualTo(held);

    cluster.put("c-grants", primary("r2")); // then the primary
    DocContent after = GrantsWatch.readerHolds(GrantsWatch.assemble("c-grants", cluster::get), held);
    assertThat(after.entries()).singleElement().asString().contains("bob@a");
  }

  @Test
  void noPrimaryMeansNoDocument() {
    assertThat(GrantsWatch.readerHolds(GrantsWatch.assemble("c-grants", n -> null), null)).isNull();
  }
}
