package dev.trellis.testsupport;

import dev.trellis.api.v1alpha1.ApiKinds;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.Comparator;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/** When a test fails, prints every Trellis object and every Event, so the failure explains itself. */
public class DumpOnFailure implements TestWatcher {

  @Override
  public void testFailed(ExtensionContext context, Throwable cause) {
    StringBuilder out = new StringBuilder("\n===== cluster state after failure of ")
        .append(context.getDisplayName()).append(" =====\n");
    try (KubernetesClient client = ControlPlane.get().newClient()) {
      for (var kind : ApiKinds.ALL) {
        for (var item : client.resources(kind).inAnyNamespace().list().getItems()) {
          out.append("--- ").append(item.getKind()).append(' ')
              .append(item.getMetadata().getNamespace() == null ? "" : item.getMetadata().getNamespace() + "/")
              .append(item.getMetadata().getName()).append('\n')
              .append(Serialization.asYaml(item.getStatus()));
        }
      }
      out.append("--- events\n");
      client.v1().events().inAnyNamespace().list().getItems().stream()
          .sorted(Comparator.comparing(Event::getLastTimestamp, Comparator.nullsFirst(Comparator.naturalOrder())))
          .forEach(e -> out.append(String.format("%s %s %s/%s %s: %s%n", e.getLastTimestamp(), e.getType(),
              e.getInvolvedObject().getKind(), e.getInvolvedObject().getName(), e.getReason(), e.getMessage())));
    } catch (RuntimeException e) {
      out.append("(could not read the cluster: ").append(e).append(")\n");
    }
    System.out.println(out);
  }
}
