package dev.trellis.reconcile.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trellis.api.v1alpha1.Connector;
import dev.trellis.projection.GrantsProjector;
import dev.trellis.reader.GrantsReader;
import dev.trellis.reader.Snapshot;
import dev.trellis.reader.TrustedKeys;
import dev.trellis.testsupport.ControlPlane;
import dev.trellis.testsupport.DumpOnFailure;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Format v1alpha2 on the real API server: a connector that asks for it gets shards by resource named by the
 * primary, a change rewrites only the shards of the resources it affects, and going back to v1alpha1 leaves one
 * document and no shard.
 */
@QuarkusTest
@ExtendWith(DumpOnFailure.class)
class ShardedGrantsIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  KubernetesClient client = ControlPlane.get().admin();

  @Test
  void aChangeRewritesOnlyTheShardsOfTheResourcesItAffects() throws Exception {
    TenancyFixture given = new TenancyFixture(client);
    String ns = given.organization("shards");
    // Nine resources: four buckets (at most four resources each on average). By SHA-256, r6 and r7 are in bucket 0
    // (shard c-grants-1), r2 in bucket 1 (c-grants-2), the others in bucket 2 (c-grants-3); bucket 3 is empty.
    assertThat(GrantsProjector.buckets(9, GrantsProjector.DEFAULT_RESOURCES_PER_SHARD)).isEqualTo(4);
    assertThat(Map.of("r6", GrantsProjector.bucket("r6", 4), "r7", GrantsProjector.bucket("r7", 4), "r2",
        GrantsProjector.bucket("r2", 4), "r1", GrantsProjector.bucket("r1", 4)))
        .isEqualTo(Map.of("r6", 0, "r7", 0, "r2", 1, "r1", 2));
    StringBuilder yaml = new StringBuilder("""
        apiVersion: iam.trellis.dev/v1alpha1
        kind: Project
        metadata: {name: p1}
        ---
        apiVersion: iam.trellis.dev/v1alpha1
        kind: Project
        metadata: {name: p2}
        ---
        apiVersion: iam.trellis.dev/v1alpha1
        kind: Project
        metadata: {name: p3}
        ---
        apiVersion: iam.trellis.dev/v1alpha1
        kind: Connector
        metadata: {name: c}
        spec: {projects: [p1, p2, p3], grantsFormat: v1alpha2}
        ---
        apiVersion: iam.trellis.dev/v1alpha1
        kind: Member
        metadata: {name: ann}
        spec: {type: User, email: ann@shards.com}
        ---
        apiVersion: iam.trellis.dev/v1alpha1
        kind: Member
        metadata: {name: bob}
        spec: {type: User, email: bob@shards.com}
        ---
        apiVersion: iam.trellis.dev/v1alpha1
        kind: RoleBinding
        metadata: {name: ann-p1}
        spec: {role: operation-support-analyst, subject: {kind: Member, name: ann}, scope: {kind: Project, name: p1}}
        ---
        apiVersion: iam.trellis.dev/v1alpha1
        kind: RoleBinding
        metadata: {name: ann-p3}
        spec: {role: operation-support-analyst, subject: {kind: Member, name: ann}, scope: {kind: Project, name: p3}}
        """);
    Map<String, String> projectOf = Map.of("r2", "p1", "r6", "p2", "r7", "p2", "r1", "p3", "r3", "p3", "r4", "p3",
        "r5", "p3", "r8", "p3", "r9", "p3");
    projectOf.forEach((r, p) -> yaml.append("""
        ---
        apiVersion: iam.trellis.dev/v1alpha1
        kind: ManagedResource
        metadata: {name: %s}
        spec: {type: Server, connector: c, projects: [%s]}
        """.formatted(r, p)));
    given.apply(ns, yaml.toString());

    await().atMost(TenancyFixture.WAIT).untilAsserted(() -> {
      Map<String, JsonNode> docs = documents(ns);
      JsonNode primary = docs.get("c-grants");
      assertThat(primary.get("apiVersion").asText()).isEqualTo("iam.trellis.dev/v1alpha2");
      assertThat(docs.keySet()).containsExactly("c-grants", "c-grants-1", "c-grants-2", "c-grants-3");
      assertThat(subjects(docs)).containsExactlyInAnyOrder("ann@shards.com r1", "ann@shards.com r2",
          "ann@shards.com r3", "ann@shards.com r4", "ann@shards.com r5", "ann@shards.com r8", "ann@shards.com r9");
      for (JsonNode shard : primary.get("shards")) {
        assertThat(docs.get(shard.get("name").asText()).get("revision")).isEqualTo(shard.get("revision"));
      }
    });
    Map<String, String> before = versions(ns);

    given.apply(ns, """
        apiVersion: iam.trellis.dev/v1alpha1
        kind: RoleBinding
        metadata: {name: bob-p2}
        spec: {role: operation-support-analyst, subject: {kind: Member, name: bob}, scope: {kind: Project, name: p2}}
        """);
    // Shards are written before the primary that names them: wait for a consistent view that has bob.
    await().atMost(TenancyFixture.WAIT).untilAsserted(() -> {
      Map<String, JsonNode> docs = documents(ns);
      assertThat(subjects(docs)).contains("bob@shards.com r6", "bob@shards.com r7");
      for (JsonNode shard : docs.get("c-grants").get("shards")) {
        assertThat(docs.get(shard.get("name").asText()).get("revision")).isEqualTo(shard.get("revision"));
      }
    });
    Map<String, String> after = versions(ns);
    // Only the primary is signed; the reader kit, with the keys the operator publishes, authenticates the shards
    // through the revisions the primary names.
    Map<String, Map<String, String>> data = new TreeMap<>();
    client.configMaps().inNamespace(ns).withLabel("iam.trellis.dev/connector", "c").list().getItems()
        .forEach(cm -> data.put(cm.getMetadata().getName(), cm.getData()));
    assertThat(data.get("c-grants")).containsKey(GrantsReader.SIGNATURE_KEY);
    data.forEach((name, d) -> assertThat(d).as(name).containsKey(GrantsReader.DATA_KEY)
        .satisfies(x -> assertThat(name.equals("c-grants") || !x.containsKey(GrantsReader.SIGNATURE_KEY)).isTrue()));
    TrustedKeys keys = TrustedKeys.parse(client.configMaps().inNamespace("trellis-system")
        .withName("trellis-signing-keys").get().getData().get("keys.json"));
    Snapshot read = GrantsReader.assemble(data.remove("c-grants"), data, keys);
    assertThat(read.verified()).isTrue();
    assertThat(read.allowed("bob@shards.com", "resources.view", "r6")).isTrue();
    assertThat(after.get("c-grants")).as("the primary is rewritten").isNotEqualTo(before.get("c-grants"));
    assertThat(after.get("c-grants-1")).as("the shard of r6 and r7").isNotEqualTo(before.get("c-grants-1"));
    assertThat(after.get("c-grants-2")).as("r2's shard is untouched").isEqualTo(before.get("c-grants-2"));
    assertThat(after.get("c-grants-3")).as("r1's shard is untouched").isEqualTo(before.get("c-grants-3"));
    Connector c = client.resources(Connector.class).inNamespace(ns).withName("c").get();
    assertThat(c.getStatus().getShards()).containsExactly("c-grants-1", "c-grants-2", "c-grants-3");
    assertThat(c.getStatus().getRevision()).isEqualTo(documents(ns).get("c-grants").get("revision").asText());

    given.mergePatch(Connector.class, ns, "c", "{\"spec\":{\"grantsFormat\":\"v1alpha1\"}}");
    await().atMost(TenancyFixture.WAIT).untilAsserted(() -> {
      Map<String, JsonNode> docs = documents(ns);
      assertThat(docs.keySet()).containsExactly("c-grants");
      assertThat(docs.get("c-grants").get("apiVersion").asText()).isEqualTo("iam.trellis.dev/v1alpha1");
      assertThat(subjects(docs)).hasSize(9);
    });
  }

  /** The connector's grants ConfigMaps by name, parsed. */
  private Map<String, JsonNode> documents(String ns) throws Exception {
    Map<String, JsonNode> out = new TreeMap<>();
    for (ConfigMap cm : client.configMaps().inNamespace(ns).withLabel("iam.trellis.dev/connector", "c").list()
        .getItems()) {
      out.put(cm.getMetadata().getName(), JSON.readTree(cm.getData().get("grants.json")));
    }
    return out;
  }

  private Map<String, String> versions(String ns) {
    Map<String, String> out = new TreeMap<>();
    client.configMaps().inNamespace(ns).withLabel("iam.trellis.dev/connector", "c").list().getItems()
        .forEach(cm -> out.put(cm.getMetadata().getName(), cm.getMetadata().getResourceVersion()));
    return out;
  }

  /** "subject resource" of every entry in every part. */
  private static TreeSet<String> subjects(Map<String, JsonNode> docs) {
    TreeSet<String> out = new TreeSet<>();
    docs.values().forEach(d -> d.get("entries").forEach(e -> out.add(e.get("subject").asText() + " "
        + e.get("resource").asText())));
    return out;
  }
}
