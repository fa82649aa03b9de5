package dev.trellis.reconcile.partnership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.trellis.api.v1alpha1.Organization;
import dev.trellis.api.v1alpha1.Partnership;
import dev.trellis.api.v1alpha1.PartnershipPhase;
import dev.trellis.api.v1alpha1.PartnershipStatus;
import dev.trellis.reconcile.tenancy.TenancyFixture;
import dev.trellis.testsupport.ControlPlane;
import dev.trellis.testsupport.DumpOnFailure;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Other writers on the objects the operator writes the status of: a GitOps tool re-applying the customer's manifests
 * over and over (server-side apply, its own field manager, forcing conflicts, as Argo CD's self-heal does), and a
 * person editing the Partnership with a whole-object update that carries a stale status (what {@code kubectl edit}
 * or {@code kubectl replace} send). Meanwhile the GitOps tool pauses and resumes the partnership three times. No
 * status update, history entry, user edit or grant may be lost.
 */
@QuarkusTest
@ExtendWith(DumpOnFailure.class)
class ConflictingWritersIT {
  private static final int CYCLES = 3;

  KubernetesClient client = ControlPlane.get().admin();
  TenancyFixture given = new TenancyFixture(client);

  @Test
  void aGitOpsToolAndAPersonWritingBesideTheOperatorLoseNoStatusNoHistoryAndNoGrant() throws Exception {
    String customer = given.organization("conflictco");
    String partner = given.organization("conflictmsp");
    String customerId = orgId("conflictco");
    String partnerId = orgId("conflictmsp");
    given.apply(partner, """
        apiVersion: iam.trellis.dev/v1alpha1
        kind: Member
        metadata: {name: kim}
        spec: {type: User, email: kim@conflictmsp.example}
        ---
        apiVersion: iam.trellis.dev/v1alpha1
        kind: PartnershipAcceptance
        metadata: {name: conflictco}
        spec: {customerOrgId: %s, partnership: msp, members: [kim]}
        """.formatted(customerId));
    AtomicBoolean paused = new AtomicBoolean(false);
    String manifests = """
        apiVersion: iam.trellis.dev/v1alpha1
        kind: Project
        metadata: {name: p}
        spec: {}
        ---
        apiVersion: iam.trellis.dev/v1alpha1
        kind: Connector
        metadata: {name: c}
        spec: {projects: [p]}
        ---
        apiVersion: iam.trellis.dev/v1alpha1
        kind: ManagedResource
        metadata: {name: r}
        spec: {type: Server, connector: c, projects: [p]}
        ---
        apiVersion: iam.trellis.dev/v1alpha1
        kind: RoleBinding
        metadata: {name: kim-analyst}
        spec:
          role: operation-support-analyst
          subject: {kind: PartnerMember, partnership: msp, name: kim}
          scope: {kind: Project, name: p}
        ---
        apiVersion: iam.trellis.dev/v1alpha1
        kind: Partnership
        metadata: {name: msp}
        spec: {partnerOrgId: %s, paused: %s}
        """;
    gitOpsApply(customer, manifests.formatted(partnerId, false));
    given.awaitReady(Partnership.class, customer, "msp", true, "Ready");
    PartnershipStatus stale = client.resources(Partnership.class).inNamespace(customer).withName("msp").get()
        .getStatus();

    AtomicBoolean stop = new AtomicBoolean();
    AtomicInteger applies = new AtomicInteger();
    AtomicInteger edits = new AtomicInteger();
    AtomicInteger editConflicts = new AtomicInteger();
    AtomicReference<String> lastNote = new AtomicReference<>();
    ExecutorService writers = Executors.newFixedThreadPool(2);
    List<Future<?>> running = new ArrayList<>();
    // The GitOps tool: the whole desired state, again and again.
    running.add(writers.submit(() -> {
      while (!stop.get()) {
        gitOpsApply(customer, manifests.formatted(partnerId, paused.get()));
        applies.incrementAndGet();
        pace();
      }
      return null;
    }));
    // A person: read, change an annotation, write the whole object back with the status it read long ago.
    running.add(writers.submit(() -> {
      while (!stop.get()) {
        Partnership p = client.resources(Partnership.class).inNamespace(customer).withName("msp").get();
        String note = "edit-" + edits.get();
        p.getMetadata().setAnnotations(new java.util.HashMap<>(java.util.Map.of("example.com/note", note)));
        p.setStatus(stale);
        try {
          client.resources(Partnership.class).inNamespace(customer).resource(p).update();
          lastNote.set(note);
          edits.incrementAndGet();
        } catch (KubernetesClientException e) {
          if (e.getCode() != 409) {
            throw e;
          }
          editConflicts.incrementAndGet(); // someone wrote in between: read again, as kubectl edit asks you to
        }
        pace();
      }
      return null;
    }));

    try {
      for (int i = 0; i < CYCLES; i++) {
        paused.set(true);
        given.awaitReady(Partnership.class, customer, "msp", false, "Paused");
        await().atMost(TenancyFixture.WAIT)
            .untilAsserted(() -> assertThat(TenancyFixture.subjectsOn(given.document(customer, "c"), "r")).isEmpty());
        paused.set(false);
        given.awaitReady(Partnership.class, customer, "msp", true, "Ready");
        await().atMost(TenancyFixture.WAIT)
            .untilAsserted(() -> assertThat(TenancyFixture.subjectsOn(given.document(customer, "c"), "r"))
                .containsExactly("kim@conflictmsp.example"));
      }
    } finally {
      stop.set(true);
      for (Future<?> f : running) {
        f.get(); // a writer's unexpected error fails the test
      }
      writers.shutdownNow();
    }

    System.err.printf(
        "[conflicts] %d GitOps applies, %d whole-object edits with a stale status, %d edits refused 409%n",
        applies.get(), edits.get(), editConflicts.get());
    assertThat(applies.get()).as("GitOps re-applies during the cycles").isGreaterThan(CYCLES * 2);
    assertThat(edits.get()).as("whole-object edits that went through").isGreaterThan(CYCLES);
    Partnership last = client.resources(Partnership.class).inNamespace(customer).withName("msp").get();
    // Accepted before it was created, the partnership was Established from its first reconcile.
    assertThat(stale.getHistory()).extracting(h -> h.getPhase()).containsExactly(PartnershipPhase.Established);
    List<PartnershipPhase> expected = new ArrayList<>(List.of(PartnershipPhase.Established));
    for (int i = 0; i < CYCLES; i++) {
      expected.addAll(List.of(PartnershipPhase.Paused, PartnershipPhase.Established));
    }
    assertThat(last.getStatus().getHistory()).extracting(h -> h.getPhase())
        .as("every transition in the history, once, in order").containsExactlyElementsOf(expected);
    assertThat(last.getStatus().getPhase()).isEqualTo(PartnershipPhase.Established);
    assertThat(last.getStatus().getMembers()).containsExactly("kim");
    assertThat(last.getMetadata().getAnnotations()).as("the person's last edit is kept")
        .containsEntry("example.com/note", lastNote.get());
    assertThat(TenancyFixture.subjectsOn(given.document(customer, "c"), "r"))
        .containsExactly("kim@conflictmsp.example");
  }

  private void gitOpsApply(String namespace, String yaml) {
    client.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8))).inNamespace(namespace)
        .fieldManager("argocd-controller").forceConflicts().serverSideApply();
  }

  /** Pacing of the background writers (not synchronization: nothing waits on it). */
  private static void pace() throws InterruptedException {
    Thread.sleep(25);
  }

  private String orgId(String org) {
    return client.resources(Organization.class).withName(org).get().getStatus().getOrgId();
  }
}
