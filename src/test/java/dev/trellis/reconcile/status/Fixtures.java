package dev.trellis.reconcile.status;

import dev.trellis.api.v1alpha1.Condition;
import io.fabric8.kubernetes.client.CustomResource;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** Objects and clocks the assemblers' tests share. */
final class Fixtures {
  static final Instant T0 = Instant.parse("2026-05-01T10:00:00.750Z");
  static final Clock EARLIER = Clock.fixed(T0, ZoneOffset.UTC);
  static final Clock LATER = Clock.fixed(T0.plusSeconds(3600), ZoneOffset.UTC);

  private Fixtures() {}

  /** {@code resource}, named and in namespace {@code org-a}, at {@code generation}. */
  static <R extends CustomResource<?, ?>> R named(R resource, String name, long generation) {
    resource.getMetadata().setName(name);
    resource.getMetadata().setNamespace("org-a");
    resource.getMetadata().setGeneration(generation);
    return resource;
  }

  static Condition ready(CustomResource<?, ? extends dev.trellis.api.v1alpha1.TrellisStatus> resource) {
    return resource.getStatus().condition("Ready").orElseThrow();
  }
}
