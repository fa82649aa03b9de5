package dev.trellis.reader;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SnapshotTest {
  static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");

  static Snapshot snapshot() {
    Grant guest = new Grant("observability-guest", null, "SingleSignOn/mrpaints.com", "Organization", null);
    Grant admin = new Grant("observability-admin", "alice-admin", "Member/alice", "Organization", null);
    Grant temp = new Grant("alerts-viewer", "temp", "Member/tim", "Organization", NOW.minusSeconds(1));
    return new Snapshot("mrpaints", null, "conn-eu", "sha256:x", null, false,
        List.of(new Resource("ontap", "ONTAP", List.of(), List.of())),
        List.of(new Entry("*@mrpaints.com", "Domain", "mrpaints", List.of("bob@mrpaints.com"), "ontap",
            List.of("alerts.view"), List.of(guest)),
            new Entry("alice@mrpaints.com", "User", "mrpaints", List.of(), "ontap", List.of("alerts.manage",
                "alerts.view"), List.of(admin)),
            new Entry("tim@mrpaints.com", "User", "mrpaints", List.of(), "ontap", List.of("alerts.view"),
                List.of(temp))));
  }

  @Test
  void whoCanListsEntriesInForceWithTheDomainAndItsExcept() {
    List<Entry> holders = snapshot().holders("alerts.view", "ontap", NOW);

    assertThat(holders).extracting(Entry::subject).containsExactly("*@mrpaints.com", "alice@mrpaints.com");
    assertThat(holders.get(0).except()).containsExactly("bob@mrpaints.com");
    assertThat(snapshot().holders("alerts.view", "elsewhere", NOW)).isEmpty();
  }

  @Test
  void aUsersOwnExpiredEntryIsTheWholeAnswerAndSaysWhy() {
    Decision d = snapshot().decide("Tim@mrpaints.com", "alerts.view", "ontap", NOW);

    assertThat(d.allowed()).isFalse();
    assertThat(d.rule()).isEqualTo("expired");
    assertThat(d.entry()).map(Entry::subject).contains("tim@mrpaints.com");
    assertThat(d.explanation()).contains("grants nothing until Trellis rewrites it").endsWith(".");
  }

  @Test
  void everyDecisionExplainsItselfInOneSentence() {
    Snapshot s = snapshot();
    for (String subject : List.of("alice@mrpaints.com", "bob@mrpaints.com", "carol@mrpaints.com", "x@y.z", "sa")) {
      Decision d = s.decide(subject, "alerts.manage", "ontap", NOW);
      assertThat(d.explanation()).as(subject).endsWith(".").doesNotContain("\n");
      assertThat(d.rule()).matches("[a-z-]+");
    }
    assertThat(s.decide("alice@mrpaints.com", "alerts.manage", "ontap", NOW).allowed()).isTrue();
  }
}
