package dev.trellis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The plugin finds the shards a primary names in either format, so that it can fetch them for the reader kit. */
class DocumentsTest {

  @Test
  void findsShardNamesInBothFormats() {
    assertThat(Documents.shardNames("{\"apiVersion\":\"iam.trellis.dev/v1alpha1\",\"entries\":[],"
        + "\"shards\":[\"conn-eu-grants-1\",\"conn-eu-grants-2\"]}"))
        .containsExactly("conn-eu-grants-1", "conn-eu-grants-2");
    assertThat(Documents.shardNames("{\"apiVersion\":\"iam.trellis.dev/v1alpha2\",\"entries\":[],\"shards\":["
        + "{\"name\":\"conn-eu-grants-1\",\"revision\":\"sha256:aa\"},"
        + "{\"name\":\"conn-eu-grants-3-2\",\"revision\":\"sha256:bb\"}]}"))
        .containsExactly("conn-eu-grants-1", "conn-eu-grants-3-2");
  }

  @Test
  void findsNothingInAWholeDocumentOrInWhatIsNotJson() {
    assertThat(Documents.shardNames("{\"apiVersion\":\"iam.trellis.dev/v1alpha2\",\"entries\":[]}")).isEmpty();
    assertThat(Documents.shardNames("{\"shards\":[1,{\"revision\":\"x\"},null]}")).isEmpty();
    assertThat(Documents.shardNames("not json")).isEmpty();
    assertThat(Documents.shardNames(null)).isEmpty();
  }
}
