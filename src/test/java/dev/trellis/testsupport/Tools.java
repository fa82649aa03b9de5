package dev.trellis.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The binaries hack/control-plane/build.sh installs (kubectl, helm, promql-check, lua-health, ...), and running them. */
public final class Tools {
  /** The Kubernetes release the binaries are built from (hack/control-plane/versions.env, passed by the pom). */
  public static final String K8S_VERSION = System.getProperty("trellis.k8s.version", "1.37.2");
  /** $TRELLIS_CACHE, where hack/control-plane/build.sh installs them. */
  public static final String CACHE =
      System.getProperty("trellis.cache", System.getProperty("user.home") + "/.cache/trellis");

  private Tools() {}

  /** Where the binaries are: $TRELLIS_CACHE/k8s/<version>-linux-amd64. */
  public static Path binaries() {
    return Path.of(CACHE, "k8s", K8S_VERSION + "-linux-amd64");
  }

  /** The path of one of them, as a command-line word. */
  public static String binary(String name) {
    return binaries().resolve(name).toString();
  }

  /** Runs a command with {@code stdin}, fails with its output unless it exits 0 within a minute. */
  public static String run(String stdin, String... command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    if (stdin != null) {
      process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
    }
    process.getOutputStream().close();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("%s timed out", List.of(command)).isTrue();
    assertThat(process.exitValue()).as("%s failed:%n%s", List.of(command), output).isZero();
    return output;
  }
}
