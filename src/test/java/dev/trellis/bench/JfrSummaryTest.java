package dev.trellis.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class JfrSummaryTest {

  @Test
  void aSampleBelongsToThePartOfTheFrameNearestItsTop() {
    // The resolver's own frames under the JDK's collections: resolving.
    assertThat(JfrSummary.part(List.of("java.util.TreeMap", "dev.trellis.model.hierarchy.Hierarchy",
        "dev.trellis.model.grants.GrantResolver", "dev.trellis.reconcile.tenancy.TenancyReconciler")))
        .isEqualTo("resolving");
    // A write's encryption, whoever asked for it: TLS.
    assertThat(JfrSummary.part(List.of("com.sun.crypto.provider.GHASH", "sun.security.ssl.SSLEngineImpl",
        "io.netty.handler.ssl.SslHandler", "io.vertx.core.net.impl.ConnectionBase"))).isEqualTo("TLS (AES-GCM)");
    // A watch event's ConfigMap decoded, then digested.
    assertThat(JfrSummary.part(List.of("com.fasterxml.jackson.core.json.UTF8StreamJsonParser",
        "io.fabric8.kubernetes.client.informers.impl.cache.Reflector"))).isEqualTo("JSON decoding");
    assertThat(JfrSummary.part(List.of("sun.security.provider.SHA2",
        "dev.trellis.reconcile.support.CachedContent"))).isEqualTo("caching ConfigMaps (digest)");
    assertThat(JfrSummary.part(List.of("java.lang.Thread"))).isEqualTo("other");
  }
}
