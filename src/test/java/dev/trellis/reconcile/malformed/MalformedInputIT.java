package dev.trellis.reconcile.malformed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.trellis.api.v1alpha1.Folder;
import dev.trellis.api.v1alpha1.Organization;
import dev.trellis.model.Reasons;
import dev.trellis.reconcile.malformed.Manifests.Ref;
import dev.trellis.reconcile.tenancy.TenancyFixture;
import dev.trellis.testsupport.ControlPlane;
import dev.trellis.testsupport.DumpOnFailure;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URL;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Malformed input against the real API server with the operator running: every file of the corpus
 * (src/test/resources/malformed/) and a seeded batch of fuzzed objects are written into a victim organization's
 * namespace, each by the user its file names. Each is refused with a 4xx and a message, or reported by a condition
 * within a bounded wait. Meanwhile a healthy organization's grants document is not rewritten, the victim's own grant
 * stays, and the operator keeps reconciling.
 */
@QuarkusTest
@ExtendWith(DumpOnFailure.class)
class MalformedInputIT {
  /** 200 in `make test`; -Dtrellis.fuzz.cases and -Dtrellis.fuzz.seed run others. */
  private static final int FUZZ_CASES = Integer.getInteger("trellis.fuzz.cases", 200);
  private static final long FUZZ_SEED = Long.getLong("trellis.fuzz.seed", 17L);

  /** The victim organization's namespace administrator: Kubernetes' admin role in its namespace, nothing else. */
  static final String NAMESPACE_ADMIN = "nadia@corpus-victim.example";

  /** The platform team: cluster administrator. */
  KubernetesClient client = ControlPlane.get().admin();

  @TestHTTPResource("/q/health/ready")
  URL readiness;

  private final Map<String, KubernetesClient> users = new ConcurrentHashMap<>();
  private final List<Ref> created = java.util.Collections.synchronizedList(new ArrayList<>());

  @TestFactory
  Stream<DynamicNode> malformedInputIsRefusedOrReportedAndNothingGrantedIsLost() {
    TenancyFixture given = new TenancyFixture(client);
    Map<String, String> values = organizations(given);
    String healthy = values.get("healthy.namespace");
    String victim = values.get("victim.namespace");
    await().atMost(TenancyFixture.WAIT).untilAsserted(() -> {
      assertThat(TenancyFixture.subjectsOn(given.document(healthy, "healthy-c"), "healthy-r"))
          .containsExactly("ann@corpus-healthy.example");
      assertThat(TenancyFixture.subjectsOn(given.document(victim, "victim-c"), "victim-r"))
          .containsExactly("ann@corpus-victim.example");
    });
    ConfigMap healthyBefore = given.grants(healthy, "healthy-c");

    CorpusRunner runner = new CorpusRunner(client, this::as, values, victim, TenancyFixture.WAIT, created);
    List<CorpusCase> cases = CorpusCase.all();
    List<Fuzzer.Base> bases = cases.stream().filter(c -> c.id().endsWith("/base")).map(c -> {
      CorpusCase.Document last = c.documents().get(c.documents().size() - 1);
      return new Fuzzer.Base(c.kind(), Manifests.parse(CorpusCase.render(last.yaml(), values)), last.as());
    }).toList();
    List<String> references = new ArrayList<>(List.of("victim-eu", "victim-p", "victim-c", "victim-r", "victim-ann",
        "healthy-eu", "healthy-p", "healthy-c", "healthy-ann", "fuzz-missing", "corpus-victim", "customer-with-victim",
        "super-viewer", "organization-admin", "trellis-system"));
    // In the order of their keys: the same seed picks the same placeholder whatever the orgIds are.
    references.addAll(values.entrySet().stream().sorted(Map.Entry.comparingByKey()).map(Map.Entry::getValue).toList());
    List<Fuzzer.Mutant> mutants = new Fuzzer(FUZZ_SEED, references).mutants(bases, FUZZ_CASES);

    return Stream.of(
        dynamicContainer("corpus: " + cases.size() + " files", cases.stream().map(c -> dynamicTest(c.displayName(),
            CorpusCase.ROOT.resolve(c.id() + ".yaml").toUri(), () -> runner.run(c)))),
        dynamicContainer("fuzz: " + FUZZ_CASES + " mutants of seed " + FUZZ_SEED,
            mutants.stream().map(m -> dynamicTest(m.toString(), () -> runner.fuzz(m)))),
        dynamicTest("the healthy organization's grants document was not rewritten", () -> {
          ConfigMap now = given.grants(healthy, "healthy-c");
          assertThat(now.getMetadata().getResourceVersion())
              .as("%s/healthy-c-grants was rewritten: it was%n%s%nand is%n%s", healthy,
                  healthyBefore.getData().get("grants.json"), now.getData().get("grants.json"))
              .isEqualTo(healthyBefore.getMetadata().getResourceVersion());
        }),
        dynamicTest("the victim organization's own grant is kept",
            () -> assertThat(TenancyFixture.subjectsOn(given.document(victim, "victim-c"), "victim-r"))
                .contains("ann@corpus-victim.example")),
        dynamicTest("the operator keeps reconciling: a new binding reaches the healthy organization's document", () -> {
          given.apply(healthy, """
              apiVersion: iam.trellis.dev/v1alpha1
              kind: Member
              metadata: {name: healthy-bob}
              spec: {type: User, email: bob@corpus-healthy.example}
              ---
              apiVersion: iam.trellis.dev/v1alpha1
              kind: RoleBinding
              metadata: {name: healthy-bob-analyst}
              spec:
                role: operation-support-analyst
                subject: {kind: Member, name: healthy-bob}
                scope: {kind: Project, name: healthy-p}
              """);
          await().atMost(TenancyFixture.WAIT).untilAsserted(
              () -> assertThat(TenancyFixture.subjectsOn(given.document(healthy, "healthy-c"), "healthy-r"))
                  .containsExactly("ann@corpus-healthy.example", "bob@corpus-healthy.example"));
        }),
        dynamicTest("the victim's partner keeps reconciling and admitting writes: a new folder there is Ready", () -> {
          given.apply(values.get("customer.namespace"), """
              apiVersion: iam.trellis.dev/v1alpha1
              kind: Folder
              metadata: {name: customer-after-the-corpus}
              spec: {}
              """);
          given.awaitReady(Folder.class, values.get("customer.namespace"),
              "customer-after-the-corpus", true, Reasons.READY);
        }),
        dynamicTest("the operator is ready", () -> assertThat(status(readiness)).isEqualTo(200)));
  }

  /**
   * The healthy organization (a binding that grants), the victim (the same, and a domain restriction to its own
   * domain, as a careful organization has) and a customer whose partnerships name the victim, for the victim's
   * acceptances. Returns the placeholders' values: {@code <organization>.orgId} and {@code <organization>.namespace}.
   */
  private Map<String, String> organizations(TenancyFixture given) {
    given.organization("corpus-healthy");
    given.organization("corpus-customer");
    given.apply("""
        apiVersion: iam.trellis.dev/v1alpha1
        kind: Organization
        metadata: {name: corpus-victim}
        spec:
          displayName: Corpus victim
          domainRestriction: {mode: DefaultDomainsAndListed, domains: [corpus-victim.example]}
        """);
    given.awaitReady(Organization.class, null, "corpus-victim", true, Reasons.READY);
    Map<String, String> values = new HashMap<>();
    for (String name : List.of("healthy", "victim", "customer")) {
      Organization org = client.resources(Organization.class).withName("corpus-" + name).get();
      values.put(name + ".orgId", org.getStatus().getOrgId());
      values.put(name + ".namespace", org.getStatus().getNamespace());
    }
    for (String name : List.of("healthy", "victim")) {
      given.apply(values.get(name + ".namespace"), """
          apiVersion: iam.trellis.dev/v1alpha1
          kind: Folder
          metadata: {name: %1$s-eu}
          spec: {}
          ---
          apiVersion: iam.trellis.dev/v1alpha1
          kind: Project
          metadata: {name: %1$s-p}
          spec: {folder: %1$s-eu}
          ---
          apiVersion: iam.trellis.dev/v1alpha1
          kind: Connector
          metadata: {name: %1$s-c}
          spec: {projects: [%1$s-p]}
          ---
          apiVersion: iam.trellis.dev/v1alpha1
          kind: ManagedResource
          metadata: {name: %1$s-r}
          spec: {type: Server, connector: %1$s-c, projects: [%1$s-p]}
          ---
          apiVersion: iam.trellis.dev/v1alpha1
          kind: Member
          metadata: {name: %1$s-ann}
          spec: {type: User, email: ann@corpus-%1$s.example}
          ---
          apiVersion: iam.trellis.dev/v1alpha1
          kind: RoleBinding
          metadata: {name: %1$s-ann-analyst}
          spec:
            role: operation-support-analyst
            subject: {kind: Member, name: %1$s-ann}
            scope: {kind: Project, name: %1$s-p}
          """.formatted(name));
    }
    given.apply(values.get("customer.namespace"), """
        apiVersion: iam.trellis.dev/v1alpha1
        kind: Partnership
        metadata: {name: customer-with-victim}
        spec: {partnerOrgId: %1$s}
        ---
        apiVersion: iam.trellis.dev/v1alpha1
        kind: Partnership
        metadata: {name: customer-with-victim-listed}
        spec: {partnerOrgId: %1$s}
        ---
        apiVersion: iam.trellis.dev/v1alpha1
        kind: Partnership
        metadata: {name: customer-with-victim-twice}
        spec: {partnerOrgId: %1$s}
        ---
        apiVersion: iam.trellis.dev/v1alpha1
        kind: Partnership
        metadata: {name: customer-with-nobody}
        spec: {partnerOrgId: no-such-organization}
        """.formatted(values.get("victim.orgId")));
    // The RBAC a platform team hands out: the victim's namespace administrator, and invitees who accept there.
    given.apply(values.get("victim.namespace"), """
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleBinding
        metadata: {name: corpus-namespace-admin}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: admin}
        subjects: [{apiGroup: rbac.authorization.k8s.io, kind: User, name: "%s"}]
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleBinding
        metadata: {name: corpus-invitees}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: trellis-invitee}
        subjects: [{apiGroup: rbac.authorization.k8s.io, kind: Group, name: "system:authenticated"}]
        """.formatted(NAMESPACE_ADMIN));
    return values;
  }

  private KubernetesClient as(String user) {
    return users.computeIfAbsent(user, u -> {
      try {
        return ControlPlane.get().clientAs(u);
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    });
  }

  private static int status(URL url) throws IOException {
    HttpURLConnection connection = (HttpURLConnection) url.openConnection();
    try {
      return connection.getResponseCode();
    } finally {
      connection.disconnect();
    }
  }

  /**
   * Deletes the organizations (their namespaces go with them, and everything in them) and the cluster-wide roles
   * the corpus and the fuzzer created, so that the next test classes share a control plane without them.
   */
  @AfterEach
  void deleteWhatWasCreated() {
    users.values().forEach(KubernetesClient::close);
    List<String> organizations = new ArrayList<>(List.of("corpus-victim", "corpus-customer", "corpus-healthy"));
    for (Ref ref : List.copyOf(created)) {
      if (ref.namespace() == null && ref.kind().equals("Organization")) {
        organizations.add(ref.name());
      } else if (ref.namespace() == null && ref.kind().equals("AccessRole")) {
        client.resources(dev.trellis.api.v1alpha1.AccessRole.class).withName(ref.name()).delete();
      }
    }
    TenancyFixture given = new TenancyFixture(client);
    for (String organization : organizations) {
      if (client.resources(Organization.class).withName(organization).get() != null) {
        given.mergePatch(Organization.class, null, organization, "{\"spec\":{\"deletionProtection\":false}}");
        client.resources(Organization.class).withName(organization).delete();
      }
    }
  }
}
