package dev.trellis.testsupport;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Points every {@code @QuarkusTest} (and so the operator under test) at the shared real control plane, as the
 * operator's ServiceAccount, and registers the operator's admission webhook with the API server: the operator
 * serves it over TLS on a free port with a certificate made here for 127.0.0.1. Declared once here, it applies to
 * all Quarkus tests, so the application and the control plane start once per test run.
 */
@QuarkusTestResource(ControlPlaneResource.class)
public class ControlPlaneResource implements QuarkusTestResourceLifecycleManager {
  private static final String PASSWORD = "trellis-test";

  @Override
  public Map<String, String> start() {
    ControlPlane controlPlane = ControlPlane.get();
    // fabric8's auto-configuration, which the Quarkus client starts from, reads this property. The operator under
    // test runs with the chart's ServiceAccount and ClusterRole, not as an administrator.
    System.setProperty("kubeconfig", controlPlane.operatorKubeconfig().toString());
    try {
      Path keystore = controlPlane.kubeconfig().resolveSibling("webhook.p12");
      String certificate = certificate(keystore);
      int port = freePort();
      controlPlane.admin().load(new java.io.ByteArrayInputStream(webhook(port, certificate).getBytes()))
          .forceConflicts().serverSideApply();
      return Map.of(
          "quarkus.http.test-ssl-port", Integer.toString(port),
          "quarkus.tls.key-store.p12.path", keystore.toString(),
          "quarkus.tls.key-store.p12.password", PASSWORD);
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException("could not set up the admission webhook", e);
    }
  }

  /**
   * The registration an installation applies (config/webhook/), pointed at the operator under test: its rules and
   * namespace selector are the shipped ones.
   */
  static String webhook(int port, String certificatePem) throws IOException {
    String shipped = Files.readString(Path.of("config", "webhook", "trellis-iam-webhook.yaml"));
    String service =
        "      service: {namespace: trellis-system, name: trellis-operator-webhook, port: 8443, path: /admission/iam}\n";
    String ca = "      caBundle: \"<base64 PEM of the CA that signed the operator's certificate>\"\n";
    if (!shipped.contains(service) || !shipped.contains(ca)) {
      throw new IllegalStateException("config/webhook/trellis-iam-webhook.yaml changed its clientConfig lines");
    }
    return shipped.replace(service, "      url: https://127.0.0.1:" + port + "/admission/iam\n")
        .replace(ca, "      caBundle: " + Base64.getEncoder().encodeToString(certificatePem.getBytes()) + "\n");
  }

  /** A self-signed certificate for 127.0.0.1 in a PKCS#12 keystore (the JDK's keytool); returns it as PEM. */
  private static String certificate(Path keystore) throws IOException, InterruptedException {
    String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
    Files.deleteIfExists(keystore);
    run(List.of(keytool, "-genkeypair", "-alias", "webhook", "-keyalg", "EC", "-groupname", "secp256r1",
        "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-validity", "7",
        "-storetype", "PKCS12", "-keystore", keystore.toString(), "-storepass", PASSWORD));
    return run(List.of(keytool, "-exportcert", "-rfc", "-alias", "webhook", "-keystore", keystore.toString(),
        "-storepass", PASSWORD));
  }

  private static String run(List<String> command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(process.getInputStream().readAllBytes());
    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IOException(command.get(1) + " failed: " + out);
    }
    return out;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @Override
  public void stop() {
    // The control plane outlives the application: it stops with the JVM.
  }
}
