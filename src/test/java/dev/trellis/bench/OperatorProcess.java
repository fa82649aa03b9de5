package dev.trellis.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The operator as the benchmark runs it: {@code java -jar target/quarkus-app/quarkus-run.jar} in a process of
 * its own, so that its heap, RSS and CPU are its alone. Optionally records a JFR profile.
 */
final class OperatorProcess implements AutoCloseable {
  /** A heap space's line of GC.heap_info: G1's one heap, or Serial's and Parallel's generations (not Metaspace). */
  private static final Pattern USED = Pattern.compile("(?m)^\\s*(?:garbage-first heap|def new generation"
      + "|tenured generation|PSYoungGen|ParOldGen)\\s+total \\d+K, used (\\d+)K");

  private final Process process;
  private final Path log;
  final Path jfr;
  final long startedNanos;

  private OperatorProcess(Process process, Path log, Path jfr, long startedNanos) {
    this.process = process;
    this.log = log;
    this.jfr = jfr;
    this.startedNanos = startedNanos;
  }

  static OperatorProcess start(Path jar, Path kubeconfig, Path dir, String name, boolean profile) throws IOException {
    return start(jar, kubeconfig, dir, name, profile, List.of());
  }

  /** As above, with more JVM options ({@code -D...}: a later one overrides an earlier one of the same name). */
  static OperatorProcess start(Path jar, Path kubeconfig, Path dir, String name, boolean profile, List<String> options)
      throws IOException {
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(jar + " is missing: run ./mvnw package -DskipTests (make build) first");
    }
    Files.createDirectories(dir);
    Path log = dir.resolve(name + ".log");
    Path jfr = profile ? dir.resolve(name + ".jfr") : null;
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Dquarkus.http.port=0"));
    if (jfr != null) {
      Files.deleteIfExists(jfr);
      command.add("-XX:StartFlightRecording=settings=profile,dumponexit=true,filename=" + jfr);
    }
    command.addAll(options);
    command.addAll(List.of("-jar", jar.toString()));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().put("KUBECONFIG", kubeconfig.toString());
    // -Dtrellis.bench.env=MALLOC_ARENA_MAX=2,...: the operator's environment, as the chart's extraEnv would set it.
    for (String pair : System.getProperty("trellis.bench.env", "").split(",")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        builder.environment().put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
      }
    }
    long started = System.nanoTime();
    return new OperatorProcess(builder.start(), log, jfr, started);
  }

  long pid() {
    return process.pid();
  }

  boolean alive() {
    return process.isAlive();
  }

  /** Waits up to {@code seconds} for the process to end; its exit code, or null if it still runs. */
  Integer awaitExit(long seconds) throws InterruptedException {
    return process.waitFor(seconds, TimeUnit.SECONDS) ? process.exitValue() : null;
  }

  /** Used heap in bytes after a full GC ({@code jcmd GC.run}, then {@code GC.heap_info}). */
  long heapAfterGc() throws IOException, InterruptedException {
    jcmd("GC.run");
    String info = jcmd("GC.heap_info");
    Matcher m = USED.matcher(info);
    long used = 0;
    boolean found = false;
    while (m.find()) {
      used += Long.parseLong(m.group(1));
      found = true;
    }
    if (!found) {
      throw new IllegalStateException("no heap figure from jcmd GC.heap_info: " + info);
    }
    return used * 1024;
  }

  /** The live heap by class ({@code jcmd GC.class_histogram}, which collects first): its first {@code rows} classes. */
  String classHistogram(int rows) throws IOException, InterruptedException {
    String[] lines = jcmd("GC.class_histogram").split("\n");
    StringBuilder top = new StringBuilder();
    int taken = 0;
    for (String line : lines) {
      if (line.startsWith(String.valueOf(pid())) || line.isBlank()) {
        continue;
      }
      top.append(line).append('\n');
      if (line.trim().matches("\\d+:.*") && ++taken == rows) {
        break;
      }
    }
    String total = lines[lines.length - 1];
    return top.append(total.startsWith("Total") ? total + "\n" : "").toString();
  }

  /** Peak resident set size in bytes (VmHWM). */
  long peakRss() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid()), "status"))) {
      if (line.startsWith("VmHWM:")) {
        return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
      }
    }
    return -1;
  }

  /** User plus system CPU seconds so far. */
  double cpuSeconds() throws IOException {
    return MachineCpu.cpuSeconds(Path.of("/proc", String.valueOf(pid())));
  }

  /** Seconds Quarkus reported for its own start, from the log ("started in 1.234s"), or -1. */
  double quarkusStartSeconds() throws IOException {
    Matcher m = Pattern.compile("started in (\\d+\\.\\d+)s").matcher(Files.readString(log));
    return m.find() ? Double.parseDouble(m.group(1)) : -1;
  }

  private String jcmd(String command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
        String.valueOf(pid()), command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    p.waitFor(60, TimeUnit.SECONDS);
    return out;
  }

  /** Kills the operator at once (SIGKILL): no shutdown hook runs, nothing is released. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  /** Stops the operator (SIGTERM, so that the JFR recording is written) and waits for it. */
  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
