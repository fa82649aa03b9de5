package dev.trellis.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The model's packages depend on each other in one direction only: no two of them (directly or through others)
 * refer to each other, so that each can be read, tested and moved with the ones below it and nothing above.
 */
class ModelPackagesTest {
  static final Path SOURCES = Path.of("src/main/java/dev/trellis/model");
  private static final String MODEL = "dev.trellis.model";
  private static final Pattern PACKAGE = Pattern.compile("(?m)^\\s*package\\s+([\\w.]+)\\s*;");
  /** An import or a qualified name in the code: dev.trellis.model.members.Invitations, ….members.*. */
  private static final Pattern REFERENCE = Pattern.compile("(?<![\\w.])dev\\.trellis\\.model((?:\\.\\w+)*)(?:\\.\\*)?");
  private static final Pattern COMMENT_OR_STRING = Pattern.compile(
      "//[^\\n]*|/\\*.*?\\*/|\"(?:\\\\.|[^\"\\\\])*\"|'(?:\\\\.|[^'\\\\])*'", Pattern.DOTALL);

  @Test
  void noTwoModelPackagesDependOnEachOther() throws Exception {
    Map<String, String> sources = new TreeMap<>();
    try (Stream<Path> s = Files.walk(SOURCES)) {
      for (Path f : s.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
        sources.put(SOURCES.relativize(f).toString(), Files.readString(f));
      }
    }
    assertThat(sources).hasSizeGreaterThanOrEqualTo(50);
    Map<String, Map<String, Set<String>>> graph = graph(sources);
    assertThat(graph.keySet()).as("the packages the scan found").contains("members", "validation", "grants");

    assertThat(cycles(graph)).as("dependency cycles between packages of " + MODEL).isEmpty();
  }

  @Test
  void theScanFindsACycleAndOnlyRealReferences() {
    Map<String, String> sources = new TreeMap<>();
    sources.put("a/A.java", "package dev.trellis.model.a;\nimport dev.trellis.model.b.B;\nclass A {}");
    sources.put("b/B.java", "package dev.trellis.model.b;\nclass B { Object c = new dev.trellis.model.c.C(); }");
    sources.put("c/C.java", "package dev.trellis.model.c;\nimport static dev.trellis.model.a.A.NAME;\nclass C {}");
    sources.put("d/D.java", "package dev.trellis.model.d;\nimport dev.trellis.model.Reasons;\n"
        + "/** Unlike {@link dev.trellis.model.e.E}. */ class D { String s = \"dev.trellis.model.e.E\"; }");
    sources.put("e/E.java", "package dev.trellis.model.e;\nimport dev.trellis.model.d.*;\nclass E {}");
    Map<String, Map<String, Set<String>>> graph = graph(sources);

    assertThat(graph.get("b")).containsOnlyKeys("c");
    assertThat(graph.get("d")).containsOnlyKeys("(model)");
    assertThat(cycles(graph)).containsExactly(
        "a -> b (a/A.java)", "b -> c (b/B.java)", "c -> a (c/C.java)");
  }

  /**
   * Package (relative to dev.trellis.model, "(model)" for itself) → the model packages it refers to → the files
   * that do. References in comments and strings do not count.
   */
  static Map<String, Map<String, Set<String>>> graph(Map<String, String> sources) {
    Map<String, Map<String, Set<String>>> graph = new TreeMap<>();
    sources.forEach((file, code) -> {
      Matcher pkg = PACKAGE.matcher(code);
      assertThat(pkg.find()).as(file + " has a package").isTrue();
      String from = relative(pkg.group(1));
      Map<String, Set<String>> edges = graph.computeIfAbsent(from, k -> new TreeMap<>());
      Matcher ref = REFERENCE.matcher(COMMENT_OR_STRING.matcher(code.substring(pkg.end())).replaceAll(" "));
      while (ref.find()) {
        String to = relative(MODEL + packageOf(ref.group(1)));
        if (!to.equals(from)) {
          edges.computeIfAbsent(to, k -> new TreeSet<>()).add(file);
        }
      }
    });
    return graph;
  }

  /** The package part of ".members.Invitations.problem": the names before the first capitalized one. */
  private static String packageOf(String qualified) {
    StringBuilder pkg = new StringBuilder();
    for (String part : qualified.split("\\.")) {
      if (part.isEmpty()) {
        continue;
      }
      if (Character.isUpperCase(part.charAt(0))) {
        break;
      }
      pkg.append('.').append(part);
    }
    return pkg.toString();
  }

  private static String relative(String pkg) {
    return pkg.equals(MODEL) ? "(model)" : pkg.substring(MODEL.length() + 1);
  }

  /**
   * Every edge that lies on a cycle, as "from -> to (files)": the edges between packages that can reach each
   * other.
   */
  static List<String> cycles(Map<String, Map<String, Set<String>>> graph) {
    Map<String, Set<String>> reach = new LinkedHashMap<>();
    graph.keySet().forEach(p -> reach.put(p, reachable(graph, p)));
    List<String> edges = new ArrayList<>();
    graph.forEach((from, tos) -> tos.forEach((to, files) -> {
      if (reach.getOrDefault(to, Set.of()).contains(from)) {
        edges.add(from + " -> " + to + " (" + String.join(", ", files) + ")");
      }
    }));
    return edges;
  }

  private static Set<String> reachable(Map<String, Map<String, Set<String>>> graph, String start) {
    Set<String> seen = new TreeSet<>();
    List<String> todo = new ArrayList<>(List.of(start));
    while (!todo.isEmpty()) {
      for (String next : graph.getOrDefault(todo.remove(todo.size() - 1), Map.of()).keySet()) {
        if (seen.add(next)) {
          todo.add(next);
        }
      }
    }
    return seen;
  }
}
