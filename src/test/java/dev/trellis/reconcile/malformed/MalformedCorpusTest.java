package dev.trellis.reconcile.malformed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trellis.api.v1alpha1.ApiKinds;
import dev.trellis.model.Reasons;
import dev.trellis.reconcile.malformed.CorpusCase.Refused;
import dev.trellis.reconcile.malformed.CorpusCase.Reported;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The malformed-input corpus is well formed itself, without a server: headers, kinds, reasons and names. */
class MalformedCorpusTest {
  private static final Map<String, String> VALUES = Map.of("healthy.orgId", "h", "healthy.namespace", "org-h",
      "victim.orgId", "v", "victim.namespace", "org-v", "customer.orgId", "c", "customer.namespace", "org-c");

  @Test
  void everyKindHasADirectoryWithABaseForTheFuzzer() {
    for (var kind : ApiKinds.ALL) {
      assertThat(CorpusCase.ROOT.resolve(kind.getSimpleName()).resolve("base.yaml")).as(kind.getSimpleName())
          .satisfies(f -> assertThat(Files.isRegularFile(f)).isTrue());
      CorpusCase base = CorpusCase.of(kind.getSimpleName() + "/base");
      assertThat(base.refused()).as("%s: a base is accepted", base.id()).isFalse();
      assertThat(base.gap()).as("%s: a base records no gap", base.id()).isNull();
    }
  }

  @Test
  void everyCaseIsOfItsDirectorysKindAndExpectsWhatTrellisCanSay() {
    Set<String> reasons = Arrays.stream(Reasons.class.getFields())
        .filter(f -> Modifier.isStatic(f.getModifiers()) && f.getType() == String.class).map(f -> {
          try {
            return (String) f.get(null);
          } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
          }
        }).collect(Collectors.toSet());
    List<CorpusCase> cases = CorpusCase.all();
    assertThat(cases).hasSizeGreaterThan(150);
    for (CorpusCase c : cases) {
      assertThat(c.description()).as("%s: what it is", c.id()).isNotBlank();
      List<String> kinds = c.documents().stream()
          .map(d -> Manifests.parse(CorpusCase.render(d.yaml(), VALUES)).path("kind").asText()).toList();
      kinds.forEach(Manifests::type); // Trellis kinds only
      assertThat(kinds).as("%s: kinds of its documents", c.id()).contains(c.kind());
      assertThat(c.expectations().stream().filter(Refused.class::isInstance).count())
          .as("%s: one refusal at most", c.id()).isLessThanOrEqualTo(1);
      for (var expected : c.expectations()) {
        if (expected instanceof Reported reported) {
          assertThat(reasons).as("%s: reason %s is one of Reasons", c.id(), reported.reason())
              .contains(reported.reason());
          if (reported.kind() != null) {
            Manifests.type(reported.kind());
          }
        }
      }
    }
  }

  /** Cases share the victim's namespace (and the cluster): an object name belongs to one file. */
  @Test
  void noTwoCasesNameTheSameObject() {
    Map<String, String> owners = new HashMap<>();
    for (CorpusCase c : CorpusCase.all()) {
      Set<String> own = new HashSet<>();
      for (CorpusCase.Document d : c.documents()) {
        var object = Manifests.parse(CorpusCase.render(d.yaml(), VALUES));
        String key = object.path("kind").asText() + "/" + object.path("metadata").path("name").asText();
        own.add(key);
      }
      for (String key : own) {
        String owner = owners.putIfAbsent(key, c.id());
        assertThat(owner).as("%s is named by %s and %s", key, owner, c.id()).isNull();
      }
    }
  }

  @Test
  void headersAreReadAsWritten() {
    CorpusCase c = CorpusCase.parse("Folder/example", """
        # A folder written by someone.
        # gap: first line,
        # gap: second line.
        # expect: refused some message: with "quotes"
        # expect: Folder/b Ready=False CycleDetected
        # as: someone@example.com
        kind: Folder
        metadata: {name: a}
        ---
        # A comment of the second document.
        kind: Folder
        metadata: {name: "{{repeat 3 ab}}", labels: {l: "{{names 2 x}}"}}
        """);
    assertThat(c.description()).isEqualTo("A folder written by someone.");
    assertThat(c.gap()).isEqualTo("first line, second line.");
    assertThat(c.expectations()).containsExactly(new Refused("some message: with \"quotes\""),
        new Reported("Folder", "b", "Ready", "False", "CycleDetected"));
    assertThat(c.documents()).extracting(CorpusCase.Document::as).containsExactly("someone@example.com", null);
    assertThat(CorpusCase.render(c.documents().get(1).yaml(), Map.of()))
        .contains("name: \"ababab\"").contains("l: \"[x-0, x-1]\"");
    assertThatThrownBy(() -> CorpusCase.parse("Folder/x", "kind: Folder\n"))
        .hasMessageContaining("no '# expect:' line");
    assertThat(CorpusCase.render("[{{names 3 {{repeat 2 x}}}}]", Map.of())).isEqualTo("[[xx-0, xx-1, xx-2]]");
    assertThatThrownBy(() -> CorpusCase.render("{{nothing}}", Map.of())).hasMessageContaining("{{nothing}}");
  }

  @Test
  void theFuzzerGivesTheSameMutantsForTheSameSeed() {
    List<Fuzzer.Base> bases = CorpusCase.all().stream().filter(c -> c.id().endsWith("/base")).map(c -> {
      var last = c.documents().get(c.documents().size() - 1);
      return new Fuzzer.Base(c.kind(), Manifests.parse(CorpusCase.render(last.yaml(), VALUES)), last.as());
    }).toList();
    List<String> references = List.of("a", "b", "c");
    List<String> once = new Fuzzer(17, references).mutants(bases, 200).stream()
        .map(m -> m + " " + m.object()).toList();
    List<String> again = new Fuzzer(17, references).mutants(bases, 200).stream()
        .map(m -> m + " " + m.object()).toList();
    assertThat(again).isEqualTo(once);
    assertThat(new Fuzzer(18, references).mutants(bases, 200).stream().map(m -> m + " " + m.object()).toList())
        .isNotEqualTo(once);
    assertThat(once).hasSize(200);
  }
}
