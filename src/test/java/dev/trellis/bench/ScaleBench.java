package dev.trellis.bench;

import dev.trellis.api.v1alpha1.ApiConstants;
import dev.trellis.api.v1alpha1.ApiKinds;
import dev.trellis.api.v1alpha1.Organization;
import dev.trellis.projection.GrantsProjector;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * Issue 7's scale benchmark. Generates a scenario, creates it on the API server, measures the floor (the
 * least I/O any implementation needs), the operator's cold convergence, its latency and writes over random
 * single-object changes, and its memory and CPU. Correctness is checked against {@link ExpectedGrants}.
 *
 * <p>With an {@link Mode#EXTERNAL} operator it starts {@code quarkus-run.jar} itself (organizations first,
 * then everything else with the operator stopped, then a fresh operator for the cold start). With
 * {@link Mode#RUNNING}, an operator is already running (the smoke test's, in the test JVM): the scenario
 * converges as it is created, and no process figures are taken.
 */
final class ScaleBench {
  enum Mode { EXTERNAL, RUNNING }

  private static final String API = ApiConstants.API_VERSION;
  private static final long SECOND = 1_000_000_000L;

  private final BenchParams params;
  private final KubernetesClient client;
  private final AtomicLong harnessRequests;
  private final Mode mode;
  private final Path kubeconfig;
  private final Path jar;
  private final Path out;
  private final boolean profile;
  private final Random rnd;
  private final Map<String, String> figures = new LinkedHashMap<>();
  /** Each document as rendered at creation, by namespace/connector (the floors' ConfigMap contents). */
  private final Map<String, String> rendered = new HashMap<>();
  /** The rendered documents each of the first changes altered, for the floor of a change. */
  private final List<List<String>> changedDocuments = new ArrayList<>();
  private final Map<String, String> notes = new LinkedHashMap<>();
  private final List<String> progress = new ArrayList<>();
  final Results results = new Results();
  private long creationStarted;

  /** What the smoke test asserts and the report prints. */
  static final class Results {
    boolean converged;
    Map<String, String> finalMismatches = Map.of();
    long unchangedWritesCold;
    long unchangedWritesIncremental;
    long writesToUnaffectedDocuments;
    long writesToUnaffectedShards;
    long partnerBindingsAcrossShards;
    long documentsWrittenMoreThanOncePerChange;
    int changesTimedOut;
    int changes;
    double floorSeconds;
    double convergenceSeconds;
    double[] latenciesMs = new double[0];
    double[] changeFloorMs = new double[0];
    long heapAfterConvergence = -1;
    long heapAfterChanges = -1;
  }

  ScaleBench(BenchParams params, KubernetesClient client, AtomicLong harnessRequests, Mode mode, Path kubeconfig,
      Path jar, Path out, boolean profile) {
    this.params = params;
    this.client = client;
    this.harnessRequests = harnessRequests;
    this.mode = mode;
    this.kubeconfig = kubeconfig;
    this.jar = jar;
    this.out = out;
    this.profile = profile;
    this.rnd = new Random(params.seed() + 1);
  }

  Map<String, String> figures() {
    return figures;
  }

  Map<String, String> notes() {
    return notes;
  }

  private void log(String format, Object... args) {
    String line = "[bench] " + format.formatted(args);
    progress.add(line);
    System.err.println(line);
  }

  Results run() throws Exception {
    Scenario scenario = setUp();
    Map<String, DocContent> expected = new TreeMap<>();
    scenario.orgs.forEach(o -> expected.putAll(ExpectedGrants.of(scenario, o, rendered)));
    if (Operators.shards() > 1) {
      results.partnerBindingsAcrossShards = partnerBindingsAcrossShards(scenario, Operators.shards());
      figures.put("  role bindings of partner members whose organization another process serves",
          String.valueOf(results.partnerBindingsAcrossShards));
    }
    ExecutorService pool = Executors.newFixedThreadPool(16);
    try {
      floor(rendered, pool);
      measureOperator(scenario, expected);
    } finally {
      pool.shutdownNow();
    }
    return results;
  }

  /**
   * The scenario generated and created, with no operator running once the organizations are Ready (in
   * {@link Mode#EXTERNAL}): every other object has no status yet, and no document exists.
   */
  Scenario setUp() throws Exception {
    Scenario scenario = Scenario.generate(params, Roles.load(Path.of("config", "roles")));
    log("scenario %s %s: %d objects, %d connector documents", params.preset(), params.describe(),
        scenario.objectCount(), scenario.connectorCount());
    figures.put("objects (incl. organizations)", String.valueOf(scenario.objectCount()));
    figures.put("connector documents", String.valueOf(scenario.connectorCount()));
    ExecutorService pool = Executors.newFixedThreadPool(16);
    try {
      organizations(scenario, pool);
      long created = System.nanoTime();
      creationStarted = created;
      createObjects(scenario, pool);
      figures.put("creation of the scenario (s, 16 threads)", seconds(System.nanoTime() - created));
    } finally {
      pool.shutdownNow();
    }
    return scenario;
  }

  /**
   * Role bindings whose subject is a member of a partner organization served by another operator process than the
   * binding's own: the grants that only work if partnerships work across shards.
   */
  static long partnerBindingsAcrossShards(Scenario scenario, int shards) {
    var sharding = new dev.trellis.reconcile.support.Sharding(shards, 0);
    long n = 0;
    for (Scenario.Org org : scenario.orgs) {
      for (Scenario.Binding b : org.bindings.values()) {
        if (b.partnership() != null) {
          Scenario.Org partner = scenario.byName.get(org.partnerships.get(b.partnership()).partnerOrg);
          if (sharding.shardOf(partner.namespace()) != sharding.shardOf(org.namespace())) {
            n++;
          }
        }
      }
    }
    return n;
  }

  // ---------------------------------------------------------------- set-up

  /** Phase 1: organizations get their namespace and orgId from the operator. */
  private void organizations(Scenario scenario, ExecutorService pool) throws Exception {
    Operators setup = mode == Mode.EXTERNAL
        ? Operators.start(jar, kubeconfig, out, "operator-setup", false, List.of()) : null;
    try {
      List<Callable<Object>> tasks = new ArrayList<>();
      for (Scenario.Org org : scenario.orgs) {
        tasks.add(() -> createWithRetry(null, object("Organization", null, org.name,
            Map.of("displayName", org.name))));
      }
      invokeAll(pool, tasks);
      long deadline = System.nanoTime() + 300 * SECOND;
      while (true) {
        Map<String, Organization> ready = client.resources(Organization.class).list().getItems().stream()
            .filter(o -> o.getMetadata().getName().startsWith(params.prefix()))
            .filter(o -> o.getStatus() != null && o.getStatus().getOrgId() != null
                && o.getStatus().condition(ApiConstants.READY).map(c -> c.isTrue()).orElse(false))
            .collect(Collectors.toMap(o -> o.getMetadata().getName(), o -> o));
        if (ready.size() == scenario.orgs.size()) {
          scenario.orgs.forEach(o -> o.orgId = ready.get(o.name).getStatus().getOrgId());
          break;
        }
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("only " + ready.size() + " of " + scenario.orgs.size()
              + " organizations became Ready");
        }
        Thread.sleep(200);
      }
      log("%d organizations Ready with their namespaces and orgIds", scenario.orgs.size());
    } finally {
      if (setup != null) {
        setup.close();
      }
    }
  }

  /** Phase 2: everything else, in parallel. */
  private void createObjects(Scenario s, ExecutorService pool) throws Exception {
    List<Callable<Object>> tasks = new ArrayList<>();
    for (Scenario.Org org : s.orgs) {
      String ns = org.namespace();
      org.folders.forEach((n, parent) -> tasks.add(() -> createWithRetry(ns, object("Folder", ns, n,
          parent.isEmpty() ? Map.of() : Map.of("parent", parent)))));
      org.projects.forEach((n, folder) -> tasks.add(() -> createWithRetry(ns, object("Project", ns, n,
          folder.isEmpty() ? Map.of() : Map.of("folder", folder)))));
      org.connectors.forEach((n, c) -> tasks.add(() -> createWithRetry(ns, object("Connector", ns, n,
          Map.of("projects", c.projects(), "folders", c.folders(), "grantsFormat", params.grantsFormat())))));
      org.resources.forEach((n, r) -> tasks.add(() -> createWithRetry(ns, object("ManagedResource", ns, n,
          Map.of("type", r.type(), "connector", r.connector(), "projects", r.projects(), "folders", r.folders())))));
      org.members.forEach((n, m) -> tasks.add(() -> createWithRetry(ns, object("Member", ns, n, memberSpec(m)))));
      org.bindings.forEach((n, b) -> tasks.add(() -> createWithRetry(ns, binding(ns, n, b))));
      org.partnerships.forEach((n, p) -> tasks.add(() -> createWithRetry(ns, object("Partnership", ns, n,
          Map.of("partnerOrgId", s.byName.get(p.partnerOrg).orgId)))));
      org.acceptances.forEach((n, a) -> tasks.add(() -> createWithRetry(ns, object("PartnershipAcceptance", ns, n,
          Map.of("customerOrgId", s.byName.get(a.customerOrg()).orgId, "partnership", a.partnership(),
              "members", a.members())))));
    }
    invokeAll(pool, tasks);
    log("created %d objects", tasks.size());
  }

  private static Map<String, Object> memberSpec(Scenario.Member m) {
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("type", m.serviceAccount ? "ServiceAccount" : "User");
    if (m.email != null) {
      spec.put("email", m.email);
    }
    spec.put("disabled", m.disabled);
    return spec;
  }

  static GenericKubernetesResource binding(String ns, String name, Scenario.Binding b) {
    Map<String, Object> subject = new LinkedHashMap<>();
    subject.put("kind", b.partnership() == null ? "Member" : "PartnerMember");
    subject.put("name", b.subject());
    if (b.partnership() != null) {
      subject.put("partnership", b.partnership());
    }
    Map<String, Object> scope = new LinkedHashMap<>();
    scope.put("kind", b.scopeKind());
    if (b.scopeName() != null) {
      scope.put("name", b.scopeName());
    }
    return object("RoleBinding", ns, name, Map.of("role", b.role(), "subject", subject, "scope", scope));
  }

  private static GenericKubernetesResource object(String kind, String ns, String name, Map<String, Object> spec) {
    return new GenericKubernetesResourceBuilder().withApiVersion(API).withKind(kind)
        .withNewMetadata().withName(name).withNamespace(ns).endMetadata()
        .addToAdditionalProperties("spec", spec).build();
  }

  private Object createWithRetry(String ns, GenericKubernetesResource r) throws InterruptedException {
    for (int attempt = 1;; attempt++) {
      try {
        var op = client.genericKubernetesResources(API, r.getKind());
        return ns == null ? op.resource(r).create() : op.inNamespace(ns).resource(r).create();
      } catch (KubernetesClientException e) {
        if (e.getCode() == 409 || attempt >= 5) {
          throw e;
        }
        Thread.sleep(200L * attempt);
      }
    }
  }

  private static void invokeAll(ExecutorService pool, List<Callable<Object>> tasks) throws Exception {
    for (Future<Object> f : pool.invokeAll(tasks)) {
      f.get();
    }
  }

  // ---------------------------------------------------------------- floor

  /** List every input object once, then write as many ConfigMaps of the documents' sizes, same client. */
  private void floor(Map<String, String> rendered, ExecutorService pool) throws Exception {
    String scratch = scratchNamespace("floor-scratch");
    List<Callable<Object>> lists = new ArrayList<>();
    for (var kind : ApiKinds.ALL) {
      lists.add(() -> client.resources(kind).inAnyNamespace().list().getItems().size());
    }
    lists.add(() -> client.namespaces().list().getItems().size());
    long t0 = System.nanoTime();
    invokeAll(pool, lists);
    long listed = System.nanoTime();
    List<Callable<Object>> writes = new ArrayList<>();
    int i = 0;
    long bytes = 0;
    for (String json : rendered.values()) {
      String name = "floor-" + i++;
      bytes += json.length();
      writes.add(() -> client.configMaps().inNamespace(scratch).resource(scratchConfigMap(name, json)).create());
    }
    invokeAll(pool, writes);
    long done = System.nanoTime();
    client.namespaces().withName(scratch).delete();
    results.floorSeconds = (done - t0) / 1e9;
    figures.put("floor: list every input object (s)", seconds(listed - t0));
    figures.put("floor: write %d ConfigMaps, %.1f MiB (s)".formatted(rendered.size(), bytes / 1048576.0),
        seconds(done - listed));
    figures.put("floor (s)", "%.2f".formatted(results.floorSeconds));
    log("floor %.2f s (list %s s, write %s s)", results.floorSeconds, seconds(listed - t0), seconds(done - listed));
  }

  // ---------------------------------------------------------------- the operator

  private void measureOperator(Scenario scenario, Map<String, DocContent> expected) throws Exception {
    AtomicLong activity = new AtomicLong(System.nanoTime());
    Map<String, Double> background = Map.of();
    double backgroundSeconds = 0;
    if (mode == Mode.EXTERNAL) {
      // Requests nobody here makes (kube-controller-manager, the API server's own loops), per second.
      var before = ApiMetrics.scrape(client);
      long t = System.nanoTime();
      Thread.sleep(10_000);
      background = ApiMetrics.delta(before, ApiMetrics.scrape(client));
      backgroundSeconds = (System.nanoTime() - t) / 1e9;
    }
    try (GrantsWatch grants = new GrantsWatch(client, "org-" + params.prefix(), activity);
        ActivityWatch objects = new ActivityWatch(client, params.prefix(), activity)) {
      var metricsCold = ApiMetrics.scrape(client);
      MachineCpu.Sample cpuCold = MachineCpu.sample();
      // -Dtrellis.bench.jvm=-Xmx384m,-XX:+UseSerialGC: the operator as the chart runs it (512Mi limit).
      List<String> jvm = System.getProperty("trellis.bench.jvm", "").isBlank() ? List.of()
          : List.of(System.getProperty("trellis.bench.jvm").trim().split("[\\s,]+"));
      figures.put("operator JVM options", jvm.isEmpty() ? "the JVM's defaults" : String.join(" ", jvm));
      if (Operators.shards() > 1) {
        figures.put("operator processes (organizations split by shard)", String.valueOf(Operators.shards()));
      }
      Operators operator = mode == Mode.EXTERNAL
          ? Operators.start(jar, kubeconfig, out, "operator", profile, jvm) : null;
      try {
        // A running operator converges while the scenario is being created.
        long t0 = operator != null ? operator.startedNanos() : creationStarted;
        Instant wallStart = Instant.now();
        long converged = grants.await(expected, t0 + 1800 * SECOND);
        if (converged < 0) {
          results.finalMismatches = grants.mismatches(expected);
          log("did NOT converge in 30 min: %s", first(results.finalMismatches));
          return;
        }
        results.converged = true;
        MachineCpu.Sample cpuConverged = MachineCpu.sample();
        Instant wallConverged = Instant.now();
        results.convergenceSeconds = (converged - t0) / 1e9;
        objects.awaitQuiet(mode == Mode.EXTERNAL ? 3000 : 1000, System.nanoTime() + 1800 * SECOND);
        long settled = activity.get();
        MachineCpu.Sample cpuQuiet = MachineCpu.sample();
        results.unchangedWritesCold = grants.unchangedWrites();
        var coldRequests = ApiMetrics.delta(metricsCold, ApiMetrics.scrape(client));
        log("converged in %.2f s; quiet after %.2f s", results.convergenceSeconds, (settled - t0) / 1e9);
        if (operator != null) {
          double quarkus = operator.quarkusStartSeconds();
          figures.put("cold convergence (s, from process start)", "%.2f".formatted(results.convergenceSeconds));
          figures.put("  of which JVM + Quarkus start (s, Quarkus's figure)", "%.2f".formatted(quarkus));
          figures.put("cold convergence / floor", "%.1f×".formatted(results.convergenceSeconds / results.floorSeconds));
          figures.put("  every status written too, quiet (s)", seconds(settled - t0));
          figures.put("  CPU seconds of the operator at quiet", "%.1f".formatted(operator.cpuSeconds()));
          results.heapAfterConvergence = operator.heapAfterGc();
          figures.put("heap after convergence, after full GC (MiB)", mib(results.heapAfterConvergence));
          if (operator.processes.size() > 1) {
            figures.put("  each process: heap after full GC (MiB)", operator.each(p -> mib(p.heapAfterGc())));
            figures.put("  each process: CPU seconds at quiet", operator.each(p -> "%.1f".formatted(p.cpuSeconds())));
          }
          java.nio.file.Path histogram = java.nio.file.Path.of("target", "bench", "class-histogram.txt");
          java.nio.file.Files.createDirectories(histogram.getParent());
          java.nio.file.Files.writeString(histogram, operator.classHistogram(30));
          figures.put("  what the heap holds (jcmd GC.class_histogram, 30 classes)", histogram.toString());
        } else {
          figures.put("convergence from the start of creation (s, operator already running)",
              "%.2f".formatted(results.convergenceSeconds));
        }
        figures.put("  grants ConfigMap writes seen (cold)", String.valueOf(grants.writes()));
        figures.put("  writes that left a document unchanged (cold)", String.valueOf(results.unchangedWritesCold));
        figures.put("  API requests during cold start (all clients)",
            "%.0f (%s)".formatted(ApiMetrics.total(coldRequests), top(coldRequests, 6)));
        figures.put("  Trellis object writes seen during cold start (statuses)", objects.writes().toString());
        figures.put("  CPU until convergence: control plane and machine", cpuConverged.since(cpuCold));
        figures.put("  CPU from convergence to quiet: control plane and machine", cpuQuiet.since(cpuConverged));

        Instant wallChanges = Instant.now();
        double cpuBefore = operator == null ? 0 : operator.cpuSeconds();
        MachineCpu.Sample cpuChanges = MachineCpu.sample();
        changes(scenario, expected, grants, objects, activity, background, backgroundSeconds);
        figures.put("CPU over the changes: control plane and machine", MachineCpu.sample().since(cpuChanges));
        Instant wallChangesEnd = Instant.now();
        changeFloor();
        results.finalMismatches = grants.mismatches(expected);
        figures.put("documents not as expected at the end", String.valueOf(results.finalMismatches.size()));
        if (operator != null) {
          figures.put("CPU seconds over the changes", "%.1f".formatted(operator.cpuSeconds() - cpuBefore));
          results.heapAfterChanges = operator.heapAfterGc();
          figures.put("heap after the changes, after full GC (MiB)", mib(results.heapAfterChanges));
          figures.put("heap growth over the changes", "%+.1f%%".formatted(
              100.0 * (results.heapAfterChanges - results.heapAfterConvergence) / results.heapAfterConvergence));
          // JFR's profile recording (-Dtrellis.bench.jfr=true) adds 56-170 MiB of native memory: a figure taken with
          // it on is not the operator's and is named so.
          String rss = profile ? "peak RSS with the JFR recording on (MiB)" : "peak RSS (MiB)";
          figures.put(rss, mib(operator.peakRss()));
          figures.put("CPU seconds in all", "%.1f".formatted(operator.cpuSeconds()));
          if (operator.processes.size() > 1) {
            figures.put("  each process: " + rss, operator.each(p -> mib(p.peakRss())));
            figures.put("  each process: CPU seconds in all", operator.each(p -> "%.1f".formatted(p.cpuSeconds())));
          }
          operator.close();
          if (operator.jfr() != null) {
            profileNotes(operator.jfr(), wallStart, wallConverged, wallChanges, wallChangesEnd);
          }
          coldRestarts(expected, grants, jvm);
        }
      } finally {
        if (operator != null) {
          operator.close();
        }
      }
    }
  }

  /**
   * Cold convergence again, {@code trellis.bench.coldRestarts} times (default 2): every grants ConfigMap deleted with
   * no operator running, then a new operator process, timed from its start until every document is as expected. The
   * statuses are already written (what a restart after an upgrade sees), so these runs measure the grants' path; the
   * figure is their spread, which one run cannot show.
   */
  private void coldRestarts(Map<String, DocContent> expected, GrantsWatch grants, List<String> jvm) throws Exception {
    int runs = Integer.getInteger("trellis.bench.coldRestarts", 2);
    if (runs <= 0) {
      return;
    }
    List<Double> times = new ArrayList<>();
    List<Double> cpu = new ArrayList<>();
    for (int i = 1; i <= runs; i++) {
      client.configMaps().inAnyNamespace().withLabel(GrantsWatch.CONNECTOR_LABEL).delete();
      long gone = System.nanoTime() + 120 * SECOND;
      while (grants.mismatches(expected).size() < expected.size()) {
        if (System.nanoTime() > gone) {
          throw new IllegalStateException("the grants ConfigMaps were not all deleted in 2 min");
        }
        Thread.sleep(100);
      }
      try (Operators restarted = Operators.start(jar, kubeconfig, out, "operator-restart-" + i, false, jvm)) {
        long converged = grants.await(expected, restarted.startedNanos() + 1800 * SECOND);
        if (converged < 0) {
          log("cold restart %d did NOT converge in 30 min", i);
          figures.put("cold restarts (grants deleted, statuses kept)", "restart " + i + " did not converge");
          return;
        }
        times.add((converged - restarted.startedNanos()) / 1e9);
        cpu.add(restarted.cpuSeconds());
        log("cold restart %d converged in %.2f s", i, times.get(times.size() - 1));
      }
    }
    List<Double> sorted = times.stream().sorted().toList();
    figures.put("cold restarts (grants deleted, statuses kept): each (s)",
        String.join(", ", times.stream().map(t -> "%.2f".formatted(t)).toList()));
    figures.put("  min / median / max (s); ratio max / min", "%.2f / %.2f / %.2f; %.2f×".formatted(sorted.get(0),
        sorted.get(sorted.size() / 2), sorted.get(sorted.size() - 1), sorted.get(sorted.size() - 1) / sorted.get(0)));
    figures.put("  operator CPU seconds at convergence, each",
        String.join(", ", cpu.stream().map(c -> "%.1f".formatted(c)).toList()));
  }

  // ---------------------------------------------------------------- changes

  /** A single-object change: how it alters the scenario (and back), and the API write that makes it. */
  private record Change(String kind, String describe, Runnable apply, Runnable revert, Callable<Object> write,
      Set<String> orgs) {}

  private void changes(Scenario s, Map<String, DocContent> expected, GrantsWatch grants, ActivityWatch objects,
      AtomicLong activity, Map<String, Double> background, double backgroundSeconds) throws Exception {
    var metricsBefore = ApiMetrics.scrape(client);
    long harnessBefore = harnessRequests.get();
    Map<String, Long> statusBefore = objects.writes();
    long writesBefore = grants.writes();
    long bytesBefore = grants.bytesWritten();
    long unchangedBefore = grants.unchangedWrites();
    long t = System.nanoTime();
    grants.takeWindow();
    List<Double> latencies = new ArrayList<>();
    Map<String, List<Double>> byKind = new TreeMap<>();
    int skipped = 0;
    for (int i = 0; i < params.changes(); i++) {
      Change change = null;
      Map<String, DocContent> changed = new TreeMap<>();
      for (int attempt = 0; attempt < 200 && changed.isEmpty(); attempt++) {
        change = candidate(s, i);
        if (change == null) {
          continue;
        }
        change.apply().run();
        Map<String, DocContent> now = new TreeMap<>();
        for (String org : change.orgs()) {
          now.putAll(ExpectedGrants.of(s, s.byName.get(org)));
        }
        now.forEach((k, v) -> {
          if (!v.equals(expected.get(k))) {
            changed.put(k, v);
          }
        });
        if (changed.isEmpty()) {
          change.revert().run();
          skipped++;
        }
      }
      if (changed.isEmpty()) {
        throw new IllegalStateException("no change with a visible effect found");
      }
      // In v1alpha2, the shards (namespace/name) the change must rewrite; a write to another shard is needless.
      Set<String> changedShards = new TreeSet<>();
      boolean byResource = "v1alpha2".equals(params.grantsFormat());
      if (byResource) {
        changed.forEach((k, v) -> changedShards.addAll(DocContent.changedShards(k + "-grants", expected.get(k), v,
            GrantsProjector.DEFAULT_RESOURCES_PER_SHARD)));
      }
      if (changedDocuments.size() < CHANGE_FLOOR_SAMPLES) {
        changedDocuments.add(byResource ? floorContents(changed, expected, changedShards)
            : changed.keySet().stream().map(rendered::get).filter(Objects::nonNull).toList());
      }
      expected.putAll(changed);
      long t0 = System.nanoTime();
      change.write().call();
      long done = grants.await(changed, t0 + 120 * SECOND);
      if (done < 0) {
        results.changesTimedOut++;
        log("change %d (%s) did not show within 120 s: %s", i, change.describe(), first(grants.mismatches(changed)));
      } else {
        double ms = (done - t0) / 1e6;
        latencies.add(ms);
        byKind.computeIfAbsent(change.kind(), k -> new ArrayList<>()).add(ms);
      }
      objects.awaitQuiet(300, System.nanoTime() + 60 * SECOND);
      Map<String, Integer> window = grants.takeWindow();
      Set<String> affectedConfigMaps = changed.keySet().stream().map(k -> k + "-grants").collect(Collectors.toSet());
      for (var written : window.entrySet()) {
        String primary = written.getKey().replaceAll("-grants-\\d+$", "-grants");
        if (!affectedConfigMaps.contains(primary)) {
          results.writesToUnaffectedDocuments += written.getValue();
          log("change %d (%s) wrote %s, whose document did not change", i, change.describe(), written.getKey());
        } else if (byResource && !written.getKey().equals(primary)
            && !changedShards.contains(written.getKey().replaceAll("-(\\d+)-\\d+$", "-$1"))) {
          results.writesToUnaffectedShards += written.getValue();
          log("change %d (%s) wrote shard %s, whose content did not change", i, change.describe(), written.getKey());
        } else if (written.getValue() > 1) {
          results.documentsWrittenMoreThanOncePerChange++;
        }
      }
      if ((i + 1) % 50 == 0) {
        log("%d changes done", i + 1);
      }
    }
    double seconds = (System.nanoTime() - t) / 1e9;
    int n = params.changes();
    results.changes = n;
    results.unchangedWritesIncremental = grants.unchangedWrites() - unchangedBefore;
    results.latenciesMs = latencies.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    long cmWrites = grants.writes() - writesBefore;
    long cmBytes = grants.bytesWritten() - bytesBefore;
    var requests = ApiMetrics.delta(metricsBefore, ApiMetrics.scrape(client));
    long harness = harnessRequests.get() - harnessBefore;
    double all = ApiMetrics.total(requests);
    double bg = backgroundSeconds > 0 ? ApiMetrics.total(background) / backgroundSeconds * seconds : 0;
    double cmRequests = ApiMetrics.matching(requests, "(APPLY|PATCH|UPDATE|CREATE|POST|PUT|DELETE) configmaps");
    double[] l = results.latenciesMs;
    figures.put("changes (visible ones; %d candidates without visible effect skipped)".formatted(skipped),
        String.valueOf(n));
    figures.put("incremental p50 / p95 / p99 / max (ms)", "%.0f / %.0f / %.0f / %.0f".formatted(
        pct(l, 50), pct(l, 95), pct(l, 99), l.length == 0 ? Double.NaN : l[l.length - 1]));
    byKind.forEach((k, v) -> {
      double[] a = v.stream().mapToDouble(Double::doubleValue).sorted().toArray();
      figures.put("  " + k + ": n / p50 / p99 (ms)", "%d / %.0f / %.0f".formatted(a.length, pct(a, 50), pct(a, 99)));
    });
    figures.put("changes that never showed", String.valueOf(results.changesTimedOut));
    figures.put("grants ConfigMap writes per change (watch)", "%.2f".formatted(cmWrites / (double) n));
    figures.put("  grants bytes written per change (KiB of grants.json)", "%.0f".formatted(cmBytes / 1024.0 / n));
    figures.put("  ConfigMap write requests per change (apiserver_request_total)",
        "%.2f".formatted(cmRequests / n));
    figures.put("writes to documents whose content did not change",
        String.valueOf(results.writesToUnaffectedDocuments + results.unchangedWritesIncremental));
    if ("v1alpha2".equals(params.grantsFormat())) {
      figures.put("  writes to shards whose content did not change (v1alpha2)",
          String.valueOf(results.writesToUnaffectedShards));
    }
    figures.put("  documents written more than once in one change",
        String.valueOf(results.documentsWrittenMoreThanOncePerChange));
    Map<String, Long> status = objects.writes();
    statusBefore.forEach((k, v) -> status.merge(k, -v, Long::sum));
    figures.put("Trellis object writes seen per change (statuses)",
        "%.2f %s".formatted(status.values().stream().mapToLong(Long::longValue).sum() / (double) n, status));
    figures.put("API requests per change: all clients", "%.2f".formatted(all / n));
    figures.put("  of which the harness's own (its writes)", "%.2f".formatted(harness / (double) n));
    figures.put("  of which background (idle rate × duration)", "%.2f".formatted(bg / n));
    figures.put("  the operator's (all − harness − background)", "%.2f".formatted((all - harness - bg) / n));
    figures.put("  by verb and resource, all clients, per change", top(requests, 8, n));
  }

  private static final int CHANGE_FLOOR_SAMPLES = 50;

  /**
   * For the floor of a change in v1alpha2: one ConfigMap content per shard the change rewrites, as large as that
   * shard's part of the rendered document (the document's bytes in proportion to the bucket's share of its
   * content), and the primary (about 100 bytes per shard it names).
   */
  private List<String> floorContents(Map<String, DocContent> changed, Map<String, DocContent> expected,
      Set<String> changedShards) {
    List<String> out = new ArrayList<>();
    for (var e : changed.entrySet()) {
      String json = rendered.get(e.getKey());
      if (json == null) {
        continue;
      }
      Map<Integer, Set<String>> buckets = e.getValue().buckets(GrantsProjector.DEFAULT_RESOURCES_PER_SHARD);
      long whole = buckets.values().stream().flatMap(Set::stream).mapToLong(String::length).sum();
      for (var b : buckets.entrySet()) {
        if (changedShards.contains(e.getKey() + "-grants-" + (b.getKey() + 1))) {
          long part = b.getValue().stream().mapToLong(String::length).sum();
          out.add(padding((int) (json.length() * part / Math.max(1, whole))));
        }
      }
      out.add(padding(300 + 100 * buckets.size()));
    }
    return out;
  }

  private static String padding(int bytes) {
    return "{\"pad\":\"" + "x".repeat(Math.max(0, bytes - 10)) + "\"}";
  }

  /**
   * The least a change costs on this machine, measured with the same client after the changes (the operator is
   * idle): the change's own write, then one write of each ConfigMap its documents need, all at once. Replayed for
   * the first changes with their own documents' contents, into a namespace no organization owns.
   */
  private void changeFloor() throws Exception {
    String scratch = scratchNamespace("change-floor");
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      double[] ms = new double[changedDocuments.size()];
      for (int i = 0; i < ms.length; i++) {
        List<String> docs = changedDocuments.get(i);
        int sample = i;
        for (int j = 0; j < docs.size(); j++) { // each measured write replaces a document, as the operator's do
          client.configMaps().inNamespace(scratch).resource(scratchConfigMap("doc-" + i + "-" + j, "{}")).create();
        }
        List<Callable<Object>> writes = new ArrayList<>();
        for (int j = 0; j < docs.size(); j++) {
          String name = "doc-" + i + "-" + j;
          String json = docs.get(j);
          writes.add(() -> client.configMaps().inNamespace(scratch).resource(scratchConfigMap(name, json))
              .fieldManager("bench-floor").forceConflicts().serverSideApply());
        }
        long t0 = System.nanoTime();
        client.configMaps().inNamespace(scratch).resource(scratchConfigMap("change-" + sample, "{}")).create();
        invokeAll(pool, writes);
        ms[i] = (System.nanoTime() - t0) / 1e6;
      }
      Arrays.sort(ms);
      results.changeFloorMs = ms;
      figures.put("floor of a change: its write, then its documents' ConfigMaps at once, p50 / p99 (ms, %d changes)"
          .formatted(ms.length), "%.0f / %.0f".formatted(pct(ms, 50), pct(ms, 99)));
      figures.put("  incremental p50 / p99 over the floor's", "%.1f× / %.1f×".formatted(
          pct(results.latenciesMs, 50) / pct(ms, 50), pct(results.latenciesMs, 99) / pct(ms, 99)));
      log("floor of a change: p50 %.0f ms, p99 %.0f ms", pct(ms, 50), pct(ms, 99));
    } finally {
      pool.shutdownNow();
      client.namespaces().withName(scratch).delete();
    }
  }

  /** Creates a namespace no organization owns, for the floors' ConfigMaps; returns its name. */
  private String scratchNamespace(String suffix) {
    String name = params.prefix() + suffix;
    client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build())
        .create();
    return name;
  }

  private static ConfigMap scratchConfigMap(String name, String json) {
    return new ConfigMapBuilder().withNewMetadata().withName(name).endMetadata().addToData("grants.json", json).build();
  }

  private Change candidate(Scenario s, int seq) {
    Scenario.Org org = Scenario.pick(s.orgs, rnd);
    String ns = org.namespace();
    Set<String> orgs = new java.util.TreeSet<>(Set.of(org.name));
    s.orgs.stream().filter(o -> o.partnerships.values().stream().anyMatch(p -> p.partnerOrg.equals(org.name)))
        .forEach(o -> orgs.add(o.name));
    switch (rnd.nextInt(5)) {
      case 0 -> {
        String name = "x" + seq;
        Scenario.Binding b = s.randomBinding(org, rnd);
        return new Change("add binding", "add RoleBinding " + ns + "/" + name, () -> org.bindings.put(name, b),
            () -> org.bindings.remove(name), () -> createWithRetry(ns, binding(ns, name, b)), orgs);
      }
      case 1 -> {
        String name = Scenario.pick(List.copyOf(org.bindings.keySet()), rnd);
        Scenario.Binding b = org.bindings.get(name);
        return new Change("remove binding", "delete RoleBinding " + ns + "/" + name,
            () -> org.bindings.remove(name), () -> org.bindings.put(name, b),
            () -> client.genericKubernetesResources(API, "RoleBinding").inNamespace(ns).withName(name).delete(),
            orgs);
      }
      case 2 -> {
        if (org.partnerships.isEmpty()) {
          return null;
        }
        String name = Scenario.pick(List.copyOf(org.partnerships.keySet()), rnd);
        Scenario.Partnership p = org.partnerships.get(name);
        boolean paused = !p.paused;
        return new Change(paused ? "pause partnership" : "resume partnership",
            (paused ? "pause" : "resume") + " Partnership " + ns + "/" + name,
            () -> p.paused = paused, () -> p.paused = !paused,
            () -> patch("Partnership", ns, name, "{\"spec\":{\"paused\":" + paused + "}}"), orgs);
      }
      case 3 -> {
        String name = Scenario.pick(List.copyOf(org.projects.keySet()), rnd);
        String from = org.projects.get(name);
        List<String> targets = new ArrayList<>(org.folders.keySet());
        targets.add("");
        targets.remove(from);
        String to = Scenario.pick(targets, rnd);
        return new Change("move project", "move Project " + ns + "/" + name + " to " + (to.isEmpty() ? "root" : to),
            () -> org.projects.put(name, to), () -> org.projects.put(name, from),
            () -> patch("Project", ns, name, "{\"spec\":{\"folder\":" + (to.isEmpty() ? "null" : "\"" + to + "\"")
                + "}}"),
            orgs);
      }
      default -> {
        String name = Scenario.pick(List.copyOf(org.members.keySet()), rnd);
        Scenario.Member m = org.members.get(name);
        boolean disabled = !m.disabled;
        return new Change(disabled ? "disable member" : "enable member",
            (disabled ? "disable" : "enable") + " Member " + ns + "/" + name,
            () -> m.disabled = disabled, () -> m.disabled = !disabled,
            () -> patch("Member", ns, name, "{\"spec\":{\"disabled\":" + disabled + "}}"), orgs);
      }
    }
  }

  /** A JSON merge patch, sent on its own: fabric8's {@code withName(..).patch(..)} would GET the object first. */
  private Object patch(String kind, String ns, String name, String json) {
    return client.genericKubernetesResources(API, kind).inNamespace(ns).resource(object(kind, ns, name, Map.of()))
        .patch(PatchContext.of(PatchType.JSON_MERGE), json);
  }

  // ---------------------------------------------------------------- profile

  private void profileNotes(Path jfr, Instant start, Instant converged, Instant changes, Instant end) {
    try {
      var cold = JfrSummary.read(jfr, start, converged);
      var incremental = JfrSummary.read(jfr, changes, end);
      notes.put("JFR, cold start: " + cold.samples() + " samples; hottest (self)", cold.self().toString());
      notes.put("JFR, cold start: inclusive", cold.inclusive().toString());
      notes.put("JFR, cold start: threads", cold.threads().toString());
      notes.put("JFR, cold start: by part", cold.parts().toString());
      notes.put("JFR, cold start: JIT compilers busy (s, their wall time)",
          "%.1f".formatted(cold.compiling().toMillis() / 1e3));
      notes.put("JFR, cold start: CPU seconds by thread", cold.cpuByThread().toString());
      notes.put("JFR, changes: " + incremental.samples() + " samples; hottest (self)", incremental.self().toString());
      notes.put("JFR, changes: inclusive", incremental.inclusive().toString());
      notes.put("JFR, changes: threads", incremental.threads().toString());
      notes.put("JFR, changes: by part", incremental.parts().toString());
      notes.put("JFR, changes: JIT compilers busy (s, their wall time)",
          "%.1f".formatted(incremental.compiling().toMillis() / 1e3));
      notes.put("JFR, changes: CPU seconds by thread", incremental.cpuByThread().toString());
      notes.put("JFR recording", jfr.toString());
    } catch (Exception e) {
      notes.put("JFR", "could not read " + jfr + ": " + e);
    }
  }

  // ---------------------------------------------------------------- helpers

  static double pct(double[] sorted, double p) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
  }

  private static String seconds(long nanos) {
    return "%.2f".formatted(nanos / 1e9);
  }

  private static String mib(long bytes) {
    return "%.0f".formatted(bytes / 1048576.0);
  }

  private static String first(Map<String, String> mismatches) {
    return mismatches.entrySet().stream().limit(3).map(e -> e.getKey() + ": " + e.getValue())
        .collect(Collectors.joining("; ")) + (mismatches.size() > 3 ? " (+" + (mismatches.size() - 3) + ")" : "");
  }

  private static String top(Map<String, Double> delta, int n) {
    return delta.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(n)
        .map(e -> e.getKey() + " " + Math.round(e.getValue())).collect(Collectors.joining(", "));
  }

  private static String top(Map<String, Double> delta, int n, int per) {
    return delta.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(n)
        .map(e -> e.getKey() + " %.2f".formatted(e.getValue() / per)).collect(Collectors.joining(", "));
  }
}
