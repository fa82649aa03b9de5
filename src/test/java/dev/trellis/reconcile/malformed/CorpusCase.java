package dev.trellis.reconcile.malformed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One file of the malformed-input corpus, {@code src/test/resources/malformed/<Kind>/<case>.yaml}: what it is, its
 * documents and who applies each, and what must happen. The header grammar is in the corpus' README.md.
 *
 * @param id {@code <Kind>/<file name without .yaml>}
 * @param description the header's free text
 * @param gap what is wrong with today's outcome, for a case that records a known gap; null otherwise
 */
public record CorpusCase(String id, String description, String gap, List<Expectation> expectations,
    List<Document> documents) {

  public static final Path ROOT = Path.of("src", "test", "resources", "malformed");

  /** One YAML document, before its placeholders are filled in, and who applies it (null: the administrator). */
  public record Document(String yaml, String as) {}

  /** What must happen to a case. */
  public sealed interface Expectation permits Refused, Reported {}

  /** The API server refuses the last document, with a message that contains {@code message}. */
  public record Refused(String message) implements Expectation {}

  /**
   * The object {@code kind/name} (null: the file's last document) is accepted and gets the condition {@code type}
   * with {@code status} and {@code reason}, for its current generation.
   */
  public record Reported(String kind, String name, String type, String status, String reason)
      implements Expectation {}

  private static final Pattern EXPECT_REFUSED = Pattern.compile("refused\\s+(.+)");
  private static final Pattern EXPECT_CONDITION =
      Pattern.compile("(?:([A-Z][A-Za-z]+)/(\\S+)\\s+)?([A-Z][A-Za-z]*)=(True|False|Unknown)\\s+([A-Z][A-Za-z]*)");
  /** Who writes a document: a {@code # as: <user>} line among its comments (the header's, for the first). */
  private static final Pattern AS = Pattern.compile("(?m)^#\\s*as:\\s*(\\S+)\\s*$");
  /** A placeholder with no other inside it: nested ones are filled in from the inside out. */
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([^{}]+?)\\s*}}");

  /** Every case of the corpus, in file order. */
  public static List<CorpusCase> all() {
    try (Stream<Path> files = Files.walk(ROOT)) {
      return files.filter(f -> f.toString().endsWith(".yaml")).sorted().map(CorpusCase::read).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The case with this id. */
  public static CorpusCase of(String id) {
    return read(ROOT.resolve(id + ".yaml"));
  }

  static CorpusCase read(Path file) {
    try {
      String id = ROOT.relativize(file).toString().replaceAll("\\.yaml$", "");
      return parse(id, Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static CorpusCase parse(String id, String text) {
    List<String> description = new ArrayList<>();
    List<Expectation> expectations = new ArrayList<>();
    String gap = null;
    String[] chunks = text.split("(?m)^---[ \\t]*$");
    // The header: the comment lines that open the file.
    for (String line : chunks[0].split("\n")) {
      if (!line.startsWith("#")) {
        break;
      }
      String comment = line.substring(1).strip();
      if (comment.startsWith("expect:")) {
        expectations.add(expectation(id, comment.substring("expect:".length()).strip()));
      } else if (comment.startsWith("gap:")) {
        String more = comment.substring("gap:".length()).strip();
        gap = gap == null ? more : gap + " " + more;
      } else if (comment.startsWith("as:")) {
        continue; // read with its document below
      } else if (!comment.isEmpty()) {
        description.add(comment);
      }
    }
    List<Document> documents = new ArrayList<>();
    for (int i = 0; i < chunks.length; i++) {
      String chunk = chunks[i];
      if (chunk.lines().allMatch(l -> l.isBlank() || l.startsWith("#"))) {
        continue;
      }
      Matcher as = AS.matcher(chunk);
      documents.add(new Document(chunk, as.find() ? as.group(1) : null));
    }
    if (expectations.isEmpty()) {
      throw new IllegalArgumentException(id + ": no '# expect:' line in the header");
    }
    if (documents.isEmpty()) {
      throw new IllegalArgumentException(id + ": no document");
    }
    return new CorpusCase(id, String.join(" ", description), gap, List.copyOf(expectations), List.copyOf(documents));
  }

  private static Expectation expectation(String id, String text) {
    Matcher refused = EXPECT_REFUSED.matcher(text);
    if (refused.matches()) {
      return new Refused(refused.group(1));
    }
    Matcher condition = EXPECT_CONDITION.matcher(text);
    if (condition.matches()) {
      return new Reported(condition.group(1), condition.group(2), condition.group(3), condition.group(4),
          condition.group(5));
    }
    throw new IllegalArgumentException(id + ": cannot read '# expect: " + text + "'");
  }

  /** The kind directory the case lives in. */
  public String kind() {
    return id.substring(0, id.indexOf('/'));
  }

  /** Whether the API server must refuse the last document. */
  public boolean refused() {
    return expectations.stream().anyMatch(Refused.class::isInstance);
  }

  /** A short name for test reports. */
  public String displayName() {
    return id + (gap == null ? "" : " [known gap]");
  }

  /**
   * Fills in a document's placeholders: {@code {{name}}} from {@code values} (the fixture's orgIds and namespaces),
   * {@code {{repeat N text}}} as text N times, {@code {{names N prefix}}} as the flow list [prefix-0, …]. They
   * nest: {@code {{names 3 {{repeat 2 x}}}}} is [xx-0, xx-1, xx-2].
   */
  public static String render(String yaml, Map<String, String> values) {
    String rendered = yaml;
    for (String previous = null; !rendered.equals(previous);) {
      previous = rendered;
      rendered = renderOnce(rendered, values);
    }
    return rendered;
  }

  private static String renderOnce(String yaml, Map<String, String> values) {
    Matcher m = PLACEHOLDER.matcher(yaml);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String[] words = m.group(1).split("\\s+", 3);
      String replacement = switch (words[0]) {
        case "repeat" -> words[2].repeat(Integer.parseInt(words[1]));
        case "names" -> {
          List<String> names = new ArrayList<>();
          for (int i = 0; i < Integer.parseInt(words[1]); i++) {
            names.add(words[2] + "-" + i);
          }
          yield "[" + String.join(", ", names) + "]";
        }
        default -> {
          String value = values.get(words[0]);
          if (value == null) {
            throw new IllegalArgumentException("unknown placeholder {{" + m.group(1) + "}}");
          }
          yield value;
        }
      };
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    return out.toString();
  }
}
