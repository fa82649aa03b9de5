package dev.trellis.reader;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * A minimal connector built on the reader kit. It keeps the last good view of its grants, reads again when the
 * mounted files change (or, through the API, on every poll), prints one line per new view, and answers
 * {@code allowed <subject> <permission> <resource>} lines from stdin with {@code yes|no <rule> <explanation>}.
 *
 * <pre>
 * java -cp trellis-reader.jar dev.trellis.reader.SampleConnector --dir /etc/trellis/grants --keys keys.json
 * java -cp trellis-reader.jar dev.trellis.reader.SampleConnector --api --namespace org-x --connector conn-eu \
 *     --keys-namespace trellis-system
 * </pre>
 */
public final class SampleConnector {
  private final AtomicReference<Snapshot> view = new AtomicReference<>();
  private final PrintStream out;
  private volatile String lastProblem;

  private SampleConnector(PrintStream out) {
    this.out = out;
  }

  public static void main(String[] args) throws IOException {
    Path dir = null;
    String namespace = null;
    String connector = null;
    Path keysFile = null;
    String keysNamespace = null;
    boolean api = false;
    boolean noVerify = false;
    long pollMillis = 2000;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--dir" -> dir = Path.of(args[++i]);
        case "--api" -> api = true;
        case "--namespace" -> namespace = args[++i];
        case "--connector" -> connector = args[++i];
        case "--keys" -> keysFile = Path.of(args[++i]);
        case "--keys-namespace" -> keysNamespace = args[++i];
        case "--no-verify" -> noVerify = true;
        case "--poll-ms" -> pollMillis = Math.max(100, Math.min(60_000, Long.parseLong(args[++i])));
        default -> usage("unknown argument " + args[i]);
      }
    }
    int keySources = (keysFile == null ? 0 : 1) + (keysNamespace == null ? 0 : 1) + (noVerify ? 1 : 0);
    if ((dir == null) == !api || (api && (namespace == null || connector == null)) || keySources != 1
        || (keysNamespace != null && !api)) {
      usage("give --dir DIR or --api --namespace N --connector C, and one of --keys FILE, --keys-namespace NS"
          + " (with --api) or --no-verify");
    }
    ApiAccess access = api ? ApiAccess.inCluster() : null;
    TrustedKeys keys = noVerify ? TrustedKeys.none()
        : keysFile != null ? TrustedKeys.parse(Files.readString(keysFile, StandardCharsets.UTF_8))
            : TrustedKeys.fromApi(access, keysNamespace);
    SampleConnector c = new SampleConnector(System.out);
    Path d = dir;
    String ns = namespace;
    String conn = connector;
    Poller poller = api ? new Poller(() -> "always", () -> GrantsReader.fromApi(access, ns, conn, keys))
        : new Poller(() -> version(d), () -> GrantsReader.fromDirectory(d, keys));
    c.refresh(poller);
    long interval = pollMillis;
    Thread watcher = new Thread(() -> {
      while (true) {
        try {
          Thread.sleep(interval);
        } catch (InterruptedException e) {
          return;
        }
        c.refresh(poller);
      }
    }, "grants-watcher");
    watcher.setDaemon(true);
    watcher.start();
    c.answer(new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)));
  }

  /** Reads again when the version changed (or the last read failed), and reports a new view or a new problem. */
  private synchronized void refresh(Poller poller) {
    String version = poller.version.get();
    if (version != null && version.equals(poller.lastVersion) && lastProblem == null && !"always".equals(version)) {
      return;
    }
    try {
      Snapshot next = poller.read.get();
      poller.lastVersion = version;
      lastProblem = null;
      Snapshot previous = view.getAndSet(next);
      if (previous == null || !previous.revision().equals(next.revision())
          || !Objects.equals(previous.keyId(), next.keyId())) {
        print("revision " + next.revision() + " entries " + next.entries().size() + " "
            + (next.verified() ? "verified " + next.keyId() : "unverified"));
      }
    } catch (GrantsException e) {
      String problem = e.getMessage();
      if (!problem.equals(lastProblem)) {
        print("error " + e.reason() + " " + problem + (view.get() == null ? "" : "; keeping revision "
            + view.get().revision()));
      }
      lastProblem = problem;
    }
  }

  private void answer(BufferedReader in) throws IOException {
    for (String line; (line = in.readLine()) != null;) {
      String[] words = line.trim().split("\\s+");
      if (words.length == 1 && words[0].isEmpty()) {
        continue;
      }
      if (words.length != 4 || !words[0].equals("allowed")) {
        print("error usage: allowed <subject> <permission> <resource>");
        continue;
      }
      Snapshot s = view.get();
      if (s == null) {
        print("no no-view no verified grants document has been read yet");
        continue;
      }
      Decision d = s.decide(words[1], words[2], words[3], Instant.now());
      print((d.allowed() ? "yes " : "no ") + d.rule() + " " + d.explanation());
    }
  }

  private synchronized void print(String line) {
    out.println(line);
    out.flush();
  }

  /**
   * What identifies the mounted version: the {@code ..data} link targets of the primary and of the shard
   * directories beside or below it, or, outside Kubernetes, the files' modification times and sizes.
   */
  static String version(Path dir) {
    List<String> parts = new ArrayList<>();
    try {
      List<Path> dirs = new ArrayList<>(List.of(dir));
      try (var children = Files.list(dir)) {
        children.filter(p -> Files.isDirectory(p) && !p.getFileName().toString().startsWith(".."))
            .sorted().forEach(dirs::add);
      }
      for (Path d : dirs) {
        Path link = d.resolve("..data");
        if (Files.isSymbolicLink(link)) {
          parts.add(d.getFileName() + "=" + Files.readSymbolicLink(link));
        } else {
          for (String f : List.of(GrantsReader.DATA_KEY, GrantsReader.SIGNATURE_KEY)) {
            Path p = d.resolve(f);
            if (Files.exists(p)) {
              parts.add(p + "@" + Files.getLastModifiedTime(p).toMillis() + "/" + Files.size(p));
            }
          }
        }
      }
    } catch (IOException e) {
      return null; // unreadable now: read again next time
    }
    return String.join(",", parts);
  }

  private static void usage(String problem) {
    System.err.println(problem);
    System.err.println("usage: SampleConnector (--dir DIR | --api --namespace N --connector C)"
        + " (--keys KEYS.JSON | --keys-namespace NS | --no-verify) [--poll-ms MS]");
    System.exit(2);
  }

  /** How to tell a new version, and how to read it. */
  private static final class Poller {
    final Supplier<String> version;
    final Supplier<Snapshot> read;
    String lastVersion;

    Poller(Supplier<String> version, Supplier<Snapshot> read) {
      this.version = version;
      this.read = read;
    }
  }
}
