package dev.trellis.reconcile.malformed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trellis.api.v1alpha1.Condition;
import dev.trellis.api.v1alpha1.TrellisStatus;
import dev.trellis.reconcile.malformed.CorpusCase.Refused;
import dev.trellis.reconcile.malformed.CorpusCase.Reported;
import dev.trellis.reconcile.malformed.Manifests.Outcome;
import dev.trellis.reconcile.malformed.Manifests.Ref;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Plays corpus cases against the API server and the running operator: writes each document as its user would, then
 * checks the refusal or waits, bounded, for the condition the case expects.
 *
 * @param admin the platform administrator's client
 * @param users an impersonating client per user name, for documents with {@code # as:}
 * @param values the placeholders' values (orgIds, namespaces)
 * @param namespace where namespaced objects go when they name no namespace: the victim organization's
 * @param created where every object the API server accepted is recorded, for the clean-up
 */
record CorpusRunner(KubernetesClient admin, Function<String, KubernetesClient> users, Map<String, String> values,
    String namespace, Duration patience, List<Ref> created) {

  /** Plays {@code c}. */
  void run(CorpusCase c) {
    Set<Ref> written = new LinkedHashSet<>();
    Ref last = null;
    List<CorpusCase.Document> documents = c.documents();
    for (int i = 0; i < documents.size(); i++) {
      CorpusCase.Document document = documents.get(i);
      ObjectNode object = Manifests.parse(CorpusCase.render(document.yaml(), values));
      Ref ref = Manifests.ref(object, namespace);
      KubernetesClient client = document.as() == null ? admin : users.apply(document.as());
      Outcome outcome = Manifests.write(client, object, namespace, written.contains(ref));
      String who = document.as() == null ? "the administrator" : document.as();
      if (i == documents.size() - 1 && c.refused()) {
        assertThat(outcome.accepted()).as("%s: %s written by %s was accepted; the case expects a refusal", c.id(),
            ref, who).isFalse();
        assertThat(outcome.code()).as("%s: HTTP code of the refusal (%s)", c.id(), outcome.message())
            .isBetween(400, 499);
        for (var expected : c.expectations()) {
          if (expected instanceof Refused refused) {
            assertThat(outcome.message()).as("%s: the API server's message", c.id()).contains(refused.message());
          }
        }
      } else {
        assertThat(outcome.accepted()).as("%s: document %d (%s, by %s) was refused: %d %s", c.id(), i + 1, ref, who,
            outcome.code(), outcome.message()).isTrue();
        if (written.add(ref)) {
          created.add(ref);
        }
      }
      last = ref;
    }
    for (var expected : c.expectations()) {
      if (expected instanceof Reported reported) {
        Ref target = reported.kind() == null ? last : ref(reported.kind(), reported.name());
        awaitCondition(c.id(), target, reported);
      }
    }
  }

  /**
   * Writes a mutant: refused, the answer is a 4xx with a message; accepted, the object gets a Ready condition for
   * its generation within the bounded wait.
   */
  void fuzz(Fuzzer.Mutant mutant) {
    Ref ref = Manifests.ref(mutant.object(), namespace);
    KubernetesClient client = mutant.as() == null ? admin : users.apply(mutant.as());
    Outcome outcome = Manifests.write(client, mutant.object(), namespace, false);
    if (!outcome.accepted()) {
      assertThat(outcome.code()).as("%s: HTTP code of the refusal (%s)", mutant, outcome.message()).isBetween(400, 499);
      assertThat(outcome.message()).as("%s: the refusal's message", mutant).isNotBlank();
      return;
    }
    created.add(ref);
    await(mutant + ": a Ready condition").atMost(patience).untilAsserted(() -> {
      CustomResource<?, ?> object = get(admin, ref);
      assertThat(object).as("%s", mutant).isNotNull();
      Condition ready = condition(object, "Ready");
      assertThat(ready).as("%s: Ready (status %s)", mutant,
          io.fabric8.kubernetes.client.utils.Serialization.asJson(object.getStatus())).isNotNull();
      assertThat(ready.getObservedGeneration()).as("%s: generation of Ready", mutant)
          .isIn(null, object.getMetadata().getGeneration());
      assertThat(ready.getMessage()).as("%s: message of Ready", mutant).isNotBlank();
    });
  }

  private Ref ref(String kind, String name) {
    return new Ref(kind, Namespaced.class.isAssignableFrom(Manifests.type(kind)) ? namespace : null, name);
  }

  private void awaitCondition(String id, Ref target, Reported expected) {
    await(id + ": " + target + " " + expected.type() + "=" + expected.status() + " " + expected.reason())
        .atMost(patience).untilAsserted(() -> {
          CustomResource<?, ?> object = get(admin, target);
          assertThat(object).as("%s: %s", id, target).isNotNull();
          Condition condition = condition(object, expected.type());
          assertThat(condition).as("%s: condition %s of %s (status %s)", id, expected.type(), target,
              io.fabric8.kubernetes.client.utils.Serialization.asJson(object.getStatus())).isNotNull();
          assertThat(condition.getObservedGeneration()).as("%s: generation of %s", id, target)
              .isIn(null, object.getMetadata().getGeneration());
          assertThat(condition.getStatus() + " " + condition.getReason()).as("%s: %s of %s: %s", id, expected.type(),
              target, condition.getMessage()).isEqualTo(expected.status() + " " + expected.reason());
          assertThat(condition.getMessage()).as("%s: message of %s", id, target).isNotBlank();
        });
  }

  /** The object, read with its Trellis class; null when it does not exist. */
  static CustomResource<?, ?> get(KubernetesClient client, Ref ref) {
    var resources = client.resources(Manifests.type(ref.kind()));
    return ref.namespace() == null ? resources.withName(ref.name()).get()
        : resources.inNamespace(ref.namespace()).withName(ref.name()).get();
  }

  /** The condition {@code type} of a Trellis object; null when it has no status or no such condition. */
  static Condition condition(CustomResource<?, ?> object, String type) {
    return object.getStatus() instanceof TrellisStatus status ? status.condition(type).orElse(null) : null;
  }
}
