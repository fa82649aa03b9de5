package dev.trellis.reader;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sample connector, run as its own process on target/classes alone, against a mounted, signed document. */
class SampleConnectorTest {
  @TempDir
  Path tmp;

  @Test
  void answersFromTheMountedDocumentAndFollowsItsUpdates() throws Exception {
    Path dir = tmp.resolve("grants");
    var first = GrantsReaderTest.signed(CanonicalTest.many(100), 3000);
    first.forEach((name, data) -> GrantsReaderTest.mount(name.equals("conn-eu-grants") ? dir : dir.resolve(name),
        data, "..v1"));
    Path keys = Files.writeString(tmp.resolve("keys.json"), GrantsReaderTest.KEYS_JSON);
    String java = ProcessHandle.current().info().command().orElse("java");
    Process p = new ProcessBuilder(java, "-cp", Path.of("target/classes").toAbsolutePath().toString(),
        SampleConnector.class.getName(), "--dir", dir.toString(), "--keys", keys.toString(), "--poll-ms", "100")
        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    Thread pump = new Thread(() -> new BufferedReader(new InputStreamReader(p.getInputStream(),
        StandardCharsets.UTF_8)).lines().forEach(lines::add));
    pump.setDaemon(true);
    pump.start();
    try (Writer in = new OutputStreamWriter(p.getOutputStream(), StandardCharsets.UTF_8)) {
      assertThat(next(lines)).matches("revision sha256:[0-9a-f]{64} entries 100 verified "
          + GrantsReaderTest.KEY_ID);

      ask(in, "allowed user99@mrpaints.com resources.view res-14");
      assertThat(next(lines)).startsWith("yes user-entry ");
      ask(in, "allowed user100@mrpaints.com resources.view res-14");
      assertThat(next(lines)).startsWith("no no-entry ");
      ask(in, "allowed user1@mrpaints.com resources.view nowhere");
      assertThat(next(lines)).startsWith("no unknown-resource ");

      // Trellis adds user100: the kubelet swaps the primary, then the shards.
      var second = GrantsReaderTest.signed(CanonicalTest.many(101), 3000);
      GrantsReaderTest.mount(dir, second.get("conn-eu-grants"), "..v2");
      assertThat(next(lines)).startsWith("error INCONSISTENT ").contains("keeping revision");
      second.forEach((name, data) -> {
        if (!name.equals("conn-eu-grants")) {
          GrantsReaderTest.mount(dir.resolve(name), data, "..v2");
        }
      });
      assertThat(next(lines)).matches("revision sha256:[0-9a-f]{64} entries 101 verified .*");
      ask(in, "allowed user100@mrpaints.com resources.view res-14");
      assertThat(next(lines)).startsWith("yes user-entry ");

      // A forged primary is refused, and the last good view kept.
      Map<String, String> forged = Map.of(GrantsReader.DATA_KEY, second.get("conn-eu-grants")
          .get(GrantsReader.DATA_KEY).replace("\"type\":\"FSx\"", "\"type\":\"FSX\""),
          GrantsReader.SIGNATURE_KEY, second.get("conn-eu-grants").get(GrantsReader.SIGNATURE_KEY));
      GrantsReaderTest.mount(dir, forged, "..v3");
      assertThat(next(lines)).startsWith("error BAD_SIGNATURE ");
      ask(in, "allowed user100@mrpaints.com resources.view res-14");
      assertThat(next(lines)).startsWith("yes user-entry ");
      ask(in, "what");
      assertThat(next(lines)).startsWith("error usage");
    }
    assertThat(p.waitFor(10, TimeUnit.SECONDS)).as("exits at the end of its input").isTrue();
    assertThat(p.exitValue()).isZero();
  }

  private static void ask(Writer in, String line) throws Exception {
    in.write(line + "\n");
    in.flush();
  }

  private static String next(BlockingQueue<String> lines) throws InterruptedException {
    String line = lines.poll(20, TimeUnit.SECONDS);
    assertThat(line).as("a line from the sample connector within 20 s").isNotNull();
    return line;
  }
}
