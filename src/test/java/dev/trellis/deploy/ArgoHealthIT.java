package dev.trellis.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trellis.api.v1alpha1.ApiKinds;
import dev.trellis.testsupport.Tools;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespaced;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Argo CD's health checks for every Trellis kind (config/argocd/), generated from the state column of
 * docs/reasons.md and run with Argo CD's Lua engine (gopher-lua, hack/tools/luahealth) on their test data.
 * {@code make argocd} rewrites the generated files ({@code -Dtrellis.argocd.update=true}); this test fails when they
 * are not what the table gives.
 */
class ArgoHealthIT {
  private static final Path ROOT = Path.of("config", "argocd");
  private static final Path CUSTOMIZATIONS = ROOT.resolve("resource_customizations").resolve("iam.trellis.dev");
  private static final Map<String, String> HEALTH = Map.of(
      "transient", "Progressing", "terminal", "Degraded", "inactive", "Suspended");
  private static final Pattern ROW =
      Pattern.compile("^\\| (.*?) \\| (.*?) \\| .* \\| (transient|terminal|inactive|—) \\|$");
  private static final Pattern NAME = Pattern.compile("`([A-Za-z]+)`");

  @Test
  void healthChecksAreGeneratedFromTheReasonsTable() throws IOException {
    Map<Path, String> generated = generate(states(Files.readString(Path.of("docs", "reasons.md"))));
    if (Boolean.getBoolean("trellis.argocd.update")) {
      if (Files.exists(ROOT)) {
        try (Stream<Path> old = Files.walk(ROOT)) {
          old.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
      }
      for (var file : generated.entrySet()) {
        Files.createDirectories(file.getKey().getParent());
        Files.writeString(file.getKey(), file.getValue());
      }
    }
    for (var file : generated.entrySet()) {
      assertThat(file.getKey()).as("run make argocd").exists();
      assertThat(Files.readString(file.getKey())).as("%s is not what docs/reasons.md gives: run make argocd",
          file.getKey()).isEqualTo(file.getValue());
    }
    try (Stream<Path> files = Files.walk(ROOT)) {
      assertThat(files.filter(Files::isRegularFile).toList()).as("files nothing generates")
          .containsExactlyInAnyOrderElementsOf(generated.keySet());
    }
  }

  @Test
  void argoCdsLuaEngineGivesEachStateItsHealth() throws Exception {
    String report = Tools.run(null, Tools.binary("lua-health"),
        ROOT.resolve("resource_customizations").toString());
    int expected = 0;
    for (var kind : ApiKinds.ALL) {
      expected += Files.readString(CUSTOMIZATIONS.resolve(kind.getSimpleName()).resolve("health_test.yaml"))
          .split("inputPath:").length - 1;
    }
    assertThat(report).contains(expected + " tests, 0 failed");
    // What users are promised, read back from the generated tests.
    assertThat(expectation("Partnership", "Paused")).isEqualTo("Suspended");
    assertThat(expectation("Member", "InvitationPending")).isEqualTo("Progressing");
    assertThat(expectation("RoleBinding", "RoleNotFound")).isEqualTo("Degraded");
    assertThat(expectation("RoleBinding", "outdated-generation")).isEqualTo("Progressing");
    assertThat(expectation("Connector", "GrantsNotWritten")).isEqualTo("Degraded");
    assertThat(expectation("Folder", "NoOrganization")).isEqualTo("Degraded");
  }

  @Test
  void everyReasonHasAStateInTheTable() throws Exception {
    String doc = Files.readString(Path.of("docs", "reasons.md"));
    List<String> rows = doc.lines().filter(l -> l.startsWith("| ") && !l.startsWith("| kind |")).toList();
    assertThat(rows).hasSizeGreaterThan(30);
    assertThat(rows).as("rows of docs/reasons.md without a state (transient, terminal, inactive; — for conditions"
        + " other than Ready)").allMatch(l -> ROW.matcher(l).matches());
    List<String> missing = new ArrayList<>();
    for (var field : dev.trellis.model.Reasons.class.getFields()) {
      if (field.getType() == String.class && java.lang.reflect.Modifier.isStatic(field.getModifiers())) {
        String reason = (String) field.get(null);
        if (!doc.contains("`" + reason + "`")) {
          missing.add(reason);
        }
      }
    }
    assertThat(missing).as("reasons the code uses that docs/reasons.md does not list (with a state)").isEmpty();
  }

  /** The status health_test.yaml expects for {@code kind}'s test data {@code name}. */
  private static String expectation(String kind, String name) throws IOException {
    String tests = Files.readString(CUSTOMIZATIONS.resolve(kind).resolve("health_test.yaml"));
    Matcher m = Pattern.compile("status: (\\w+)\\n(?:    message: .*\\n)?  inputPath: testdata/" + name + "\\.yaml")
        .matcher(tests);
    assertThat(m.find()).as("%s has a test for %s", kind, name).isTrue();
    return m.group(1);
  }

  /** The state of each reason, by kind, from the table of docs/reasons.md. */
  static Map<String, Map<String, String>> states(String reasonsDoc) {
    Map<String, Map<String, String>> states = new TreeMap<>();
    List<String> kinds = ApiKinds.ALL.stream().map(Class::getSimpleName).toList();
    for (String line : reasonsDoc.split("\n")) {
      Matcher row = ROW.matcher(line);
      if (!row.matches() || row.group(3).equals("—") || row.group(1).contains("(condition")) {
        continue;
      }
      List<String> rowKinds = switch (row.group(1)) {
        case "any namespaced kind" ->
          ApiKinds.ALL.stream().filter(Namespaced.class::isAssignableFrom).map(Class::getSimpleName).toList();
        case "every kind" -> kinds;
        default -> List.of(row.group(1).split(", "));
      };
      assertThat(kinds).as("kinds of %s", line).containsAll(rowKinds);
      Matcher names = NAME.matcher(row.group(2));
      while (names.find()) {
        for (String kind : rowKinds) {
          states.computeIfAbsent(kind, k -> new TreeMap<>()).put(names.group(1), row.group(3));
        }
      }
    }
    return states;
  }

  /** Every generated file: per kind health.lua, health_test.yaml and testdata/, and the argocd-cm snippet. */
  static Map<Path, String> generate(Map<String, Map<String, String>> states) {
    Map<Path, String> files = new LinkedHashMap<>();
    StringBuilder configMap = new StringBuilder("""
        # Argo CD health checks for Trellis' kinds, generated from docs/reasons.md (make argocd); docs/gitops.md.
        # Merge into argocd-cm (or the Helm chart's configs.cm of argo-cd); the same scripts are in
        # resource_customizations/ in Argo CD's own layout.
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: argocd-cm
          namespace: argocd
          labels: {app.kubernetes.io/name: argocd-cm, app.kubernetes.io/part-of: argocd}
        data:
        """);
    for (Class<? extends HasMetadata> type : ApiKinds.ALL) {
      String kind = type.getSimpleName();
      Map<String, String> reasons = states.getOrDefault(kind, Map.of());
      Path dir = CUSTOMIZATIONS.resolve(kind);
      String script = script(kind, reasons);
      files.put(dir.resolve("health.lua"), script);
      StringBuilder tests = new StringBuilder("tests:\n");
      test(files, tests, dir, "ready", "Healthy", "Ready: all good", object(kind, 1, 1, "True", "Ready", "all good"));
      test(files, tests, dir, "no-status", "Progressing", "Waiting for Trellis to reconcile", object(kind, 1, null,
          null, null, null));
      test(files, tests, dir, "outdated-generation", "Progressing", "Waiting for Trellis to reconcile generation 2",
          object(kind, 2, 1, "True", "Ready", "all good"));
      test(files, tests, dir, "ready-unknown", "Progressing", null, object(kind, 1, 1, "Unknown", "Reconciling", "…"));
      test(files, tests, dir, "unknown-reason", "Degraded", "SomethingNew: a reason this script does not know",
          object(kind, 1, 1, "False", "SomethingNew", "a reason this script does not know"));
      for (var reason : reasons.entrySet()) {
        test(files, tests, dir, reason.getKey(), HEALTH.get(reason.getValue()), null,
            object(kind, 1, 1, "False", reason.getKey(), "the message of " + reason.getKey()));
      }
      files.put(dir.resolve("health_test.yaml"), tests.toString());
      configMap.append("  resource.customizations.health.iam.trellis.dev_").append(kind).append(": |\n");
      script.lines().forEach(l -> configMap.append(l.isEmpty() ? "" : "    " + l).append('\n'));
    }
    files.put(ROOT.resolve("argocd-cm.yaml"), configMap.toString());
    return files;
  }

  private static void test(Map<Path, String> files, StringBuilder tests, Path dir, String name, String status,
      String message, String object) {
    tests.append("- healthStatus:\n    status: ").append(status).append('\n');
    if (message != null) {
      tests.append("    message: \"").append(message).append("\"\n");
    }
    tests.append("  inputPath: testdata/").append(name).append(".yaml\n");
    files.put(dir.resolve("testdata").resolve(name + ".yaml"), object);
  }

  private static String object(String kind, int generation, Integer observed, String ready, String reason,
      String message) {
    StringBuilder yaml = new StringBuilder("""
        apiVersion: iam.trellis.dev/v1alpha1
        kind: %s
        metadata:
          name: example
          generation: %d
        spec: {}
        """.formatted(kind, generation));
    if (observed != null) {
      yaml.append("status:\n  observedGeneration: ").append(observed).append('\n')
          .append("  conditions:\n  - type: Ready\n    status: \"").append(ready).append("\"\n")
          .append("    reason: ").append(reason).append('\n')
          .append("    message: \"").append(message).append("\"\n");
    }
    return yaml.toString();
  }

  private static String script(String kind, Map<String, String> reasons) {
    StringBuilder table = new StringBuilder();
    List<String> lines = new ArrayList<>();
    reasons.forEach((reason, state) -> lines.add("  " + reason + " = \"" + HEALTH.get(state) + "\", -- " + state));
    lines.forEach(l -> table.append(l).append('\n'));
    return """
        -- Argo CD health of a Trellis %1$s, from its Ready condition. Generated from the state column of
        -- docs/reasons.md (make argocd): transient is Progressing, terminal Degraded, inactive Suspended.
        local reasons = {
        %2$s}
        local hs = {}
        if obj.status == nil or obj.status.conditions == nil then
          hs.status = "Progressing"
          hs.message = "Waiting for Trellis to reconcile"
          return hs
        end
        if obj.metadata.generation ~= nil and obj.status.observedGeneration ~= nil
            and obj.status.observedGeneration < obj.metadata.generation then
          hs.status = "Progressing"
          hs.message = "Waiting for Trellis to reconcile generation " .. obj.metadata.generation
          return hs
        end
        for _, condition in ipairs(obj.status.conditions) do
          if condition.type == "Ready" then
            if condition.status == "True" then
              hs.status = "Healthy"
            elseif condition.status == "False" then
              hs.status = reasons[condition.reason] or "Degraded"
            else
              hs.status = "Progressing"
            end
            hs.message = (condition.reason or "") .. ": " .. (condition.message or "")
            return hs
          end
        end
        hs.status = "Progressing"
        hs.message = "Waiting for Trellis to report Ready"
        return hs
        """.formatted(kind, table);
  }
}
