package dev.trellis.reconcile.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.trellis.api.v1alpha1.Condition;
import dev.trellis.api.v1alpha1.Folder;
import dev.trellis.api.v1alpha1.FolderStatus;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What {@link StatusWriter#apply} sends, seen by a recording HTTP endpoint standing in for the API server (the
 * integration tests show the statuses it writes on a real one): nothing for an unchanged status, one server-side apply
 * of the status subresource under Trellis's field manager otherwise, an Event when Ready changes except on a first
 * Ready, and no failure for an object deleted meanwhile.
 */
class StatusWriterTest {
  private record Request(String method, String path, String query, String contentType, String body) {}

  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private volatile int statusAnswer = 200;
  private HttpServer server;
  private KubernetesClient client;
  private StatusWriter writer;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::answer);
    server.start();
    Config config = new ConfigBuilder().withMasterUrl("http://127.0.0.1:" + server.getAddress().getPort())
        .withRequestRetryBackoffLimit(0).build();
    client = new KubernetesClientBuilder().withConfig(config).build();
    Clock clock = Clock.fixed(Instant.parse("2026-05-01T10:00:00Z"), ZoneOffset.UTC);
    writer = new StatusWriter(client, new EventRecorder(client, clock));
  }

  @AfterEach
  void stop() {
    client.close();
    server.stop(0);
  }

  private void answer(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
        exchange.getRequestURI().getQuery(), exchange.getRequestHeaders().getFirst("Content-Type"), body));
    boolean status = exchange.getRequestURI().getPath().endsWith("/status");
    int code = status ? statusAnswer : 201;
    // The written object: the request's own body is a valid answer for both the status and the event.
    byte[] reply = code == 404
        ? "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"code\":404}".getBytes()
        : body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(code, reply.length);
    exchange.getResponseBody().write(reply);
    exchange.close();
  }

  private static Folder folder(FolderStatus status) {
    Folder folder = new Folder();
    folder.getMetadata().setName("f");
    folder.getMetadata().setNamespace("org-a");
    folder.getMetadata().setGeneration(2L);
    folder.setStatus(status);
    return folder;
  }

  private static FolderStatus status(String ready, String reason) {
    FolderStatus status = new FolderStatus();
    status.setObservedGeneration(2L);
    status.setConditions(List.of(new Condition("Ready", ready, reason, "m", "2026-05-01T10:00:00Z", 2L)));
    return status;
  }

  @Test
  void anUnchangedStatusSendsNothing() {
    assertThat(writer.apply(folder(status("True", "Ready")), status("True", "Ready"), null, null)).isFalse();
    assertThat(requests).isEmpty();
  }

  @Test
  void aChangedStatusIsOneServerSideApplyOfTheStatusSubresourceWithoutSpec() {
    assertThat(writer.apply(folder(status("True", "Ready")), status("False", "ParentNotFound"), null, null))
        .isTrue();
    Request apply = requests.get(0);
    assertThat(apply.method()).isEqualTo("PATCH");
    assertThat(apply.path()).isEqualTo("/apis/iam.trellis.dev/v1alpha1/namespaces/org-a/folders/f/status");
    assertThat(apply.query()).contains("fieldManager=trellis-operator").contains("force=true");
    assertThat(apply.contentType()).startsWith("application/apply-patch+yaml");
    assertThat(apply.body()).contains("ParentNotFound").doesNotContain("\"spec\"");
    assertThat(requests).as("and an Event, Ready having turned False").hasSize(2);
    assertThat(requests.get(1).path()).isEqualTo("/api/v1/namespaces/org-a/events");
    assertThat(requests.get(1).body()).contains("\"type\":\"Warning\"").contains("\"reason\":\"ParentNotFound\"");
  }

  @Test
  void aFirstReadyIsWrittenWithoutAnEvent() {
    assertThat(writer.apply(folder(null), status("True", "Ready"), null, null)).isTrue();
    assertThat(requests).extracting(Request::method).containsExactly("PATCH");
  }

  @Test
  void aFirstNotReadyHasItsEvent() {
    assertThat(writer.apply(folder(null), status("False", "ParentNotFound"), null, null)).isTrue();
    assertThat(requests).extracting(Request::method).containsExactly("PATCH", "POST");
  }

  @Test
  void anObjectDeletedMeanwhileIsNoFailure() {
    statusAnswer = 404;
    assertThat(writer.apply(folder(status("True", "Ready")), status("False", "ParentNotFound"), null, null))
        .isFalse();
    assertThat(requests).extracting(Request::method).containsExactly("PATCH");
  }
}
