package dev.trellis.testsupport;

import io.fabric8.kubeapitest.KubeAPIServer;
import io.fabric8.kubeapitest.KubeAPIServerConfigBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * One real control plane per test run: etcd and kube-apiserver (started by fabric8 kube-api-test from
 * the binaries that {@code hack/control-plane/build.sh} builds) plus kube-controller-manager with only
 * the garbage-collector, namespace and cluster-role aggregation controllers. Started on first use, stopped when
 * the JVM exits.
 * Trellis's CRDs from {@code crds/}, the predefined roles from {@code config/roles/} and the admission policy
 * from {@code config/admission/} are applied.
 */
public final class ControlPlane {
  private static final Logger LOG = Logger.getLogger(ControlPlane.class);
  private static final Path WORK = Path.of("target", "control-plane").toAbsolutePath();

  /**
   * Quarkus loads test classes in its own class loader, so this class can exist twice in one JVM. The
   * first copy starts the control plane and publishes it here; any other copy attaches to it.
   */
  private static final String SHARED = "trellis.control-plane";

  private static ControlPlane instance;

  private final KubeAPIServer apiServer;
  private final Process controllerManager;
  private final Path kubeconfig;
  private final Path auditLog;
  private final String version;

  /** The running control plane, started on first call. */
  public static synchronized ControlPlane get() {
    if (instance == null) {
      String shared = System.getProperty(SHARED);
      if (shared != null) {
        String[] parts = shared.split("\n");
        instance = new ControlPlane(null, null, Path.of(parts[0]), Path.of(parts[1]), parts[2]);
      } else {
        instance = start();
        System.setProperty(SHARED, instance.kubeconfig + "\n" + instance.auditLog + "\n" + instance.version);
        Runtime.getRuntime().addShutdownHook(new Thread(instance::stop, "control-plane-stop"));
      }
    }
    return instance;
  }

  private ControlPlane(KubeAPIServer apiServer, Process controllerManager, Path kubeconfig, Path auditLog,
      String version) {
    this.apiServer = apiServer;
    this.controllerManager = controllerManager;
    this.kubeconfig = kubeconfig;
    this.auditLog = auditLog;
    this.version = version;
  }

  /**
   * A client that acts as {@code user}, impersonated by the administrator: the API server authorizes and admits
   * its requests as that user's (RBAC, admission policies see {@code request.userInfo.username == user}).
   */
  public KubernetesClient clientAs(String user) throws IOException {
    Config admin = Config.fromKubeconfig(Files.readString(kubeconfig));
    return new KubernetesClientBuilder()
        .withConfig(new io.fabric8.kubernetes.client.ConfigBuilder(admin).withImpersonateUsername(user).build())
        .build();
  }

  /**
   * A kubeconfig file for the operator under test: a token of the ServiceAccount trellis-system/trellis-operator,
   * bound to the ClusterRole of config/rbac/ (the chart's rules), so a missing or excess verb fails a test.
   */
  public Path operatorKubeconfig() {
    return kubeconfig.resolveSibling("operator.kubeconfig");
  }

  private KubernetesClient admin;

  /** One shared client with cluster-admin credentials, for tests acting as the platform team; never closed. */
  public synchronized KubernetesClient admin() {
    if (admin == null) {
      admin = newClient();
    }
    return admin;
  }

  /** A kubeconfig file with cluster-admin credentials. */
  public Path kubeconfig() {
    return kubeconfig;
  }

  /** The API server's audit log (JSON lines), written under config/audit/policy.yaml. */
  public Path auditLog() {
    return auditLog;
  }

  /** Every event of the audit log so far, one JSON object each. */
  public List<com.fasterxml.jackson.databind.JsonNode> auditEvents() throws IOException {
    var json = new com.fasterxml.jackson.databind.ObjectMapper();
    List<com.fasterxml.jackson.databind.JsonNode> events = new java.util.ArrayList<>();
    for (String line : Files.readAllLines(auditLog)) {
      if (!line.isBlank()) {
        events.add(json.readTree(line));
      }
    }
    return events;
  }

  /** The kube-apiserver's gitVersion, for example v1.37.2. */
  public String version() {
    return version;
  }

  /** A new admin client; the caller closes it. */
  public KubernetesClient newClient() {
    try {
      return new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(Files.readString(kubeconfig))).build();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static ControlPlane start() {
    Path binaries = Tools.binaries();
    if (!Files.isExecutable(binaries.resolve("kube-apiserver"))) {
      throw new IllegalStateException("No control plane binaries in " + binaries
          + ": run `make control-plane` (hack/control-plane/build.sh) first. Tests never download anything.");
    }
    try {
      Files.createDirectories(WORK);
      Path auditLog = WORK.resolve("audit.log");
      Files.deleteIfExists(auditLog);
      Path policy = Path.of("config", "audit", "policy.yaml").toAbsolutePath();

      long started = System.nanoTime();
      KubeAPIServer apiServer = new KubeAPIServer(KubeAPIServerConfigBuilder.anAPIServerConfig()
          .withTestDir(Tools.CACHE)
          .withApiServerVersion(Tools.K8S_VERSION)
          .withOfflineMode(true)
          .withUpdateKubeConfig(false)
          .withApiServerFlags(List.of(
              "--audit-policy-file=" + policy,
              "--audit-log-path=" + auditLog,
              "--audit-log-format=json"))
          .build());
      apiServer.start();
      Path kubeconfig = WORK.resolve("kubeconfig");
      Files.writeString(kubeconfig, apiServer.getKubeConfigYaml());

      Process controllerManager = new ProcessBuilder(
          binaries.resolve("kube-controller-manager").toString(),
          "--kubeconfig=" + kubeconfig,
          "--controllers=garbagecollector,namespace,clusterrole-aggregation",
          "--leader-elect=false",
          "--secure-port=0")
          .redirectErrorStream(true)
          .redirectOutput(WORK.resolve("kube-controller-manager.log").toFile())
          .start();

      String version;
      try (KubernetesClient client = new KubernetesClientBuilder()
          .withConfig(Config.fromKubeconfig(apiServer.getKubeConfigYaml())).build()) {
        version = client.getKubernetesVersion().getGitVersion();
        applyCrds(client);
        awaitServed(client);
        applyDirectory(client, Path.of("config", "roles"));
        applyDirectory(client, Path.of("config", "admission"));
        writeOperatorKubeconfig(client, kubeconfig);
      }
      LOG.infof("real control plane up in %d ms: kube-apiserver %s, etcd, kube-controller-manager; kubeconfig %s",
          TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), version, kubeconfig);
      return new ControlPlane(apiServer, controllerManager, kubeconfig, auditLog, version);
    } catch (IOException e) {
      throw new IllegalStateException("could not start the control plane", e);
    }
  }

  /**
   * The operator's identity as the chart installs it: ServiceAccount trellis-operator in trellis-system, bound to
   * config/rbac/cluster_role.yaml and, in its namespace, config/rbac/role.yaml; its token goes into a kubeconfig
   * beside the administrator's.
   */
  private static void writeOperatorKubeconfig(KubernetesClient client, Path adminKubeconfig) throws IOException {
    String namespace = "trellis-system";
    String name = "trellis-operator";
    client.resource(new io.fabric8.kubernetes.api.model.NamespaceBuilder().withNewMetadata().withName(namespace)
        .endMetadata().build()).serverSideApply();
    client.resource(new io.fabric8.kubernetes.api.model.ServiceAccountBuilder().withNewMetadata().withName(name)
        .withNamespace(namespace).endMetadata().build()).serverSideApply();
    try (InputStream in = Files.newInputStream(Path.of("config", "rbac", "cluster_role.yaml"))) {
      client.load(in).forceConflicts().serverSideApply();
    }
    try (InputStream in = Files.newInputStream(Path.of("config", "rbac", "cluster_role_binding.yaml"))) {
      client.load(in).forceConflicts().serverSideApply();
    }
    try (InputStream in = Files.newInputStream(Path.of("config", "rbac", "role.yaml"))) {
      client.load(in).inNamespace(namespace).forceConflicts().serverSideApply();
    }
    try (InputStream in = Files.newInputStream(Path.of("config", "rbac", "aggregated-roles.yaml"))) {
      client.load(in).forceConflicts().serverSideApply();
    }
    var token = client.serviceAccounts().inNamespace(namespace).withName(name).tokenRequest(
        new io.fabric8.kubernetes.api.model.authentication.TokenRequestBuilder().withNewSpec()
            .withExpirationSeconds(24L * 3600).endSpec().build());
    Config admin = Config.fromKubeconfig(Files.readString(adminKubeconfig));
    String ca = admin.getCaCertData() != null ? admin.getCaCertData()
        : java.util.Base64.getEncoder().encodeToString(Files.readAllBytes(Path.of(admin.getCaCertFile())));
    Files.writeString(adminKubeconfig.resolveSibling("operator.kubeconfig"), """
        apiVersion: v1
        kind: Config
        clusters:
        - name: local
          cluster: {server: "%s", certificate-authority-data: "%s"}
        users:
        - name: trellis-operator
          user: {token: "%s"}
        contexts:
        - name: trellis-operator
          context: {cluster: local, user: trellis-operator}
        current-context: trellis-operator
        """.formatted(admin.getMasterUrl(), ca, token.getStatus().getToken()));
  }

  private static void applyCrds(KubernetesClient client) throws IOException {
    for (Path file : yamlFiles(Path.of("crds"))) {
      if (file.getFileName().toString().startsWith("kustomization")) {
        continue;
      }
      try (InputStream in = Files.newInputStream(file)) {
        CustomResourceDefinition crd = client.apiextensions().v1().customResourceDefinitions().load(in).item();
        client.resource(crd).forceConflicts().serverSideApply();
        client.apiextensions().v1().customResourceDefinitions().withName(crd.getMetadata().getName())
            .waitUntilCondition(c -> c != null && c.getStatus() != null && c.getStatus().getConditions() != null
                && c.getStatus().getConditions().stream()
                    .anyMatch(cond -> "Established".equals(cond.getType()) && "True".equals(cond.getStatus())),
                Duration.ofSeconds(30).toMillis(), TimeUnit.MILLISECONDS);
      }
    }
  }

  /**
   * An Established CRD can still be refused for a moment while the API server installs its handlers; the
   * operator's informers must not meet that moment, so wait until every kind can be listed.
   */
  private static void awaitServed(KubernetesClient client) {
    for (var kind : dev.trellis.api.v1alpha1.ApiKinds.ALL) {
      org.awaitility.Awaitility.await("the API server serves " + kind.getSimpleName())
          .atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).ignoreExceptions()
          .until(() -> client.resources(kind).inAnyNamespace().list() != null);
    }
  }

  private static void applyDirectory(KubernetesClient client, Path dir) throws IOException {
    for (Path file : yamlFiles(dir)) {
      if (file.getFileName().toString().startsWith("kustomization")) {
        continue;
      }
      try (InputStream in = Files.newInputStream(file)) {
        client.load(in).forceConflicts().serverSideApply();
      }
    }
  }

  private static List<Path> yamlFiles(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml")).sorted().toList();
    }
  }

  private void stop() {
    controllerManager.destroy();
    try {
      controllerManager.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    apiServer.stop();
  }
}
