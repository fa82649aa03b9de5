package dev.trellis.reconcile.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Grants of every organization before statuses of any, after a start. */
class GrantsFirstTest {
  private static final Instant T0 = Instant.parse("2026-06-01T00:00:00Z");
  private final List<String> woken = new ArrayList<>();
  private final GrantsFirst order = new GrantsFirst(woken::add);

  @Test
  void statusesWaitUntilEveryOrganizationsGrantsAreWrittenThenTheWaitingAreWoken() {
    Set<String> orgs = Set.of("a", "b", "c");

    assertThat(order.statusesNow("a", () -> orgs, T0)).isFalse();
    assertThat(order.statusesNow("b", () -> orgs, T0.plusSeconds(1))).isFalse();
    assertThat(order.remaining(T0.plusSeconds(1))).isEqualTo(GrantsFirst.LIMIT.minusSeconds(1).plusMillis(1));
    assertThat(woken).isEmpty();

    assertThat(order.statusesNow("c", () -> orgs, T0.plusSeconds(2))).as("the last one").isTrue();
    assertThat(woken).containsExactlyInAnyOrder("a", "b");
    assertThat(order.over()).isTrue();

    assertThat(order.statusesNow("a", () -> orgs, T0.plusSeconds(3))).as("from then on").isTrue();
    assertThat(woken).hasSize(2);
  }

  @Test
  void anOrganizationThatNeverGetsItsGrantsHoldsNobodyBackLongerThanTheLimit() {
    Set<String> orgs = Set.of("a", "broken");

    assertThat(order.statusesNow("a", () -> orgs, T0)).isFalse();
    assertThat(order.statusesNow("a", () -> orgs, T0.plus(GrantsFirst.LIMIT).minusMillis(1))).isFalse();
    assertThat(order.statusesNow("a", () -> orgs, T0.plus(GrantsFirst.LIMIT))).isTrue();
    assertThat(order.over()).isTrue();
  }

  @Test
  void organizationsCreatedOrGoneMeanwhileCountAsTheyAreNow() {
    assertThat(order.statusesNow("a", () -> Set.of("a", "b"), T0)).isFalse();
    assertThat(order.statusesNow("c", () -> Set.of("a", "c"), T0)).as("b is gone").isTrue();
    assertThat(woken).containsExactly("a");
  }

  @Test
  void aClusterOfOneOrganizationWaitsForNothing() {
    assertThat(order.statusesNow("a", () -> Set.of("a"), T0)).isTrue();
    assertThat(woken).isEmpty();
  }
}
