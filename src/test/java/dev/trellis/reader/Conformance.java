package dev.trellis.reader;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The grants-document conformance suite of config/schema/conformance: loads its cases and runs them through any
 * reader, given as a {@link Reader}. Readers in other languages follow the README there; Java ones can reuse this.
 */
public final class Conformance {
  /** Where the cases live, from the project root. */
  public static final Path DIR = Path.of("config/schema/conformance");
  /** The cases' file names end so; other JSON there (the test keys) is not a case. */
  public static final String CASE_SUFFIX = ".case.json";

  private Conformance() {}

  /** A question and its expected answer. */
  public record Question(String subject, String permission, String resource, boolean allowed, String rule) {}

  /**
   * One case: the ConfigMaps (name to data), which one is the primary, the keys.json, the instant to judge at, and
   * either the reason assembly must fail with or the questions to ask the assembled view.
   */
  public record Case(String name, String description, String primary, Map<String, Map<String, String>> configMaps,
      String keysJson, Instant now, String error, List<Question> questions) {}

  /** A reader's answer: allowed or not, and its rule word. */
  public record Answer(boolean allowed, String rule) {}

  /** An assembled view that answers questions. */
  public interface View {
    Answer decide(String subject, String permission, String resource, Instant now);
  }

  /** A reader under test: assembles the case's ConfigMaps, or throws {@link Refused} with a reason word. */
  public interface Reader {
    View read(String primary, Map<String, Map<String, String>> configMaps, String keysJson, Instant now)
        throws Refused;
  }

  /** A reader refused the document; {@code reason} is one of GrantsException.Reason's names. */
  public static final class Refused extends Exception {
    private static final long serialVersionUID = 1L;
    private final String reason;

    public Refused(String reason, String message) {
      super(reason + ": " + message);
      this.reason = reason;
    }

    public String reason() {
      return reason;
    }
  }

  /** The reader kit, as a {@link Reader}. */
  public static Reader kit() {
    return (primary, configMaps, keysJson, now) -> {
      Map<String, Map<String, String>> shards = new LinkedHashMap<>(configMaps);
      Map<String, String> primaryData = shards.remove(primary);
      try {
        Snapshot s = GrantsReader.assemble(primaryData, shards, TrustedKeys.parse(keysJson), now);
        return (subject, permission, resource, at) -> {
          Decision d = s.decide(subject, permission, resource, at);
          return new Answer(d.allowed(), d.rule());
        };
      } catch (GrantsException e) {
        throw new Refused(e.reason().name(), e.getMessage());
      }
    };
  }

  /** Every case in {@code dir}, by file name. */
  public static List<Case> load(Path dir) throws IOException {
    List<Case> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.filter(p -> p.getFileName().toString().endsWith(CASE_SUFFIX)).sorted().toList()) {
        out.add(parse(Files.readString(f, StandardCharsets.UTF_8)));
      }
    }
    return out;
  }

  /** A case from its JSON. */
  public static Case parse(String json) {
    Map<String, Object> o = Fields.object(Json.parse(json), "case");
    String name = Fields.string(o, "name", "case");
    Map<String, Map<String, String>> configMaps = new LinkedHashMap<>();
    for (var cm : Fields.object(o.get("configMaps"), name + " configMaps").entrySet()) {
      Map<String, String> data = new LinkedHashMap<>();
      Fields.object(cm.getValue(), cm.getKey()).forEach((k, v) -> data.put(k, (String) v));
      configMaps.put(cm.getKey(), data);
    }
    List<Question> questions = new ArrayList<>();
    if (o.containsKey("questions")) {
      for (Object q : Fields.list(o, "questions", name)) {
        Map<String, Object> m = Fields.object(q, name + " question");
        questions.add(new Question(Fields.string(m, "subject", name), Fields.string(m, "permission", name),
            Fields.string(m, "resource", name), Boolean.TRUE.equals(m.get("allowed")), Fields.string(m, "rule", name)));
      }
    }
    return new Case(name, Fields.string(o, "description", name), Fields.string(o, "primary", name), configMaps,
        Fields.string(o, "keys", name), Instant.parse(Fields.string(o, "now", name)),
        Fields.optionalString(o, "error", name), questions);
  }

  /** Runs {@code c} through {@code reader}: every way it departs from the expected answers; empty when it conforms. */
  public static List<String> run(Case c, Reader reader) {
    List<String> problems = new ArrayList<>();
    View view;
    try {
      view = reader.read(c.primary(), c.configMaps(), c.keysJson(), c.now());
    } catch (Refused e) {
      if (!e.reason().equals(c.error())) {
        problems.add(c.name() + ": expected " + (c.error() == null ? "a view" : c.error()) + ", got " + e.getMessage());
      }
      return problems;
    }
    if (c.error() != null) {
      problems.add(c.name() + ": expected " + c.error() + ", but the reader accepted the document");
      return problems;
    }
    for (Question q : c.questions()) {
      Answer a = view.decide(q.subject(), q.permission(), q.resource(), c.now());
      if (a.allowed() != q.allowed() || !a.rule().equals(q.rule())) {
        problems.add(c.name() + ": allowed " + q.subject() + " " + q.permission() + " " + q.resource() + ": expected "
            + (q.allowed() ? "yes " : "no ") + q.rule() + ", got " + (a.allowed() ? "yes " : "no ") + a.rule());
      }
    }
    return problems;
  }
}
