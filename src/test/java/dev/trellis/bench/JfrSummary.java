package dev.trellis.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/** Hot methods of an operator JFR recording (jdk.ExecutionSample) within a time window. */
final class JfrSummary {
  private JfrSummary() {}

  record Hot(long samples, Map<String, Long> self, Map<String, Long> inclusive, Map<String, Long> threads) {}

  static Hot read(Path jfr, Instant from, Instant to) throws IOException {
    Map<String, Long> self = new TreeMap<>();
    Map<String, Long> inclusive = new TreeMap<>();
    Map<String, Long> threads = new TreeMap<>();
    long samples = 0;
    try (RecordingFile file = new RecordingFile(jfr)) {
      while (file.hasMoreEvents()) {
        RecordedEvent e = file.readEvent();
        if (!e.getEventType().getName().equals("jdk.ExecutionSample") || e.getStartTime().isBefore(from)
            || e.getStartTime().isAfter(to) || e.getStackTrace() == null) {
          continue;
        }
        samples++;
        var frames = e.getStackTrace().getFrames();
        if (!frames.isEmpty()) {
          self.merge(name(frames.get(0)), 1L, Long::sum);
        }
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
    return new Hot(samples, top(self, 15), top(inclusive, 25), top(threads, 6));
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
