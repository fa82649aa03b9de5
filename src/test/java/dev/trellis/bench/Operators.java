package dev.trellis.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The operator processes of a run: one, or with {@code -Dtrellis.bench.shards=N} one per shard, each started with
 * {@code trellis.sharding.shards=N} and its own {@code trellis.sharding.shard}, so that each serves its part of the
 * organizations (docs/scaling.md). Figures are summed over the processes; {@link #each} gives them one by one.
 */
final class Operators implements AutoCloseable {
  final List<OperatorProcess> processes;

  private Operators(List<OperatorProcess> processes) {
    this.processes = processes;
  }

  /** How many operator processes share the organizations: {@code trellis.bench.shards}, default 1. */
  static int shards() {
    return Integer.getInteger("trellis.bench.shards", 1);
  }

  static Operators start(Path jar, Path kubeconfig, Path dir, String name, boolean profile, List<String> options)
      throws IOException {
    int shards = shards();
    if (shards <= 1) {
      return new Operators(List.of(OperatorProcess.start(jar, kubeconfig, dir, name, profile, options)));
    }
    List<OperatorProcess> started = new ArrayList<>();
    for (int k = 0; k < shards; k++) {
      List<String> sharded = new ArrayList<>(options);
      sharded.add("-Dtrellis.sharding.shards=" + shards);
      sharded.add("-Dtrellis.sharding.shard=" + k);
      started.add(OperatorProcess.start(jar, kubeconfig, dir, name + "-shard-" + k, profile && k == 0, sharded));
    }
    return new Operators(List.copyOf(started));
  }

  /** When the first process started. */
  long startedNanos() {
    return processes.stream().mapToLong(p -> p.startedNanos).min().orElseThrow();
  }

  /** The first process' JFR recording, if it records one. */
  Path jfr() {
    return processes.get(0).jfr;
  }

  double cpuSeconds() throws IOException {
    double sum = 0;
    for (OperatorProcess p : processes) {
      sum += p.cpuSeconds();
    }
    return sum;
  }

  /** The used heap after a full GC, summed over the processes. */
  long heapAfterGc() throws IOException, InterruptedException {
    long sum = 0;
    for (OperatorProcess p : processes) {
      sum += p.heapAfterGc();
    }
    return sum;
  }

  /** The peak RSS of each process, summed (an upper bound of their joint peak). */
  long peakRss() throws IOException {
    long sum = 0;
    for (OperatorProcess p : processes) {
      sum += p.peakRss();
    }
    return sum;
  }

  /** The slowest process' own start (Quarkus's figure). */
  double quarkusStartSeconds() throws IOException {
    double max = -1;
    for (OperatorProcess p : processes) {
      max = Math.max(max, p.quarkusStartSeconds());
    }
    return max;
  }

  String classHistogram(int rows) throws IOException, InterruptedException {
    return processes.get(0).classHistogram(rows);
  }

  /** A figure of each process, " / "-separated, in shard order. */
  String each(Figure figure) throws IOException, InterruptedException {
    List<String> out = new ArrayList<>();
    for (OperatorProcess p : processes) {
      out.add(figure.of(p));
    }
    return out.stream().collect(Collectors.joining(" / "));
  }

  /** One process' figure, rendered. */
  interface Figure {
    String of(OperatorProcess p) throws IOException, InterruptedException;
  }

  @Override
  public void close() {
    processes.forEach(OperatorProcess::close);
  }
}
