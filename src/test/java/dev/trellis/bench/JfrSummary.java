package dev.trellis.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/** Hot methods of an operator JFR recording (jdk.ExecutionSample) within a time window. */
final class JfrSummary {
  private JfrSummary() {}

  record Hot(long samples, Map<String, Long> self, Map<String, Long> inclusive, Map<String, Long> threads,
      Map<String, Long> parts, Duration compiling, Map<String, Double> cpuByThread) {}

  /**
   * What a sample was doing, by the frame nearest its top that belongs to one of these (in this order within a
   * frame's class name): the parts "where the time goes" in docs/benchmarks.md names.
   */
  private static final List<Map.Entry<String, String>> PARTS = List.of(
      Map.entry("sun.security.ec.ed.", "signing (Ed25519)"),
      Map.entry("dev.trellis.reconcile.support.SigningKey", "signing (Ed25519)"),
      Map.entry("com.sun.crypto.provider.", "TLS (AES-GCM)"),
      Map.entry("sun.security.ssl.", "TLS (other)"),
      Map.entry("io.netty.handler.ssl.", "TLS (other)"),
      Map.entry("dev.trellis.reconcile.support.CachedContent", "caching ConfigMaps (digest)"),
      Map.entry("com.fasterxml.jackson.core.json.UTF8StreamJsonParser", "JSON decoding"),
      Map.entry("com.fasterxml.jackson.core.json.ReaderBasedJsonParser", "JSON decoding"),
      Map.entry("com.fasterxml.jackson.databind.deser.", "JSON decoding"),
      Map.entry("com.fasterxml.jackson.core.json.WriterBasedJsonGenerator", "JSON encoding (requests)"),
      Map.entry("com.fasterxml.jackson.core.json.UTF8JsonGenerator", "JSON encoding (requests)"),
      Map.entry("com.fasterxml.jackson.databind.ser.", "JSON encoding (requests)"),
      Map.entry("dev.trellis.model.grants.", "resolving"),
      Map.entry("dev.trellis.projection.", "rendering documents"),
      Map.entry("dev.trellis.reconcile.tenancy.OrganizationSnapshots", "building snapshots"),
      Map.entry("dev.trellis.reconcile.conversion.", "building snapshots"),
      Map.entry("dev.trellis.reconcile.tenancy.PartnershipStatuses", "statuses"),
      Map.entry("dev.trellis.reconcile.status.", "statuses"),
      Map.entry("dev.trellis.reconcile.support.StatusWriter", "statuses"),
      Map.entry("io.fabric8.kubernetes.client.informers.", "informers (other)"),
      Map.entry("io.javaoperatorsdk.operator.processing.event.source.informer.", "informers (other)"),
      Map.entry("io.netty.", "network (other)"),
      Map.entry("io.vertx.", "network (other)"));

  /** The part of {@link #PARTS} a stack (its frames' class names, top first) belongs to, or "other". */
  static String part(List<String> classNames) {
    for (String type : classNames) {
      for (Map.Entry<String, String> p : PARTS) {
        if (type.startsWith(p.getKey())) {
          return p.getValue();
        }
      }
    }
    return "other";
  }

  /**
   * One pass over the recording for the window from {@code from} to {@code to}: the execution samples (hottest
   * methods, threads, parts), the time the JIT compilers spent compiling (jdk.CompilerStatistics, sampled each
   * second: wall time of the compiler threads, which on a busy machine includes their wait for a core) and the CPU
   * seconds of each Java thread (numbers in names made N, so pools add up; the JIT compilers are Java threads here,
   * the garbage collector's are not) from jdk.ThreadCPULoad: each event gives a thread's share of all processors
   * since its previous one (every 10 s), counted for the part of that interval inside the window.
   */
  static Hot read(Path jfr, Instant from, Instant to) throws IOException {
    Map<String, Long> self = new TreeMap<>();
    Map<String, Long> inclusive = new TreeMap<>();
    Map<String, Long> threads = new TreeMap<>();
    Map<String, Long> parts = new TreeMap<>();
    long samples = 0;
    Duration compiledBefore = Duration.ZERO;
    Duration compiledUntil = Duration.ZERO;
    Map<String, Double> cpuShare = new TreeMap<>();
    Map<Long, Instant> previousLoad = new HashMap<>();
    int processors = 1;
    Instant first = null;
    try (RecordingFile file = new RecordingFile(jfr)) {
      while (file.hasMoreEvents()) {
        RecordedEvent e = file.readEvent();
        String type = e.getEventType().getName();
        Instant at = e.getStartTime();
        if (first == null || at.isBefore(first)) {
          first = at;
        }
        if (type.equals("jdk.CPUInformation")) {
          processors = Math.max(1, e.getInt("hwThreads"));
        } else if (type.equals("jdk.CompilerStatistics") && !at.isAfter(to)) {
          Duration spent = e.getDuration("totalTimeSpent");
          if (!at.isAfter(from)) {
            compiledBefore = spent;
          }
          compiledUntil = spent;
        } else if (type.equals("jdk.ThreadCPULoad") && e.getThread("eventThread") != null) {
          var thread = e.getThread("eventThread");
          Instant since = previousLoad.getOrDefault(thread.getJavaThreadId(), first);
          previousLoad.put(thread.getJavaThreadId(), at);
          long overlap = Duration.between(since.isAfter(from) ? since : from, at.isBefore(to) ? at : to).toMillis();
          long interval = Duration.between(since, at).toMillis();
          if (overlap > 0 && interval > 0) {
            double load = e.getFloat("user") + e.getFloat("system");
            // C1 and C2 CompilerThreadN stay apart: the client and the server compiler.
            String name = thread.getJavaName() == null ? "?" : thread.getJavaName().replaceAll("(?<!^C)\\d+", "N");
            cpuShare.merge(name, load * overlap / 1e3, Double::sum);
          }
        } else if (type.equals("jdk.ExecutionSample") && !at.isBefore(from) && !at.isAfter(to)
            && e.getStackTrace() != null) {
          samples++;
          var frames = e.getStackTrace().getFrames();
          if (!frames.isEmpty()) {
            self.merge(name(frames.get(0)), 1L, Long::sum);
          }
          parts.merge(part(frames.stream().map(f -> f.getMethod().getType().getName()).toList()), 1L, Long::sum);
          Set<String> seen = new HashSet<>();
          for (RecordedFrame f : frames) {
            String n = name(f);
            if (seen.add(n)) {
              inclusive.merge(n, 1L, Long::sum);
            }
          }
          String thread = e.getThread("sampledThread") == null ? "?" : e.getThread("sampledThread").getJavaName();
          threads.merge(thread == null ? "?" : thread.replaceAll("\\d+", "N"), 1L, Long::sum);
        }
      }
    }
    int cpus = processors;
    Map<String, Double> cpu = new LinkedHashMap<>();
    cpuShare.entrySet().stream().filter(t -> t.getValue() * cpus >= 0.05)
        .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
        .forEach(t -> cpu.put(t.getKey(), Math.round(t.getValue() * cpus * 10) / 10.0));
    return new Hot(samples, top(self, 15), top(inclusive, 25), top(threads, 6), top(parts, PARTS.size() + 1),
        compiledUntil.minus(compiledBefore), cpu);
  }

  private static String name(RecordedFrame f) {
    return f.getMethod().getType().getName() + "." + f.getMethod().getName();
  }

  private static Map<String, Long> top(Map<String, Long> counts, int n) {
    Map<String, Long> out = new LinkedHashMap<>();
    counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(n)
        .forEach(e -> out.put(e.getKey(), e.getValue()));
    return out;
  }
}
