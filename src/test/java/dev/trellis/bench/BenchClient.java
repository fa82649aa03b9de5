package dev.trellis.bench;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.http.BasicBuilder;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.Interceptor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/** The harness's client: admin credentials, and a count of every request it sends. */
final class BenchClient {
  private BenchClient() {}

  static KubernetesClient create(Path kubeconfig, AtomicLong requests) throws IOException {
    Config config = Config.fromKubeconfig(Files.readString(kubeconfig));
    config.setMaxConcurrentRequests(64);
    return new KubernetesClientBuilder().withConfig(config)
        .withHttpClientBuilderConsumer(b -> b.addOrReplaceInterceptor("bench-request-count", new Interceptor() {
          @Override
          public void before(BasicBuilder builder, HttpRequest request, RequestTags tags) {
            if (!request.uri().getPath().equals("/metrics")) {
              requests.incrementAndGet();
            }
          }
        }))
        .build();
  }
}
