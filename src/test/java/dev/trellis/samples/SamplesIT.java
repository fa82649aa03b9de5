package dev.trellis.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.trellis.api.v1alpha1.ApiConstants;
import dev.trellis.api.v1alpha1.ApiKinds;
import dev.trellis.api.v1alpha1.Organization;
import dev.trellis.testsupport.DumpOnFailure;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.junit.QuarkusTest;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * config/samples/ applies as `make run` applies it (hack/apply-samples.sh: organizations first, orgId
 * placeholders replaced), and every Trellis object in it becomes Ready.
 */
@QuarkusTest
@ExtendWith(DumpOnFailure.class)
class SamplesIT {
  private static final Duration WAIT = Duration.ofSeconds(90);
  private static final Path SAMPLES = Path.of("config", "samples");

  /** An administrator's client: the operator under test has its own, with the chart's rights only. */
  KubernetesClient client = dev.trellis.testsupport.ControlPlane.get().admin();

  @Test
  void samplesApplyAndEveryObjectBecomesReady() throws Exception {
    apply(SAMPLES.resolve("organizations.yaml"));
    await().atMost(WAIT).untilAsserted(() -> assertThat(client.resources(Organization.class).list().getItems())
        .filteredOn(o -> o.getMetadata().getName().matches("mrpaints|globalpartners"))
        .hasSize(2).allSatisfy(o -> {
          assertThat(o.getStatus()).isNotNull();
          assertThat(o.getStatus().condition(ApiConstants.READY))
              .hasValueSatisfying(c -> assertThat(c.isTrue()).isTrue());
        }));
    dev.trellis.testsupport.Samples.applyRest(client);

    // Other tests share the control plane: judge the samples' own objects only.
    java.util.Set<String> sampled = new java.util.HashSet<>();
    try (Stream<Path> files = Files.walk(SAMPLES)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
        try (InputStream in = Files.newInputStream(file)) {
          client.load(in).items().forEach(o -> sampled.add(key(o)));
        }
      }
    }
    await().atMost(WAIT).untilAsserted(() -> {
      List<String> notReady = new ArrayList<>();
      for (var kind : ApiKinds.ALL) {
        for (var object : client.resources(kind).inAnyNamespace().list().getItems()) {
          if (!sampled.contains(key(object))) {
            continue;
          }
          var ready = object.getStatus() == null ? null
              : ((dev.trellis.api.v1alpha1.TrellisStatus) object.getStatus()).condition(ApiConstants.READY)
                  .orElse(null);
          if (ready == null || !ready.isTrue()) {
            notReady.add(object.getKind() + "/" + object.getMetadata().getName() + ": " + ready);
          }
        }
      }
      assertThat(notReady).isEmpty();
    });
    // The partnership sample is established: krishna of GlobalPartners reaches ontap-london.
    await().atMost(WAIT).untilAsserted(() -> {
      var grants = client.configMaps().inNamespace("org-mrpaints").withName("conn-eu-grants").get();
      assertThat(grants).isNotNull();
      assertThat(grants.getData().get("grants.json")).contains("krishna@globalpartners.com")
          // Dana accepted her invitation; every mrpaints.com user has the single sign-on default role.
          .contains("\"dana@mrpaints.com\"").contains("\"*@mrpaints.com\"");
    });
    await().atMost(WAIT).untilAsserted(() -> {
      Organization mrpaints = client.resources(Organization.class).withName("mrpaints").get();
      assertThat(mrpaints.getStatus().getAccountOwners()).containsExactly("alice@mrpaints.com", "bob@mrpaints.com");
      assertThat(mrpaints.getStatus().condition(ApiConstants.ACCOUNT_OWNERS))
          .hasValueSatisfying(c -> assertThat(c.isTrue()).isTrue());
      assertThat(mrpaints.getStatus().condition(ApiConstants.SINGLE_SIGN_ON))
          .hasValueSatisfying(c -> assertThat(c.isTrue()).isTrue());
    });
    argoCdSeesEveryObjectHealthy(sampled);
  }

  /**
   * The health checks of config/argocd, run by Argo CD's Lua engine on the samples as the API server holds them
   * (real statuses, not test data): every one is Healthy.
   */
  private void argoCdSeesEveryObjectHealthy(java.util.Set<String> sampled) throws Exception {
    Path dir = Files.createTempDirectory("argocd-health");
    int objects = 0;
    for (var kind : ApiKinds.ALL) {
      Path kindDir = dir.resolve("iam.trellis.dev").resolve(kind.getSimpleName());
      Files.createDirectories(kindDir.resolve("testdata"));
      Files.copy(Path.of("config", "argocd", "resource_customizations", "iam.trellis.dev", kind.getSimpleName(),
          "health.lua"), kindDir.resolve("health.lua"));
      StringBuilder tests = new StringBuilder("tests:\n");
      for (var object : client.resources(kind).inAnyNamespace().list().getItems()) {
        if (sampled.contains(key(object))) {
          String name = object.getMetadata().getNamespace() + "-" + object.getMetadata().getName() + ".yaml";
          Files.writeString(kindDir.resolve("testdata").resolve(name),
              io.fabric8.kubernetes.client.utils.Serialization.asYaml(object));
          tests.append("- healthStatus: {status: Healthy}\n  inputPath: testdata/").append(name).append('\n');
          objects++;
        }
      }
      Files.writeString(kindDir.resolve("health_test.yaml"), tests.toString());
    }
    assertThat(dev.trellis.testsupport.Tools.run(null, dev.trellis.testsupport.Tools.binary("lua-health"),
        dir.toString())).contains(objects + " tests, 0 failed");
    assertThat(objects).as("sample objects checked").isGreaterThan(20);
  }

  private static String key(io.fabric8.kubernetes.api.model.HasMetadata o) {
    return o.getKind() + "/" + o.getMetadata().getNamespace() + "/" + o.getMetadata().getName();
  }

  private void apply(Path file) throws Exception {
    try (InputStream in = Files.newInputStream(file)) {
      client.load(in).forceConflicts().serverSideApply();
    }
  }
}
