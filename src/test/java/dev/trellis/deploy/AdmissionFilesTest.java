package dev.trellis.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The Helm chart ships the same invitation policy and invitee role as config/admission/ (kustomize). */
class AdmissionFilesTest {

  @ParameterizedTest
  @ValueSource(strings = {"invitation-acceptance-policy.yaml", "invitee-role.yaml"})
  void helmAndKustomizeShipTheSameFile(String name) throws Exception {
    assertThat(Files.readString(Path.of("helm", "trellis", "files", name)))
        .isEqualTo(Files.readString(Path.of("config", "admission", name)));
  }
}
