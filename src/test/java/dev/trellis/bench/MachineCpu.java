package dev.trellis.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU seconds of the control plane's processes (every kube-apiserver and etcd on the machine), of the harness
 * itself (its watches parse every document) and of the whole machine, from /proc: whether a phase was bound by
 * the machine or waited on something.
 */
final class MachineCpu {
  private static final double HZ = 100.0; // USER_HZ

  record Sample(long nanos, double apiServer, double etcd, double harness, double busy, double all) {
    /** What happened between {@code before} and this sample. */
    String since(Sample before) {
      double wall = (nanos - before.nanos) / 1e9;
      double cores = Runtime.getRuntime().availableProcessors();
      return "kube-apiserver %.1f s, etcd %.1f s, this harness %.1f s; machine %.0f %% busy over %.1f s on %.0f cores"
          .formatted(apiServer - before.apiServer, etcd - before.etcd, harness - before.harness,
              100 * (busy - before.busy) / Math.max(1e-9, all - before.all), wall, cores);
    }
  }

  private MachineCpu() {}

  static Sample sample() {
    double api = 0;
    double etcd = 0;
    try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
      for (Path p : procs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
        try {
          String comm = Files.readString(p.resolve("comm")).trim();
          if (comm.equals("kube-apiserver")) {
            api += cpuSeconds(p);
          } else if (comm.equals("etcd")) {
            etcd += cpuSeconds(p);
          }
        } catch (IOException gone) {
          // the process ended meanwhile
        }
      }
      String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
      double all = 0;
      for (int i = 1; i < cpu.length && i <= 8; i++) {
        all += Long.parseLong(cpu[i]);
      }
      double idle = Long.parseLong(cpu[4]) + Long.parseLong(cpu[5]);
      return new Sample(System.nanoTime(), api, etcd, cpuSeconds(Path.of("/proc/self")), (all - idle) / HZ, all / HZ);
    } catch (IOException e) {
      return new Sample(System.nanoTime(), 0, 0, 0, 0, 0);
    }
  }

  /** User plus system CPU seconds so far of the process whose /proc directory is {@code proc}. */
  static double cpuSeconds(Path proc) throws IOException {
    String stat = Files.readString(proc.resolve("stat"));
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    // fields[0] is the state (field 3 of proc(5)); utime and stime are fields 14 and 15.
    return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / HZ;
  }
}
