package dev.trellis.reader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.trellis.reconcile.tenancy.TenancyFixture;
import dev.trellis.testsupport.ControlPlane;
import dev.trellis.testsupport.DumpOnFailure;
import io.fabric8.kubernetes.api.model.authentication.TokenRequestBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The kit reads what the running operator writes, through the real API server, as a connector's service account
 * with nothing but {@code get} on its grants ConfigMaps (and the published keys every authenticated user may read).
 */
@QuarkusTest
@ExtendWith(DumpOnFailure.class)
class ReaderIT {
  KubernetesClient client = ControlPlane.get().admin();

  @Test
  void aConnectorReadsAndVerifiesItsGrantsThroughTheApiServer() throws Exception {
    TenancyFixture given = new TenancyFixture(client);
    String ns = given.organization("reader");
    given.oneAnalyst(ns, "ann", "ann@reader.com", null);
    given.apply(ns, """
        apiVersion: v1
        kind: ServiceAccount
        metadata: {name: connector-c}
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: Role
        metadata: {name: connector-c-grants}
        rules:
          - apiGroups: [""]
            resources: [configmaps]
            verbs: [get]
            resourceNames: [c-grants, c-grants-1, c-grants-2]
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleBinding
        metadata: {name: connector-c-grants}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: connector-c-grants}
        subjects:
          - {kind: ServiceAccount, name: connector-c}
        """);
    String token = client.serviceAccounts().inNamespace(ns).withName("connector-c").tokenRequest(
        new TokenRequestBuilder().withNewSpec().withExpirationSeconds(3600L).endSpec().build())
        .getStatus().getToken();
    ApiAccess api = ApiAccess.of(URI.create(client.getConfiguration().getMasterUrl()), token, caPem());

    TrustedKeys keys = TrustedKeys.fromApi(api, "trellis-system");
    await().atMost(TenancyFixture.WAIT).ignoreExceptions().untilAsserted(() -> {
      Snapshot s = GrantsReader.fromApi(api, ns, "c", keys);
      assertThat(s.verified()).isTrue();
      assertThat(keys.keyIds()).contains(s.keyId());
      assertThat(s.decide("Ann@Reader.com", "resources.view", "r", Instant.now()).rule()).isEqualTo("user-entry");
    });
    assertThat(GrantsReader.fromApi(api, ns, "c", keys).allowed("ann@reader.com", "resources.view", "r")).isTrue();
    assertThat(GrantsReader.fromApi(api, ns, "c", keys).allowed("bob@reader.com", "resources.view", "r")).isFalse();
  }

  private String caPem() throws Exception {
    Config config = client.getConfiguration();
    if (config.getCaCertData() != null) {
      return new String(Base64.getDecoder().decode(config.getCaCertData()), StandardCharsets.US_ASCII);
    }
    return Files.readString(Path.of(config.getCaCertFile()), StandardCharsets.US_ASCII);
  }
}
