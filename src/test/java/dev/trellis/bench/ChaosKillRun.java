package dev.trellis.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trellis.testsupport.ControlPlane;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * {@code make chaos-kill}: the operator killed at random points during a cold convergence, then its leader killed
 * or stopped during a stream of changes, with every write of every grants document judged as it happens
 * ({@link WriteAudit}). Runs only when named, like the benchmark:
 * {@code ./mvnw test -Dtest=ChaosKillRun -Dsurefire.failIfNoSpecifiedTests=false}.
 *
 * <ol>
 *   <li><b>Kills during cold convergence.</b> The benchmark's scenario is created with no operator running; an
 *       operator starts, and is killed (SIGKILL) {@code trellis.chaos.kills} times (default 20), each time once a
 *       random number of documents have converged (0 to all of them, so kills land in the informers' first list,
 *       among the document writes, and among the status writes after them), plus a random 0–500 ms; a new process
 *       starts right after each kill. Then the documents must converge to the independent expectation.</li>
 *   <li><b>The same bytes as a clean run.</b> The operator stopped, every grants ConfigMap deleted, one operator
 *       runs undisturbed to convergence: each ConfigMap's grants.json must be byte-identical to the one the killed
 *       operators left.</li>
 *   <li><b>Leader hand-overs during a stream of changes.</b> Two replicas with leader election; {@code
 *       trellis.chaos.changes} random changes (default 30: role bindings added and deleted), one at a time; during
 *       {@code trellis.chaos.handovers} of them (default 6), the leader is killed (SIGKILL, alternately stopped with
 *       SIGTERM) a random 0–300 ms after the change is written, and started again as a follower. Each change must
 *       show in its documents.</li>
 * </ol>
 * Throughout, no write may put a wrong atom in a document or take a correct one out ({@link WriteAudit}). Prints a
 * table, writes it to target/chaos/kill.md and appends one summary row to {@code trellis.chaos.summary} if set.
 */
class ChaosKillRun {
  private static final long SECOND = 1_000_000_000L;

  private final Random rnd = new Random(Long.getLong("trellis.chaos.seed", 7));
  private final Path out = Path.of("target", "chaos").toAbsolutePath();
  private final Path jar = Path.of("target", "quarkus-app", "quarkus-run.jar").toAbsolutePath();
  private final Map<String, String> figures = new LinkedHashMap<>();
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final AtomicLong quiet = new AtomicLong(System.nanoTime()); // the last write of a Trellis object seen
  private Path kubeconfig;
  private Path operatorKubeconfig;
  private int starts;

  @Test
  void killedOperatorsAndLeaderHandOversNeverWriteAWrongDocument() throws Exception {
    BenchParams params = BenchParams.fromSystemProperties("chaos-");
    int kills = Integer.getInteger("trellis.chaos.kills", 20);
    int changes = Integer.getInteger("trellis.chaos.changes", 30);
    int handovers = Integer.getInteger("trellis.chaos.handovers", 6);
    String external = System.getProperty("trellis.chaos.kubeconfig", "");
    kubeconfig = external.isBlank() ? ControlPlane.get().kubeconfig() : Path.of(external);
    String operatorConfig = System.getProperty("trellis.chaos.operator-kubeconfig", "");
    operatorKubeconfig = operatorConfig.isBlank() ? kubeconfig : Path.of(operatorConfig);
    String restart = System.getProperty("trellis.chaos.restart", "");
    int restarts = restart.isBlank() ? 0 : Integer.getInteger("trellis.chaos.restarts", 2);
    Files.createDirectories(out);
    AtomicLong requests = new AtomicLong();
    WriteAudit audit = new WriteAudit();
    try (KubernetesClient client = BenchClient.create(kubeconfig, requests)) {
      ScaleBench bench = new ScaleBench(params, client, requests, ScaleBench.Mode.EXTERNAL, kubeconfig, jar, out,
          false);
      Scenario scenario = bench.setUp();
      Map<String, DocContent> expected = ExpectedGrants.all(scenario);
      figures.put("scenario", params.preset() + " (" + params.describe() + "): " + scenario.objectCount()
          + " objects, " + expected.size() + " documents");
      figures.put("machine", BenchReport.machine());
      try (GrantsWatch grants = new GrantsWatch(client, "org-" + params.prefix(), new AtomicLong());
          ActivityWatch activity = new ActivityWatch(client, params.prefix(), quiet)) {
        grants.audit(audit);
        audit.expect(expected, expected);
        Map<String, String> killed = coldConvergenceWithKills(grants, activity, expected, kills, restart,
            restarts);
        audit.pause();
        Map<String, String> clean = cleanRun(client, grants, activity, scenario, expected);
        Set<String> differing = new TreeSet<>(killed.keySet());
        differing.addAll(clean.keySet());
        differing.removeIf(k -> java.util.Objects.equals(killed.get(k), clean.get(k)));
        figures.put("grants ConfigMaps: after the kills / after a clean run / not byte-identical",
            killed.size() + " / " + clean.size() + " / " + differing.size());
        handOvers(client, grants, scenario, expected, audit, changes, handovers);
        leaseLost(client);
        summary.runs = "2 cold convergences, %d changes".formatted(changes);
        figures.put("document views judged (consistent) / inconsistent views skipped",
            audit.views() + " / " + audit.inconsistentViews());
        figures.put("wrong atoms seen (must be 0)", String.valueOf(audit.wrong()));
        figures.put("lost atoms seen (must be 0)", String.valueOf(audit.lost()));
        if (!audit.examples().isEmpty()) {
          figures.put("first findings", String.join("; ", audit.examples()));
        }
        report(audit);
        assertThat(differing).as("grants ConfigMaps not byte-identical to a clean run's").isEmpty();
        assertThat(audit.wrong()).as("wrong atoms written: %s", audit.examples()).isZero();
        assertThat(audit.lost()).as("correct atoms lost: %s", audit.examples()).isZero();
      }
    }
  }

  // ---------------------------------------------------------------- 1. kills during cold convergence

  private Map<String, String> coldConvergenceWithKills(GrantsWatch grants, ActivityWatch activity,
      Map<String, DocContent> expected, int kills, String restart, int restarts) throws Exception {
    // The faults in a random order, each once a random number of documents are right: kills, and (on a control
    // plane hack/cluster.sh runs) kube-apiserver and etcd restarted in turn while the operator runs on.
    List<String> faults = new ArrayList<>();
    for (int i = 0; i < kills; i++) {
      faults.add("kill");
    }
    for (int i = 0; i < restarts; i++) {
      faults.add(i % 2 == 0 ? "kube-apiserver" : "etcd");
    }
    java.util.Collections.shuffle(faults, rnd);
    int[] points = new int[faults.size()];
    for (int i = 0; i < points.length; i++) {
      points[i] = rnd.nextInt(expected.size() + 1);
    }
    Arrays.sort(points);
    List<Double> recoveries = new ArrayList<>();
    List<Double> outages = new ArrayList<>();
    long started = System.nanoTime();
    Replica operator = start(List.of());
    for (int i = 0; i < faults.size(); i++) {
      int converged = grants.awaitConverged(expected, points[i], System.nanoTime() + 1800 * SECOND);
      Thread.sleep(rnd.nextInt(500));
      String fault = faults.get(i);
      long faultAt = System.nanoTime();
      if (fault.equals("kill")) {
        operator.process.kill();
        log("fault %d of %d: operator killed, %d of %d documents right", i + 1, faults.size(), converged,
            expected.size());
        operator = start(List.of());
      } else {
        log("fault %d of %d: %s restarted, %d of %d documents right", i + 1, faults.size(), fault, converged,
            expected.size());
        Process p = new ProcessBuilder("bash", "-c", restart + " " + fault + " 3").redirectErrorStream(true)
            .redirectOutput(out.resolve("restart-" + i + ".log").toFile()).start();
        assertThat(p.waitFor()).as("%s %s (see target/chaos/restart-%d.log)", restart, fault, i).isZero();
        outages.add((System.nanoTime() - faultAt) / 1e9);
      }
      operator.awaitReady(faultAt + 300 * SECOND);
      recoveries.add((System.nanoTime() - faultAt) / 1e9);
    }
    long lastFault = System.nanoTime();
    long done = grants.await(expected, lastFault + 1800 * SECOND);
    assertThat(done).as("documents converged after the faults: %s", grants.mismatches(expected)).isPositive();
    activity.awaitQuiet(3000, System.nanoTime() + 600 * SECOND);
    operator.process.close();
    double worst = recoveries.stream().mapToDouble(Double::doubleValue).max().orElse(0);
    figures.put("1. faults during cold convergence: operator killed (SIGKILL) / control plane restarted",
        kills + " / " + restarts + (restarts == 0 ? "" : " (kube-apiserver and etcd in turn, each down 3 s)"));
    figures.put("   from a fault to the operator ready again: median / worst (s)", "%.1f / %.1f".formatted(
        median(recoveries), worst));
    if (!outages.isEmpty()) {
      figures.put("   API server not answering per restart: median / worst (s)", "%.1f / %.1f".formatted(
          median(outages), outages.stream().mapToDouble(Double::doubleValue).max().orElse(0)));
    }
    figures.put("   from the last fault to every document right (s; 0: right already)", "%.1f".formatted(
        Math.max(0, done - lastFault) / 1e9));
    figures.put("   from the first start to every document right (s)", "%.1f".formatted((done - started) / 1e9));
    summary.faults += faults.size();
    summary.recoveries += recoveries.size();
    summary.worst = Math.max(summary.worst, worst);
    return grants.configMapData();
  }

  // ---------------------------------------------------------------- 2. the same bytes as a clean run

  private Map<String, String> cleanRun(KubernetesClient client, GrantsWatch grants, ActivityWatch activity,
      Scenario scenario, Map<String, DocContent> expected) throws Exception {
    for (Scenario.Org org : scenario.orgs) {
      client.configMaps().inNamespace(org.namespace()).withLabel(GrantsWatch.CONNECTOR_LABEL).delete();
    }
    long deadline = System.nanoTime() + 120 * SECOND;
    while (grants.configMaps() > 0) {
      assertThat(System.nanoTime()).as("grants ConfigMaps deleted").isLessThan(deadline);
      Thread.sleep(100);
    }
    Replica operator = start(List.of());
    long done = grants.await(expected, System.nanoTime() + 1800 * SECOND);
    assertThat(done).as("a clean run converged: %s", grants.mismatches(expected)).isPositive();
    activity.awaitQuiet(3000, System.nanoTime() + 600 * SECOND);
    figures.put("2. clean run: every document right, from its start (s)", "%.1f".formatted(
        (done - operator.process.startedNanos) / 1e9));
    operator.process.close();
    return grants.configMapData();
  }

  // ---------------------------------------------------------------- 3. leader hand-overs under changes

  private void handOvers(KubernetesClient client, GrantsWatch grants, Scenario scenario,
      Map<String, DocContent> expected, WriteAudit audit, int changes, int handovers) throws Exception {
    String ns = "trellis-system";
    if (client.namespaces().withName(ns).get() == null) {
      client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build())
          .create();
    }
    audit.expect(expected, expected);
    Replica[] replicas = {start(leaderElection("a")), start(leaderElection("b"))};
    Set<Integer> when = new TreeSet<>();
    while (when.size() < Math.min(handovers, changes)) {
      when.add(rnd.nextInt(changes));
    }
    List<Double> latencies = new ArrayList<>();
    List<Double> handoverLatencies = new ArrayList<>();
    int sigkills = 0;
    try {
      for (Replica r : replicas) {
        r.awaitReady(System.nanoTime() + 300 * SECOND);
      }
      awaitLeader(client, ns, System.nanoTime() + 120 * SECOND);
      for (int i = 0; i < changes; i++) {
        Change change = change(client, scenario, expected, i);
        audit.expect(expected, change.after());
        long t0 = System.nanoTime();
        change.write().run();
        boolean handover = when.contains(i);
        if (handover) {
          Thread.sleep(rnd.nextInt(300));
          String leader = awaitLeader(client, ns, System.nanoTime() + 120 * SECOND);
          int index = leader.startsWith("chaos-a-") ? 0 : 1;
          boolean sigkill = sigkills * 2 <= handoverLatencies.size();
          if (sigkill) {
            replicas[index].process.kill();
            sigkills++;
          } else {
            replicas[index].process.close();
          }
          log("change %d: leader %s %s", i + 1, leader, sigkill ? "killed" : "stopped");
          replicas[index] = start(leaderElection(index == 0 ? "a" : "b"));
        }
        Map<String, DocContent> changed = new TreeMap<>(change.after());
        changed.entrySet().removeIf(e -> e.getValue().equals(expected.get(e.getKey())));
        long done = grants.await(changed, t0 + 300 * SECOND);
        assertThat(done).as("change %d (%s) showed: %s", i + 1, change.describe(), grants.mismatches(changed))
            .isPositive();
        (handover ? handoverLatencies : latencies).add((Math.max(done, t0) - t0) / 1e9);
        expected.putAll(change.after());
        audit.expect(expected, expected);
      }
      assertThat(grants.mismatches(expected)).as("documents after the changes").isEmpty();
    } finally {
      for (Replica r : replicas) {
        r.process.close();
      }
    }
    double worst = handoverLatencies.stream().mapToDouble(Double::doubleValue).max().orElse(0);
    figures.put("3. changes with two replicas / leader hand-overs during one (SIGKILL, SIGTERM)",
        "%d / %d (%d, %d)".formatted(changes, handoverLatencies.size(), sigkills, handoverLatencies.size() - sigkills));
    figures.put("   change to its documents, no hand-over: median / worst (s)", "%.2f / %.2f".formatted(
        median(latencies), latencies.stream().mapToDouble(Double::doubleValue).max().orElse(0)));
    figures.put("   change to its documents across a hand-over: median / worst (s)", "%.1f / %.1f".formatted(
        median(handoverLatencies), worst));
    summary.faults += handoverLatencies.size();
    summary.recoveries += handoverLatencies.size();
    summary.worst = Math.max(summary.worst, worst);
  }

  private record Change(String describe, Map<String, DocContent> after, Runnable write) {}

  /** A random role binding added, or an existing one deleted, with a visible effect on some document. */
  private Change change(KubernetesClient client, Scenario s, Map<String, DocContent> expected, int seq) {
    for (int attempt = 0; attempt < 200; attempt++) {
      Scenario.Org org = Scenario.pick(s.orgs, rnd);
      String ns = org.namespace();
      boolean add = org.bindings.isEmpty() || rnd.nextBoolean();
      String name = add ? "chaos-" + seq : Scenario.pick(List.copyOf(org.bindings.keySet()), rnd);
      Scenario.Binding binding = add ? s.randomBinding(org, rnd) : org.bindings.get(name);
      if (add) {
        org.bindings.put(name, binding);
      } else {
        org.bindings.remove(name);
      }
      Map<String, DocContent> after = new TreeMap<>(ExpectedGrants.of(s, org));
      if (after.entrySet().stream().anyMatch(e -> !e.getValue().equals(expected.get(e.getKey())))) {
        var resources = client.genericKubernetesResources(dev.trellis.api.v1alpha1.ApiConstants.API_VERSION,
            "RoleBinding").inNamespace(ns);
        return new Change((add ? "add" : "delete") + " RoleBinding " + ns + "/" + name, after, add
            ? () -> resources.resource(ScaleBench.binding(ns, name, binding)).create()
            : () -> resources.withName(name).delete());
      }
      if (add) {
        org.bindings.remove(name);
      } else {
        org.bindings.put(name, binding);
      }
    }
    throw new IllegalStateException("no change with a visible effect found");
  }

  /** Leader election on, as replica {@code name}: each process a new identity, as each pod's is. */
  private List<String> leaderElection(String name) {
    return List.of("-Dtrellis.leader-election.enabled=true",
        "-Dtrellis.leader-election.identity=chaos-" + name + "-" + starts,
        "-Dtrellis.leader-election.lease-duration=8s", "-Dtrellis.leader-election.renew-deadline=6s",
        "-Dtrellis.leader-election.retry-period=1s");
  }

  // ---------------------------------------------------------------- 4. a leader that loses its Lease

  /**
   * A leader whose Lease another holder takes (as after a partition: it cannot renew) must stop writing before the
   * lease could expire for anyone else: it ends its process.
   */
  private void leaseLost(KubernetesClient client) throws Exception {
    String ns = "trellis-system";
    Replica leader = start(leaderElection("x"));
    try {
      leader.awaitReady(System.nanoTime() + 300 * SECOND);
      String holder = awaitLeader(client, ns, System.nanoTime() + 120 * SECOND);
      assertThat(holder).as("the replica took the lease").startsWith("chaos-x-");
      for (int attempt = 1;; attempt++) { // the leader renews every retry period: take it between two renewals
        try {
          client.leases().inNamespace(ns).withName("trellis-operator").edit(l -> {
            l.getSpec().setHolderIdentity("intruder");
            l.getSpec().setLeaseDurationSeconds(3600);
            l.getSpec().setRenewTime(java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC));
            return l;
          });
          break;
        } catch (io.fabric8.kubernetes.client.KubernetesClientException e) {
          if (e.getCode() != 409 || attempt >= 20) {
            throw e;
          }
        }
      }
      long stolen = System.nanoTime();
      Integer exit = leader.process.awaitExit(60);
      assertThat(exit).as("the replica whose Lease was taken ended its process within 60 s").isNotNull();
      figures.put("4. lease taken from the leader: it exits (code) after (s)", "%d, %.1f".formatted(exit,
          (System.nanoTime() - stolen) / 1e9));
      summary.faults++;
      summary.recoveries++;
    } finally {
      leader.process.close();
      client.leases().inNamespace(ns).withName("trellis-operator").delete();
    }
  }

  private static String awaitLeader(KubernetesClient client, String ns, long deadline) throws InterruptedException {
    while (true) {
      Lease lease = client.leases().inNamespace(ns).withName("trellis-operator").get();
      if (lease != null && lease.getSpec().getHolderIdentity() != null
          && !lease.getSpec().getHolderIdentity().isEmpty()) {
        return lease.getSpec().getHolderIdentity();
      }
      assertThat(System.nanoTime()).as("a replica took the lease").isLessThan(deadline);
      Thread.sleep(200);
    }
  }

  // ---------------------------------------------------------------- operators

  private record Replica(OperatorProcess process, int port, HttpClient http) {
    void awaitReady(long deadline) throws Exception {
      HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
          .timeout(Duration.ofSeconds(2)).build();
      while (true) {
        assertThat(process.alive()).as("the operator process is alive").isTrue();
        try {
          if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
            return;
          }
        } catch (java.io.IOException e) {
          // not listening yet
        }
        assertThat(System.nanoTime()).as("the operator became ready").isLessThan(deadline);
        Thread.sleep(100);
      }
    }
  }

  private Replica start(List<String> options) throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    List<String> all = new ArrayList<>(options);
    all.add("-Dquarkus.http.port=" + port);
    return new Replica(OperatorProcess.start(jar, operatorKubeconfig, out, "operator-" + starts++, false, all), port,
        http);
  }

  // ---------------------------------------------------------------- report

  /** One row of make chaos's summary table. */
  private static final class Summary {
    String runs = "";
    int faults;
    int recoveries;
    double worst;
  }

  private final Summary summary = new Summary();

  private void report(WriteAudit audit) throws Exception {
    String table = BenchReport.table(figures);
    System.out.println("\n" + table);
    Files.writeString(out.resolve("kill.md"), table);
    String file = System.getProperty("trellis.chaos.summary");
    if (file != null && !file.isBlank()) {
      Files.writeString(
          Path.of(file), "| operator killed (cold convergence), leader hand-overs (changes) | %s | %d | %d"
              .formatted(summary.runs, summary.faults, summary.recoveries)
              + " | %.1f s | %d | %d |%n".formatted(
                  summary.worst, audit.wrong(), audit.lost()),
          java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
    }
  }

  private static double median(List<Double> values) {
    if (values.isEmpty()) {
      return Double.NaN;
    }
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    return ScaleBench.pct(sorted, 50);
  }

  private static void log(String format, Object... args) {
    System.err.println("[chaos] " + format.formatted(args));
  }
}
