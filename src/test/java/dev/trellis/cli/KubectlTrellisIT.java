package dev.trellis.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trellis.api.v1alpha1.ApiConstants;
import dev.trellis.api.v1alpha1.Member;
import dev.trellis.api.v1alpha1.Organization;
import dev.trellis.api.v1alpha1.Partnership;
import dev.trellis.api.v1alpha1.RoleBinding;
import dev.trellis.testsupport.ControlPlane;
import dev.trellis.testsupport.DumpOnFailure;
import dev.trellis.testsupport.Samples;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code kubectl trellis} against the samples on the real control plane, the operator writing the documents: each
 * command run in-process through {@link KubectlTrellis#run}, and once as a process through hack/kubectl-trellis.
 * Other users are impersonated with --as, as a person would with kubectl; they read Trellis objects through a
 * ClusterRole this test binds to them (what a platform team hands out for the plugin).
 */
@QuarkusTest
@ExtendWith(DumpOnFailure.class)
class KubectlTrellisIT {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final String KRISHNA = "krishna@globalpartners.com";
  private static final String CAROL = "carol@mrpaints.com";
  private static final String READER = "trellis-cli-it-reader";

  static KubernetesClient admin = ControlPlane.get().admin();
  static Path kubeconfig;

  /** What one run printed, and its exit code. */
  record Result(int code, String out, String err) {
    JsonNode json() throws Exception {
      return new ObjectMapper().readTree(out);
    }
  }

  @BeforeAll
  static void samplesAreReady() throws Exception {
    Samples.applyOrganizations(admin);
    await().atMost(WAIT).untilAsserted(() -> assertThat(admin.resources(Organization.class).list().getItems())
        .filteredOn(o -> o.getMetadata().getName().matches("mrpaints|globalpartners"))
        .hasSize(2).allSatisfy(o -> assertThat(o.getStatus() == null ? null : o.getStatus().getOrgId()).isNotNull()));
    Samples.applyRest(admin);
    // erin is a disabled member of mrpaints.com, without bindings: the single sign-on entry excepts her.
    admin.resource(member("erin", "erin@mrpaints.com", true)).forceConflicts().serverSideApply();
    admin.resource(new ClusterRoleBuilder().withNewMetadata().withName(READER).endMetadata()
        .addNewRule().withApiGroups(ApiConstants.GROUP).withResources("*").withVerbs("get", "list").endRule()
        .build()).forceConflicts().serverSideApply();
    admin.resource(new ClusterRoleBindingBuilder().withNewMetadata().withName(READER).endMetadata()
        .withNewRoleRef("rbac.authorization.k8s.io", "ClusterRole", READER)
        .addNewSubject().withApiGroup("rbac.authorization.k8s.io").withKind("User").withName(KRISHNA).endSubject()
        .addNewSubject().withApiGroup("rbac.authorization.k8s.io").withKind("User").withName(CAROL).endSubject()
        .addNewSubject().withApiGroup("rbac.authorization.k8s.io").withKind("User").withName("alice@mrpaints.com")
        .endSubject().build()).forceConflicts().serverSideApply();
    await().atMost(WAIT).ignoreExceptions().untilAsserted(() -> {
      var grants = admin.configMaps().inNamespace("org-mrpaints").withName("conn-eu-grants").get();
      assertThat(grants).isNotNull();
      assertThat(grants.getData().get("grants.json")).contains("\"" + KRISHNA + "\"").contains("\"dana@mrpaints.com\"")
          .contains("\"erin@mrpaints.com\"");
      assertThat(admin.resources(Member.class).inNamespace("org-globalpartners").withName("krishna").get()
          .getStatus().getPartnerAccess()).isNotEmpty();
    });
    // The test's own kubeconfig: switch writes contexts into it.
    kubeconfig = Files.createTempFile("kubectl-trellis", ".kubeconfig");
    Files.copy(ControlPlane.get().kubeconfig(), kubeconfig, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
  }

  @AfterAll
  static void cleanUp() throws Exception {
    admin.rbac().clusterRoleBindings().withName(READER).delete();
    admin.rbac().clusterRoles().withName(READER).delete();
    admin.resources(Member.class).inNamespace("org-mrpaints").withName("erin").delete();
    admin.resources(RoleBinding.class).inNamespace("org-mrpaints").withName("carol-nowhere").delete();
    Files.deleteIfExists(kubeconfig);
  }

  @Test
  void treeShowsMrPaintsFoldersProjectsResourcesAndConnectors() throws Exception {
    Result tree = run("tree", "mrpaints");
    assertThat(tree.code()).as(tree.err()).isZero();
    assertThat(tree.out()).contains("Organization/mrpaints (Mr. Paints, namespace org-mrpaints")
        .contains("├── Folder/eu  Ready").contains("│   └── Project/london  Ready")
        .contains("ManagedResource/ontap-london (ONTAPCluster, connector conn-eu)  Ready")
        .contains("Folder/us  Ready").contains("ManagedResource/cvo-toronto (CloudVolumesONTAP, connector conn-us)")
        .contains("Connector/conn-eu (projects [london], folders [eu])  Ready");

    Result forest = run("tree");
    assertThat(forest.out()).contains("Organization/mrpaints").contains("Organization/globalpartners");

    JsonNode json = run("tree", "mrpaints", "-o", "json").json();
    assertThat(json.at("/organizations/0/name").asText()).isEqualTo("mrpaints");
    assertThat(json.at("/organizations/0/children/0/name").asText()).isEqualTo("eu");

    Result unknown = run("tree", "nosuchorg");
    assertThat(unknown.code()).isEqualTo(1);
    assertThat(unknown.err()).isEqualTo("error: organization nosuchorg does not exist.\n");
  }

  @Test
  void treeShowsTheTenantTreeAboveAndBelow() throws Exception {
    admin.resource(organization("cli-sp", null)).forceConflicts().serverSideApply();
    admin.resource(organization("cli-msp", "cli-sp")).forceConflicts().serverSideApply();
    try {
      await().atMost(WAIT).until(() -> run("tree", "cli-sp").out().contains("└── Organization/cli-msp"));
      Result msp = run("tree", "cli-msp");
      assertThat(msp.out()).startsWith("parents: cli-sp\nOrganization/cli-msp (namespace org-cli-msp");
    } finally {
      admin.resources(Organization.class).withName("cli-msp").delete();
      admin.resources(Organization.class).withName("cli-sp").delete();
    }
  }

  @Test
  void whyShowsThePartnerMembersGrantThroughThePartnership() throws Exception {
    Result why = run("why", KRISHNA, "ontap-london");
    assertThat(why.code()).as(why.err()).isZero();
    assertThat(why.out())
        .contains("krishna@globalpartners.com on ontap-london (organization mrpaints, connector conn-eu")
        .contains("entry: krishna@globalpartners.com (User of globalpartners)")
        .containsPattern("operation-support-analyst +krishna-london-analyst +Project/london +"
            + "Partnership/globalpartners +never +alerts.manage,alerts.view");

    JsonNode json = run("why", KRISHNA, "ontap-london", "-o", "json").json();
    assertThat(json.at("/access/0/grants/0/via").asText()).isEqualTo("Partnership/globalpartners");

    Result notHeld = run("why", KRISHNA, "ontap-london", "rolebindings.manage");
    assertThat(notHeld.out()).contains("no: ").contains("role operation-support-analyst of binding"
        + " krishna-london-analyst does not contain rolebindings.manage");

    Result elsewhere = run("why", CAROL, "cvo-toronto", "--explain-denied");
    assertThat(elsewhere.out()).contains("the scope Project/london of binding carol-london-analyst does not reach"
        + " cvo-toronto");

    Result stranger = run("why", "nobody@example.com", "ontap-london");
    assertThat(stranger.code()).isEqualTo(1);
    assertThat(stranger.err()).startsWith("error: nobody@example.com is not known to organization mrpaints");
  }

  @Test
  void canIAnswersAsTheConnectorWould() throws Exception {
    assertThat(run("can-i", KRISHNA, "alerts.view", "ontap-london")).isEqualTo(new Result(0, "yes\n", ""));
    assertThat(run("can-i", KRISHNA, "alerts.view", "cvo-toronto")).isEqualTo(new Result(1, "no\n", ""));
    assertThat(run("can-i", KRISHNA, "rolebindings.manage", "ontap-london").code()).isEqualTo(1);
    // Any mrpaints.com user has the single sign-on default role; erin is a disabled member, so she is excepted.
    assertThat(run("can-i", "zoe@mrpaints.com", "dashboards.view", "ontap-london").code()).isZero();
    assertThat(run("can-i", "erin@mrpaints.com", "dashboards.view", "ontap-london").code()).isEqualTo(1);
    JsonNode json = run("can-i", "erin@mrpaints.com", "dashboards.view", "ontap-london", "-o", "json").json();
    assertThat(json.get("allowed").asBoolean()).isFalse();

    Result unknownPermission = run("can-i", KRISHNA, "alerts.fly", "ontap-london");
    assertThat(unknownPermission.err()).contains("permission alerts.fly is not in the catalogue");
    Result unknownResource = run("can-i", KRISHNA, "alerts.view", "nowhere");
    assertThat(unknownResource.err())
        .isEqualTo("error: managed resource nowhere does not exist in any organization.\n");
  }

  @Test
  void whoCanListsTheHolders() throws Exception {
    Result who = run("who-can", "alerts.manage", "ontap-london");
    assertThat(who.code()).as(who.err()).isZero();
    assertThat(subjects(who.out())).contains(KRISHNA, CAROL, "bob@mrpaints.com", "alice@mrpaints.com")
        .doesNotContain("*@mrpaints.com", "erin@mrpaints.com");
    Result views = run("who-can", "dashboards.view", "ontap-london");
    assertThat(views.out()).containsPattern("\\*@mrpaints.com +Domain +mrpaints +.*erin@mrpaints.com");
  }

  @Test
  void switchTakesAPartnerMemberToItsCustomers() throws Exception {
    Result list = run("--as", KRISHNA, "switch");
    assertThat(list.code()).as(list.err()).isZero();
    assertThat(list.out()).containsPattern("mrpaints +org-mrpaints +globalpartners +krishna of globalpartners"
        + " +trellis-mrpaints");

    Result dryRun = run("--as=" + KRISHNA, "switch", "mrpaints", "--dry-run");
    assertThat(dryRun.out()).contains("name: trellis-mrpaints").contains("namespace: org-mrpaints");
    assertThat(Files.readString(kubeconfig)).doesNotContain("trellis-mrpaints");

    Result switched = run("--as", KRISHNA, "switch", "mrpaints");
    assertThat(switched.code()).as(switched.err()).isZero();
    assertThat(switched.out()).startsWith("Switched to context \"trellis-mrpaints\" (namespace org-mrpaints");
    io.fabric8.kubernetes.client.Config config = io.fabric8.kubernetes.client.Config.fromKubeconfig(
        Files.readString(kubeconfig));
    assertThat(config.getCurrentContext().getName()).isEqualTo("trellis-mrpaints");
    assertThat(config.getNamespace()).isEqualTo("org-mrpaints");
    // In the new context, a resource is found in the customer's namespace.
    assertThat(run("can-i", KRISHNA, "alerts.view", "ontap-london").code()).isZero();

    Result refused = run("--as", CAROL, "switch", "mrpaints");
    assertThat(refused.code()).isEqualTo(1);
    assertThat(refused.err()).isEqualTo("error: carol@mrpaints.com cannot switch to mrpaints: no Established"
        + " partnership of mrpaints with your organization includes you.\n");
    assertThat(run("--as", CAROL, "switch").out()).startsWith("No customer organization to switch to");
  }

  @Test
  void whoamiShowsTheImpersonatedMember() throws Exception {
    Result alice = run("--as", "alice@mrpaints.com", "whoami");
    assertThat(alice.code()).as(alice.err()).isZero();
    assertThat(alice.out()).contains("username: alice@mrpaints.com")
        .containsPattern("mrpaints +alice +Active +false +Ready +Ready")
        .containsPattern("mrpaints +alice-eu-admin +folder-or-project-admin +Folder/eu")
        .containsPattern("mrpaints +Customer +globalpartners +globalpartners +Established");
    JsonNode krishna = run("--as", KRISHNA, "whoami", "-o", "json").json();
    assertThat(krishna.at("/partnerAccess/0/customer").asText()).isEqualTo("mrpaints");
    assertThat(krishna.at("/switchableCustomers/0/organization").asText()).isEqualTo("mrpaints");
  }

  @Test
  void explainDeniedReadsTheOperatorsConditions() throws Exception {
    // No binding (and a disabled member).
    Result erin = run("why", "erin@mrpaints.com", "ontap-london", "dashboards.view");
    assertThat(erin.out()).contains("\nno: ").contains("member erin of mrpaints is disabled")
        .contains("no RoleBinding in org-mrpaints names Member/erin of mrpaints");

    // A binding that is not Ready.
    admin.resource(binding("carol-nowhere", "resources-viewer", "carol", "nowhere")).forceConflicts().serverSideApply();
    await().atMost(WAIT).untilAsserted(() -> assertThat(run("why", CAROL, "ontap-london", "--explain-denied").out())
        .contains("binding carol-nowhere is not Ready (ScopeNotFound)"));

    // A paused partnership, then resumed.
    patchPaused(true);
    try {
      await().atMost(WAIT).until(() -> run("can-i", KRISHNA, "alerts.view", "ontap-london").code() == 1);
      Result paused = run("why", KRISHNA, "ontap-london", "alerts.view");
      assertThat(paused.out()).contains("no: ").contains("partnership globalpartners is Paused");
    } finally {
      patchPaused(false);
    }
    await().atMost(WAIT).until(() -> run("can-i", KRISHNA, "alerts.view", "ontap-london").code() == 0);
  }

  @Test
  void theLauncherRunsThePluginAsAProcess() throws Exception {
    List<String> command = List.of(Path.of("hack", "kubectl-trellis").toAbsolutePath().toString(),
        "can-i", KRISHNA, "alerts.view", "ontap-london", "-n", "org-mrpaints");
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.environment().put("KUBECONFIG", kubeconfig.toString());
    if (!packaged()) {
      // `mvn test` does not package: run the launcher on the classes under test.
      pb.environment().put("TRELLIS_PLUGIN_CLASSPATH", System.getProperty("java.class.path"));
    }
    Process process = pb.start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(out).isEqualTo("yes\n");
    assertThat(process.exitValue()).isZero();

    ProcessBuilder tree = new ProcessBuilder(Path.of("hack", "kubectl-trellis").toAbsolutePath().toString(), "tree",
        "globalpartners").redirectErrorStream(true);
    tree.environment().putAll(pb.environment());
    Process treeProcess = tree.start();
    String treeOut = new String(treeProcess.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(treeProcess.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(treeOut).startsWith("Organization/globalpartners (Global Partners, namespace org-globalpartners");
  }

  /** Whether target/quarkus-app holds the plugin as compiled now (after `mvn package`). */
  private static boolean packaged() throws Exception {
    Path classes = Path.of("target", "classes", "dev", "trellis", "cli", "KubectlTrellis.class");
    try (var jars = Files.list(Path.of("target", "quarkus-app", "app"))) {
      return jars.anyMatch(jar -> {
        try {
          return Files.getLastModifiedTime(jar).compareTo(Files.getLastModifiedTime(classes)) > 0;
        } catch (java.io.IOException e) {
          return false;
        }
      });
    } catch (java.nio.file.NoSuchFileException e) {
      return false;
    }
  }

  private static Result run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = KubectlTrellis.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), Map.of("KUBECONFIG", kubeconfig.toString()));
    return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private static List<String> subjects(String table) {
    List<String> out = new ArrayList<>();
    table.lines().skip(1).forEach(l -> out.add(l.split(" +")[0]));
    return out;
  }

  private static void patchPaused(boolean paused) {
    admin.resources(Partnership.class).inNamespace("org-mrpaints").withName("globalpartners")
        .edit(p -> {
          p.getSpec().setPaused(paused);
          return p;
        });
  }

  private static Organization organization(String name, String parent) {
    Organization org = new Organization();
    org.getMetadata().setName(name);
    var spec = new dev.trellis.api.v1alpha1.OrganizationSpec();
    spec.setParent(parent);
    // Deleted at the end of the test.
    spec.setDeletionProtection(false);
    org.setSpec(spec);
    return org;
  }

  private static Member member(String name, String email, boolean disabled) {
    Member m = new Member();
    m.getMetadata().setName(name);
    m.getMetadata().setNamespace("org-mrpaints");
    var spec = new dev.trellis.api.v1alpha1.MemberSpec();
    spec.setType(dev.trellis.api.v1alpha1.MemberSpec.Type.User);
    spec.setEmail(email);
    spec.setDisabled(disabled);
    m.setSpec(spec);
    return m;
  }

  private static RoleBinding binding(String name, String role, String member, String project) {
    RoleBinding b = new RoleBinding();
    b.getMetadata().setName(name);
    b.getMetadata().setNamespace("org-mrpaints");
    var spec = new dev.trellis.api.v1alpha1.RoleBindingSpec();
    spec.setRole(role);
    spec.setSubject(new dev.trellis.api.v1alpha1.Subject(dev.trellis.api.v1alpha1.Subject.Kind.Member, member, null));
    spec.setScope(new dev.trellis.api.v1alpha1.Scope(dev.trellis.api.v1alpha1.Scope.Kind.Project, project));
    b.setSpec(spec);
    return b;
  }
}
