package dev.trellis.reconcile.status;

import dev.trellis.api.v1alpha1.Connector;
import dev.trellis.api.v1alpha1.ConnectorStatus;
import dev.trellis.model.Reasons;
import dev.trellis.model.verdict.Verdict;
import dev.trellis.projection.GrantsProjector;
import dev.trellis.reconcile.support.Conditions;
import java.time.Clock;
import java.util.List;

/**
 * A connector's status: Ready as the model judged it, the grants ConfigMap it reads and what the last document
 * written there holds; or, when that ConfigMap could not be written, GrantsNotWritten and why.
 */
public final class ConnectorStatusAssembler {
  private ConnectorStatusAssembler() {}

  /** What the connector's last written document holds: counts, revision, and its shards (null when one). */
  public record Figures(int resources, int entries, String revision, List<String> shards) {}

  public static ConnectorStatus assemble(Connector connector, Verdict verdict, Figures written, Clock clock) {
    String name = connector.getMetadata().getName();
    return StatusAssembly.assemble(connector, ConnectorStatus::new, s -> {
      s.setGrantsConfigMap(GrantsProjector.configMapName(name));
      s.setResources(written.resources());
      s.setEntries(written.entries());
      s.setRevision(written.revision());
      s.setShards(written.shards());
    }, Conditions.ready(verdict, connector), clock);
  }

  /**
   * The status of a connector whose grants ConfigMap the API server refused: {@code code} and the first line of
   * {@code message} are the API server's answer.
   */
  public static ConnectorStatus notWritten(Connector connector, int code, String message, Clock clock) {
    String configMap = GrantsProjector.configMapName(connector.getMetadata().getName());
    return StatusAssembly.assemble(connector, ConnectorStatus::new, s -> s.setGrantsConfigMap(configMap),
        StatusAssembly.notReady(Reasons.GRANTS_NOT_WRITTEN, "Trellis could not write ConfigMap " + configMap + " ("
            + code + ": " + firstLine(message) + "), so it may not show the current grants; Trellis retries.",
            connector),
        clock);
  }

  private static String firstLine(String message) {
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
