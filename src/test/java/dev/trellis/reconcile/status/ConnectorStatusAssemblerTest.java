package dev.trellis.reconcile.status;

import static dev.trellis.reconcile.status.Fixtures.EARLIER;
import static dev.trellis.reconcile.status.Fixtures.named;
import static dev.trellis.reconcile.status.Fixtures.ready;
import static org.assertj.core.api.Assertions.assertThat;

import dev.trellis.api.v1alpha1.Connector;
import dev.trellis.api.v1alpha1.ConnectorStatus;
import dev.trellis.model.Reasons;
import dev.trellis.model.verdict.Verdict;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConnectorStatusAssemblerTest {

  @Test
  void aWrittenDocumentsFiguresAreInTheStatus() {
    Connector connector = named(new Connector(), "eu", 1);
    ConnectorStatus status = ConnectorStatusAssembler.assemble(connector, Verdict.ok("fine"),
        new ConnectorStatusAssembler.Figures(3, 7, "sha256:abc", List.of("eu-grants-1")), EARLIER);
    assertThat(status.getGrantsConfigMap()).isEqualTo("eu-grants");
    assertThat(status.getResources()).isEqualTo(3);
    assertThat(status.getEntries()).isEqualTo(7);
    assertThat(status.getRevision()).isEqualTo("sha256:abc");
    assertThat(status.getShards()).containsExactly("eu-grants-1");
  }

  @Test
  void aRefusedWriteSaysWhichConfigMapAndTheFirstLineOfWhatTheApiServerSaid() {
    Connector connector = named(new Connector(), "eu", 1);
    connector.setStatus(ConnectorStatusAssembler.notWritten(connector, 403,
        "configmaps \"eu-grants\" is forbidden\nmore detail", EARLIER));
    assertThat(connector.getStatus().getRevision()).as("figures of a document not written").isNull();
    assertThat(ready(connector).getReason()).isEqualTo(Reasons.GRANTS_NOT_WRITTEN);
    assertThat(ready(connector).getMessage()).isEqualTo("Trellis could not write ConfigMap eu-grants (403:"
        + " configmaps \"eu-grants\" is forbidden), so it may not show the current grants; Trellis retries.");
  }
}
