package dev.trellis.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Prints a run as one table, beside the last recorded run of the same preset, and appends it to the run history
 * (docs/benchmarks-history.md).
 */
final class BenchReport {
  private BenchReport() {}

  /** Where every run is recorded, newest last. */
  static final Path HISTORY = Path.of("docs", "benchmarks-history.md");

  /** The targets of docs/benchmarks.md, judged on this run. */
  static Map<String, String> targets(BenchParams p, ScaleBench.Results r) {
    Map<String, String> t = new LinkedHashMap<>();
    double ratio = r.convergenceSeconds / r.floorSeconds;
    t.put("cold convergence ≤ 2× floor", verdict(r.converged && ratio <= 2, "%.1f×".formatted(ratio)));
    double p50 = ScaleBench.pct(r.latenciesMs, 50);
    double p99 = ScaleBench.pct(r.latenciesMs, 99);
    t.put("incremental p50 ≤ 50 ms", verdict(p50 <= 50, "%.0f ms".formatted(p50)));
    t.put("incremental p99 ≤ 100 ms", verdict(p99 <= 100, "%.0f ms".formatted(p99)));
    long unchanged = r.writesToUnaffectedDocuments + r.unchangedWritesIncremental + r.unchangedWritesCold;
    t.put("0 writes to unchanged documents", verdict(unchanged == 0, String.valueOf(unchanged)));
    if ("v1alpha2".equals(p.grantsFormat())) {
      t.put("0 writes to unaffected shards", verdict(r.writesToUnaffectedShards == 0,
          String.valueOf(r.writesToUnaffectedShards)));
    }
    t.put("≤ 1 write per affected document per change", verdict(r.documentsWrittenMoreThanOncePerChange == 0,
        r.documentsWrittenMoreThanOncePerChange + " documents written more than once"));
    if (r.heapAfterConvergence > 0) {
      long limitMib = heapTargetMib(p.organizations());
      t.put("heap ≤ %d MiB after convergence".formatted(limitMib),
          verdict(r.heapAfterConvergence <= limitMib << 20, "%.0f MiB".formatted(r.heapAfterConvergence / 1048576.0)));
      double growth = 100.0 * (r.heapAfterChanges - r.heapAfterConvergence) / r.heapAfterConvergence;
      t.put("heap growth over the changes ≤ 10%", verdict(growth <= 10, "%+.1f%%".formatted(growth)));
    }
    t.put("every document correct at the end", verdict(r.converged && r.finalMismatches.isEmpty(),
        r.finalMismatches.size() + " wrong"));
    return t;
  }

  /** 128 MiB at medium's 50 organizations, 384 MiB at large's 200, in a line between and beyond. */
  static long heapTargetMib(int organizations) {
    return organizations <= 50 ? 128 : 128 + Math.round((organizations - 50) * 256 / 150.0);
  }

  /**
   * The figures of the last run of {@code preset} recorded in {@code history} (the rows of its first table), and the
   * heading that dates it; empty when there is none.
   */
  static Optional<Recorded> previous(String history, String preset) {
    int at = -1;
    for (int i = history.indexOf("\n## "); i >= 0; i = history.indexOf("\n## ", i + 1)) {
      int end = history.indexOf('\n', i + 1);
      String heading = history.substring(i + 4, end < 0 ? history.length() : end);
      if (heading.endsWith("preset " + preset)) {
        at = i + 1;
      }
    }
    if (at < 0) {
      return Optional.empty();
    }
    int next = history.indexOf("\n## ", at);
    String section = history.substring(at, next < 0 ? history.length() : next);
    Map<String, String> figures = new LinkedHashMap<>();
    boolean inTable = false;
    for (String line : section.split("\n")) {
      if (line.startsWith("| figure |")) {
        inTable = true;
      } else if (inTable && line.startsWith("|") && !line.startsWith("|---")) {
        String[] cells = line.substring(1, line.length() - (line.endsWith("|") ? 1 : 0)).split("\\|", 2);
        if (cells.length == 2) {
          figures.put(cells[0].trim(), cells[1].trim());
        }
      } else if (inTable && !line.startsWith("|")) {
        break;
      }
    }
    String heading = section.substring(3, section.indexOf('\n') < 0 ? section.length() : section.indexOf('\n'));
    return Optional.of(new Recorded(heading, figures));
  }

  /** A recorded run: its heading (date and preset) and its figures by name. */
  record Recorded(String heading, Map<String, String> figures) {}

  /** Two columns: this run, and the recorded one where it has the same figure. */
  static Map<String, String> beside(Map<String, String> now, Optional<Recorded> before) {
    if (before.isEmpty()) {
      return now;
    }
    Map<String, String> rows = new LinkedHashMap<>();
    rows.put("", "this run  ←→  " + before.get().heading());
    now.forEach((k, v) -> {
      String old = before.get().figures().get(k.replace("|", "/"));
      rows.put(k, old == null || old.equals(v.replace("|", "/")) ? v : v + "   (was " + old + ")");
    });
    return rows;
  }

  private static String verdict(boolean met, String value) {
    return (met ? "met" : "NOT met") + " (" + value + ")";
  }

  static String table(Map<String, String> rows) {
    int width = rows.keySet().stream().mapToInt(String::length).max().orElse(10);
    StringBuilder out = new StringBuilder();
    rows.forEach((k, v) -> out.append("| ").append(k).append(" ".repeat(width - k.length())).append(" | ")
        .append(v).append(" |\n"));
    return out.toString();
  }

  static String markdown(BenchParams p, Map<String, String> figures, Map<String, String> targets,
      Map<String, String> notes, String machine) {
    StringBuilder out = new StringBuilder();
    out.append("\n## ").append(ZonedDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z")))
        .append(" — preset ").append(p.preset()).append("\n\n");
    out.append("Machine: ").append(machine).append(". Parameters: ").append(p.describe()).append(".\n\n");
    out.append("| figure | value |\n|---|---|\n");
    figures.forEach((k, v) -> out.append("| ").append(k.replace("|", "/")).append(" | ").append(v.replace("|", "/"))
        .append(" |\n"));
    out.append("\n| target | result |\n|---|---|\n");
    targets.forEach((k, v) -> out.append("| ").append(k).append(" | ").append(v).append(" |\n"));
    if (!notes.isEmpty()) {
      out.append("\nProfile (JFR execution samples of the operator process):\n\n");
      notes.forEach((k, v) -> out.append("- ").append(k).append(": `").append(v).append("`\n"));
    }
    return out.toString();
  }

  static void append(Path file, String markdown) throws IOException {
    Files.writeString(file, markdown, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }

  static String machine() {
    String memory = "?";
    try {
      for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
        if (line.startsWith("MemTotal:")) {
          memory = "%.1f GiB".formatted(Long.parseLong(line.replaceAll("\\D", "")) / 1048576.0);
        }
      }
    } catch (IOException e) {
      // leave it unknown
    }
    double load = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    return "%d cores (nproc), %s RAM, load average %.1f at the end, Java %s".formatted(
        Runtime.getRuntime().availableProcessors(), memory, load, System.getProperty("java.version"));
  }
}
