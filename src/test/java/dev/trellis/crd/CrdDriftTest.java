package dev.trellis.crd;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The CRDs users install (crds/, and the chart's copy) must be exactly what the api classes generate.
 * Run {@code make crds} to regenerate them; it runs this test with -Dtrellis.crds.update=true.
 */
class CrdDriftTest {

  @Test
  void checkedInCrdsMatchTheApiClasses() throws Exception {
    if (Boolean.getBoolean("trellis.crds.update")) {
      CrdGeneration.write();
    }
    var generated = CrdGeneration.generate();
    assertThat(generated).isNotEmpty();
    for (Path dir : CrdGeneration.CHECKED_IN) {
      assertThat(CrdGeneration.checkedIn(dir))
          .as("CRDs in %s are stale: run `make crds` and commit the result", dir)
          .isEqualTo(generated);
    }
    assertThat(java.nio.file.Files.readString(CrdGeneration.KUSTOMIZATION))
        .as("crds/kustomization.yaml is stale: run `make crds`")
        .isEqualTo(CrdGeneration.kustomization(generated.keySet()));
  }
}
