package dev.trellis.reader;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The reader kit is JDK only, so that a connector can take the jar (or the sources) without anything else. */
class ReaderDependencyTest {
  static final Path SOURCES = Path.of("src/main/java/dev/trellis/reader");
  private static final Pattern IMPORT = Pattern.compile("(?m)^\\s*import\\s+(?:static\\s+)?([\\w.]+)");
  /** A qualified name rooted in a package outside the JDK: com.…, org.…, io.…, dev.… and the like. */
  private static final Pattern QUALIFIED = Pattern.compile(
      "(?<![\\w.])((?:com|org|io|net|dev|jakarta|sun|jdk|lombok|picocli|okhttp3|kotlin|scala)\\.[a-z][\\w.]*)");
  private static final Pattern COMMENT_OR_STRING = Pattern.compile(
      "//[^\\n]*|/\\*.*?\\*/|\"(?:\\\\.|[^\"\\\\])*\"|'(?:\\\\.|[^'\\\\])*'", Pattern.DOTALL);

  @Test
  void theKitUsesNothingButTheJdkAndItself() throws Exception {
    List<String> offences = new ArrayList<>();
    List<Path> files;
    try (Stream<Path> s = Files.list(SOURCES)) {
      files = s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    }
    assertThat(files).hasSizeGreaterThanOrEqualTo(10);
    for (Path f : files) {
      String code = Files.readString(f);
      assertThat(code).as(f + " package").contains("package dev.trellis.reader;");
      Matcher imports = IMPORT.matcher(code);
      while (imports.find()) {
        if (!allowed(imports.group(1))) {
          offences.add(f.getFileName() + " imports " + imports.group(1));
        }
      }
      Matcher qualified = QUALIFIED.matcher(COMMENT_OR_STRING.matcher(code).replaceAll(" "));
      while (qualified.find()) {
        if (!allowed(qualified.group(1))) {
          offences.add(f.getFileName() + " refers to " + qualified.group(1));
        }
      }
    }
    assertThat(offences).as("the reader kit must depend on the JDK only").isEmpty();
  }

  @Test
  void theScanCatchesWhatItMustCatch() {
    String code = "import com.fasterxml.jackson.databind.ObjectMapper;\nclass X { Object o = new"
        + " dev.trellis.projection.Revision(); String s = \"dev.trellis.model.X\"; }";
    assertThat(IMPORT.matcher(code).results().map(m -> m.group(1)).filter(n -> !allowed(n)))
        .containsExactly("com.fasterxml.jackson.databind.ObjectMapper");
    assertThat(QUALIFIED.matcher(COMMENT_OR_STRING.matcher(code).replaceAll(" ")).results()
        .map(m -> m.group(1)).filter(n -> !allowed(n)))
        .containsExactly("com.fasterxml.jackson.databind.ObjectMapper", "dev.trellis.projection.Revision");
  }

  private static boolean allowed(String name) {
    return name.startsWith("java.") || name.startsWith("javax.") || name.startsWith("dev.trellis.reader.")
        || name.equals("dev.trellis.reader");
  }
}
