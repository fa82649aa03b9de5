package dev.trellis.reconcile.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Which namespaces a process serves, and the labels and selectors that file objects under it. */
class ShardingTest {

  @Test
  void unshardedServesEveryNamespaceAndSelectsNothing() {
    Sharding none = Sharding.none();
    assertThat(none.enabled()).isFalse();
    assertThat(none.serves("org-a")).isTrue();
    assertThat(none.serves("anything")).isTrue();
    assertThat(none.suffix()).isEmpty();
  }

  @Test
  void everyNamespaceIsServedByExactlyOneShardAndTheSplitIsEven() {
    Sharding[] shards = {new Sharding(2, 0), new Sharding(2, 1)};
    int[] served = new int[2];
    IntStream.range(0, 1000).mapToObj(i -> "org-bench-o" + i).forEach(ns -> {
      assertThat(shards[0].serves(ns)).as(ns).isNotEqualTo(shards[1].serves(ns));
      served[shards[0].serves(ns) ? 0 : 1]++;
      assertThat(shards[0].valueFor(ns)).isEqualTo(shards[1].valueFor(ns)); // both agree on where it is filed
    });
    assertThat(served[0]).isBetween(430, 570);
  }

  @Test
  void theShardOfANamespaceIsTheFirstFourBytesOfItsSha256ModuloTheShards() {
    // SHA-256("org-a") begins 0x527a4c0a, ("org-b") 0xcc179cf1 (computed with sha256sum).
    assertThat(new Sharding(2, 0).shardOf("org-a")).isEqualTo((int) (0x527a4c0aL % 2));
    assertThat(new Sharding(3, 0).shardOf("org-a")).isEqualTo((int) (0x527a4c0aL % 3));
    assertThat(new Sharding(3, 0).shardOf("org-b")).isEqualTo((int) (0xcc179cf1L % 3));
  }

  @Test
  void labelsAndSelectorsNameTheNumberOfShards() {
    Sharding s = new Sharding(3, 1);
    assertThat(s.selector()).isEqualTo("iam.trellis.dev/shard=1-of-3");
    assertThat(s.unfiledSelector()).isEqualTo("iam.trellis.dev/shard notin (0-of-3,1-of-3,2-of-3)");
    assertThat(s.suffix()).isEqualTo("-shard-1-of-3");
  }

  @Test
  void aShardOutsideTheRangeIsRefusedAtStart() {
    assertThatThrownBy(() -> new Sharding(2, 2)).hasMessageContaining("trellis.sharding.shard must be between 0 and 1");
    assertThatThrownBy(() -> new Sharding(0, 0)).hasMessageContaining("trellis.sharding.shards must be between");
  }
}
