package dev.trellis.reconcile.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeyRingTest {
  private static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");

  @Test
  void theFirstKeyIsPublishedAndPublishingItAgainChangesNothing() {
    KeyRing ring = new KeyRing(List.of()).with("ed25519-a", "pkA", T0);
    assertThat(ring.keys()).containsExactly(new KeyRing.Key("ed25519-a", "Ed25519", "pkA", T0.toString(), null));
    assertThat(ring.with("ed25519-a", "pkA", T0.plusSeconds(3600))).isEqualTo(ring);
  }

  @Test
  void aRotatedKeyStaysVerifiableForTheRetentionPeriodThenGoes() {
    KeyRing first = new KeyRing(List.of()).with("ed25519-a", "pkA", T0);
    Instant rotated = T0.plusSeconds(86_400);
    KeyRing second = first.with("ed25519-b", "pkB", rotated);
    assertThat(second.keys()).containsExactly(
        new KeyRing.Key("ed25519-a", "Ed25519", "pkA", T0.toString(), rotated.toString()),
        new KeyRing.Key("ed25519-b", "Ed25519", "pkB", rotated.toString(), null));
    // Still there a moment before the retention ends, gone after it.
    assertThat(second.with("ed25519-b", "pkB", rotated.plus(KeyRing.RETAIN)).keys()).hasSize(2);
    assertThat(second.with("ed25519-b", "pkB", rotated.plus(KeyRing.RETAIN).plusSeconds(1)).keys())
        .extracting(KeyRing.Key::keyId).containsExactly("ed25519-b");
  }
}
