package dev.trellis.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.trellis.reconcile.support.Sharding;
import dev.trellis.testsupport.ControlPlane;
import dev.trellis.testsupport.DumpOnFailure;
import dev.trellis.testsupport.Tools;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The Helm chart and the kustomize base render to manifests that the real API server accepts. */
@ExtendWith(DumpOnFailure.class)
class InstallManifestsIT {

  @BeforeAll
  static void releaseNamespace() {
    try (KubernetesClient client = ControlPlane.get().newClient()) {
      client.resource(new NamespaceBuilder().withNewMetadata().withName("trellis-system").endMetadata().build())
          .serverSideApply();
    }
  }

  @Test
  void helmChartRendersManifestsTheApiServerAccepts() throws Exception {
    // Release "chart": the control plane already has the registration trellis-iam of config/webhook/ (with a url),
    // which a dry-run apply of the chart's (with a service) would merge into an invalid object.
    String rendered = Tools.run(null, Tools.binary("helm"), "template", "chart", "helm/trellis",
        "--namespace", "trellis-system", "--include-crds", "--kube-version", "1.37.2");
    String applied = Tools.run(rendered, Tools.binary("kubectl"), "--kubeconfig",
        ControlPlane.get().kubeconfig().toString(), "apply", "--server-side", "--force-conflicts",
        "--dry-run=server", "-f", "-");
    assertThat(applied)
        .contains("customresourcedefinition.apiextensions.k8s.io/organizations.iam.trellis.dev serverside-applied")
        .contains("serviceaccount/chart-trellis serverside-applied")
        .contains("clusterrole.rbac.authorization.k8s.io/chart-trellis serverside-applied")
        .contains("clusterrolebinding.rbac.authorization.k8s.io/chart-trellis serverside-applied")
        .contains("deployment.apps/chart-trellis serverside-applied")
        .contains("service/chart-trellis-webhook serverside-applied")
        .contains("validatingwebhookconfiguration.admissionregistration.k8s.io/chart-trellis-iam serverside-applied")
        .contains("accessrole.iam.trellis.dev/organization-admin serverside-applied")
        .contains(
            "validatingadmissionpolicy.admissionregistration.k8s.io/trellis-managed-configmaps serverside-applied");
  }

  @Test
  void kustomizeBaseRendersManifestsTheApiServerAccepts() throws Exception {
    String applied = Tools.run(null, Tools.binary("kubectl"), "--kubeconfig",
        ControlPlane.get().kubeconfig().toString(), "apply", "--server-side", "--force-conflicts",
        "--dry-run=server", "-k", "config/default");
    assertThat(applied)
        .contains("customresourcedefinition.apiextensions.k8s.io/organizations.iam.trellis.dev serverside-applied")
        .contains("clusterrole.rbac.authorization.k8s.io/trellis-operator serverside-applied")
        .contains("deployment.apps/trellis-operator serverside-applied")
        .contains("accessrole.iam.trellis.dev/organization-admin serverside-applied")
        .contains(
            "validatingadmissionpolicy.admissionregistration.k8s.io/trellis-managed-configmaps serverside-applied");
  }

  @Test
  void helmAndKustomizeGrantTheOperatorTheSamePermissions() throws Exception {
    String helm = Tools.run(null, Tools.binary("helm"), "template", "trellis", "helm/trellis",
        "--namespace", "trellis-system", "--kube-version", "1.37.2");
    String kustomize = Tools.run(null, Tools.binary("kubectl"), "kustomize", "config/default");
    assertThat(clusterRole(helm).getRules()).isNotEmpty().isEqualTo(clusterRole(kustomize).getRules());
  }

  @Test
  void helmKustomizeAndMakeInstallInstallTheSameRolesAndPolicies() throws Exception {
    String kubectl = Tools.binary("kubectl");
    String helm = Tools.run(null, Tools.binary("helm"), "template", "trellis", "helm/trellis",
        "--namespace", "trellis-system", "--kube-version", "1.37.2");
    String kustomize = Tools.run(null, kubectl, "kustomize", "config/default");
    // make install applies crds/, config/roles and config/admission (Makefile).
    String makeInstall = Tools.run(null, kubectl, "kustomize", "config/roles") + "\n---\n"
        + Tools.run(null, kubectl, "kustomize", "config/admission");
    for (String kind : List.of("AccessRole", "ValidatingAdmissionPolicy", "ValidatingAdmissionPolicyBinding")) {
      Map<String, JsonNode> fromHelm = byName(helm, kind);
      assertThat(fromHelm).as(kind).isNotEmpty();
      assertThat(byName(kustomize, kind)).as("%s of kustomize against Helm's", kind).isEqualTo(fromHelm);
      assertThat(byName(makeInstall, kind)).as("%s of make install against Helm's", kind).isEqualTo(fromHelm);
    }
    assertThat(byName(helm, "AccessRole")).containsKeys("organization-admin", "storage-admin", "super-viewer");
    String withoutRoles = Tools.run(null, Tools.binary("helm"), "template", "trellis", "helm/trellis",
        "--namespace", "trellis-system", "--kube-version", "1.37.2", "--set", "predefinedRoles.install=false");
    assertThat(byName(withoutRoles, "AccessRole")).isEmpty();
  }

  @Test
  void aShardedChartRunsADeploymentPerShardAndRoutesEachNamespaceToItsShard() throws Exception {
    String rendered = Tools.run(null, Tools.binary("helm"), "template", "chart", "helm/trellis",
        "--namespace", "trellis-system", "--kube-version", "1.37.2", "--set", "sharding.shards=2",
        "--set", "replicas=2");
    String applied = Tools.run(rendered, Tools.binary("kubectl"), "--kubeconfig",
        ControlPlane.get().kubeconfig().toString(), "apply", "--server-side", "--force-conflicts",
        "--dry-run=server", "-f", "-");
    assertThat(applied).contains("deployment.apps/chart-trellis-shard-0 serverside-applied")
        .contains("deployment.apps/chart-trellis-shard-1 serverside-applied")
        .contains("service/chart-trellis-webhook-shard-1 serverside-applied")
        .contains("poddisruptionbudget.policy/chart-trellis-shard-1 serverside-applied");
    Map<String, JsonNode> deployments = byName(rendered, "Deployment");
    for (int k = 0; k < 2; k++) {
      JsonNode spec = deployments.get("chart-trellis-shard-" + k);
      Map<String, String> env = new TreeMap<>();
      spec.path("template").path("spec").path("containers").get(0).path("env")
          .forEach(e -> env.put(e.path("name").asText(), e.path("value").asText()));
      assertThat(env).containsEntry("TRELLIS_SHARDING_SHARDS", "2").containsEntry("TRELLIS_SHARDING_SHARD", "" + k);
      assertThat(spec.path("selector").path("matchLabels").path(Sharding.LABEL).asText()).isEqualTo(k + "-of-2");
    }
    Map<String, String> routes = new TreeMap<>();
    objects(rendered, "ValidatingWebhookConfiguration").forEach(object -> object.path("webhooks")
        .forEach(w -> routes.put(w.path("name").asText(),
            w.path("clientConfig").path("service").path("name").asText() + " "
                + w.path("namespaceSelector").path("matchExpressions").get(1).path("operator").asText() + " "
                + w.path("namespaceSelector").path("matchExpressions").get(1).path("values"))));
    // Each shard's namespaces to its own Service; a namespace not labelled yet to shard 0, which refuses what it
    // does not serve (fail closed) until the operator has labelled it.
    assertThat(routes).containsExactly(
        Map.entry("shard-0.iam.trellis.dev", "chart-trellis-webhook-shard-0 In [\"0-of-2\"]"),
        Map.entry("shard-1.iam.trellis.dev", "chart-trellis-webhook-shard-1 In [\"1-of-2\"]"),
        Map.entry("unfiled.iam.trellis.dev", "chart-trellis-webhook-shard-0 NotIn [\"0-of-2\",\"1-of-2\"]"));
    // The API server checks the certificate against the name of the Service it calls: each shard's must be in it.
    Set<String> named = new TreeSet<>();
    JsonNode secret = only(rendered, "Secret", "chart-trellis-webhook-tls");
    certificates(secret.path("data").path("tls.crt").asText()).get(0).getSubjectAlternativeNames()
        .forEach(name -> named.add(String.valueOf(name.get(1))));
    assertThat(named).contains("chart-trellis-webhook-shard-0.trellis-system.svc",
        "chart-trellis-webhook-shard-1.trellis-system.svc");
  }

  /**
   * Changing the number of shards makes a new webhook certificate; the previous pods serve the previous one until they
   * stop, so the registration trusts both CAs meanwhile, and an upgrade that keeps the certificate trusts its CA only.
   */
  @Test
  void aNewWebhookCertificateIsTrustedBesideThePreviousOneUntilThePreviousPodsStop() throws Exception {
    String kubeconfig = ControlPlane.get().kubeconfig().toString();
    String installed = Tools.run(null, Tools.binary("helm"), "template", "rotate", "helm/trellis",
        "--namespace", "trellis-system", "--kube-version", "1.37.2");
    JsonNode secret = only(installed, "Secret", "rotate-trellis-webhook-tls");
    try (KubernetesClient client = ControlPlane.get().newClient()) {
      client.resource(new YAMLMapper().treeToValue(secret, Secret.class)).create();
      try {
        // What helm upgrade renders against the cluster (lookup sees the Secret of the install).
        String sharded = Tools.run(null, Tools.binary("helm"), "template", "rotate", "helm/trellis",
            "--namespace", "trellis-system", "--kube-version", "1.37.2", "--set", "sharding.shards=2",
            "--dry-run=server", "--kubeconfig", kubeconfig);
        X509Certificate previousCa = certificates(secret.path("data").path("ca.crt").asText()).get(0);
        JsonNode renewed = only(sharded, "Secret", "rotate-trellis-webhook-tls");
        List<X509Certificate> newCa = certificates(renewed.path("data").path("ca.crt").asText());
        assertThat(newCa).hasSize(1).doesNotContain(previousCa);
        certificates(renewed.path("data").path("tls.crt").asText()).get(0).verify(newCa.get(0).getPublicKey());
        for (String bundle : caBundles(sharded)) {
          assertThat(certificates(bundle)).containsExactlyInAnyOrder(newCa.get(0), previousCa);
        }
        // The same Services as the Secret names: it is kept, and only its CA is trusted.
        String kept = Tools.run(null, Tools.binary("helm"), "template", "rotate", "helm/trellis",
            "--namespace", "trellis-system", "--kube-version", "1.37.2", "--dry-run=server", "--kubeconfig",
            kubeconfig);
        assertThat(only(kept, "Secret", "rotate-trellis-webhook-tls").path("data")).isEqualTo(secret.path("data"));
        assertThat(caBundles(kept)).isNotEmpty()
            .allSatisfy(bundle -> assertThat(certificates(bundle)).containsExactly(previousCa));
      } finally {
        client.secrets().inNamespace("trellis-system").withName("rotate-trellis-webhook-tls").delete();
      }
    }
  }

  /** The objects of {@code kind} in a YAML stream, whole, in order. */
  private static List<JsonNode> objects(String manifests, String kind) throws IOException {
    List<JsonNode> found = new ArrayList<>();
    try (MappingIterator<JsonNode> documents = new YAMLMapper().readerFor(JsonNode.class).readValues(manifests)) {
      while (documents.hasNext()) {
        JsonNode object = documents.next();
        if (object != null && kind.equals(object.path("kind").asText())) {
          found.add(object);
        }
      }
    }
    return found;
  }

  private static JsonNode only(String manifests, String kind, String name) throws IOException {
    return objects(manifests, kind).stream().filter(o -> name.equals(o.path("metadata").path("name").asText()))
        .findFirst().orElseThrow(() -> new AssertionError(kind + " " + name + " not rendered"));
  }

  private static List<String> caBundles(String manifests) throws IOException {
    List<String> bundles = new ArrayList<>();
    objects(manifests, "ValidatingWebhookConfiguration").forEach(object -> object.path("webhooks")
        .forEach(w -> bundles.add(w.path("clientConfig").path("caBundle").asText())));
    return bundles;
  }

  private static List<X509Certificate> certificates(String base64Pem) throws Exception {
    return CertificateFactory.getInstance("X.509")
        .generateCertificates(new ByteArrayInputStream(Base64.getDecoder().decode(base64Pem))).stream()
        .map(X509Certificate.class::cast).toList();
  }

  /**
   * The {@code spec} of each object of {@code kind} in a YAML stream, by name, with runs of white space in its strings
   * made one space: kustomize re-flows multi-line CEL expressions, which reads the same to CEL.
   */
  private static Map<String, JsonNode> byName(String manifests, String kind) throws IOException {
    Map<String, JsonNode> found = new TreeMap<>();
    objects(manifests, kind).forEach(
        object -> found.put(object.path("metadata").path("name").asText(), collapseWhiteSpace(object.path("spec"))));
    return found;
  }

  private static JsonNode collapseWhiteSpace(JsonNode node) {
    if (node.isTextual()) {
      return TextNode.valueOf(node.asText().replaceAll("\\s+", " ").trim());
    }
    if (node.isObject()) {
      ObjectNode copy = JsonNodeFactory.instance.objectNode();
      node.fields().forEachRemaining(f -> copy.set(f.getKey(), collapseWhiteSpace(f.getValue())));
      return copy;
    }
    if (node.isArray()) {
      ArrayNode copy = JsonNodeFactory.instance.arrayNode();
      node.forEach(e -> copy.add(collapseWhiteSpace(e)));
      return copy;
    }
    return node;
  }

  private static ClusterRole clusterRole(String manifests) {
    List<HasMetadata> objects = Serialization.unmarshal(
        new ByteArrayInputStream(manifests.getBytes(StandardCharsets.UTF_8)));
    return objects.stream().filter(ClusterRole.class::isInstance).map(ClusterRole.class::cast)
        .filter(r -> List.of("trellis", "trellis-operator").contains(r.getMetadata().getName()))
        .findFirst().orElseThrow();
  }

}
