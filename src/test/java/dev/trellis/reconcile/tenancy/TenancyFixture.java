package dev.trellis.reconcile.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trellis.api.v1alpha1.ApiConstants;
import dev.trellis.api.v1alpha1.Condition;
import dev.trellis.api.v1alpha1.Organization;
import dev.trellis.api.v1alpha1.TrellisStatus;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Applies YAML and waits for observable results, for tests that read like the seed stories. */
public final class TenancyFixture {
  public static final Duration WAIT = Duration.ofSeconds(60);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final KubernetesClient client;

  public TenancyFixture(KubernetesClient client) {
    this.client = client;
  }

  /** Creates an organization and waits until it owns its namespace. */
  public String organization(String name) {
    apply("""
        apiVersion: iam.trellis.dev/v1alpha1
        kind: Organization
        metadata: {name: %s}
        spec: {displayName: %s}
        """.formatted(name, name));
    await().atMost(WAIT).untilAsserted(() -> {
      Organization org = client.resources(Organization.class).withName(name).get();
      assertThat(org.getStatus()).isNotNull();
      assertThat(org.getStatus().condition(ApiConstants.READY))
          .hasValueSatisfying(c -> assertThat(c.isTrue()).isTrue());
    });
    return "org-" + name;
  }

  public void apply(String yaml) {
    client.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8))).forceConflicts().serverSideApply();
  }

  public void apply(String namespace, String yaml) {
    client.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8))).inNamespace(namespace)
        .forceConflicts().serverSideApply();
  }

  /**
   * Changes an object with a JSON merge patch: it carries no resourceVersion, so it never races with the
   * operator's status writes. {@code namespace} is null for cluster-scoped kinds.
   */
  public <R extends io.fabric8.kubernetes.api.model.HasMetadata> void mergePatch(
      Class<R> kind, String namespace, String name, String patch) {
    var resources = client.resources(kind);
    (namespace == null ? resources.withName(name) : resources.inNamespace(namespace).withName(name))
        .patch(io.fabric8.kubernetes.client.dsl.base.PatchContext.of(
            io.fabric8.kubernetes.client.dsl.base.PatchType.JSON_MERGE), patch);
  }

  /**
   * One resource {@code r} of connector {@code c}, both on project {@code p}, and one member who is operation
   * support analyst on {@code p} (binding {@code <member>-analyst}), until {@code expiresAt} when given.
   */
  public void oneAnalyst(String ns, String member, String email, String expiresAt) {
    apply(ns, """
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
        kind: Member
        metadata: {name: %1$s}
        spec: {type: User, email: %2$s}
        ---
        apiVersion: iam.trellis.dev/v1alpha1
        kind: RoleBinding
        metadata: {name: %1$s-analyst}
        spec:
          role: operation-support-analyst
          subject: {kind: Member, name: %1$s}
          scope: {kind: Project, name: p}
        %3$s""".formatted(member, email, expiresAt == null ? "" : "  expiresAt: \"" + expiresAt + "\"\n"));
  }

  /**
   * A policy of the cluster's own (a ValidatingAdmissionPolicy and its binding, both {@code name}) that refuses
   * {@code operations} on the core {@code resource} when the CEL {@code allowed} is false, with {@code message}.
   * Returns once {@code probe} is refused with that message; closing it removes the policy.
   */
  public AutoCloseable refuse(String name, String operations, String resource, String allowed, String message,
      org.assertj.core.api.ThrowableAssert.ThrowingCallable probe) {
    return refuse(name, "", operations, resource, allowed, message, probe);
  }

  /** {@link #refuse(String, String, String, String, String, ThrowingCallable)} for a resource of API group {@code group}. */
  public AutoCloseable refuse(String name, String group, String operations, String resource, String allowed,
      String message, org.assertj.core.api.ThrowableAssert.ThrowingCallable probe) {
    apply("""
        apiVersion: admissionregistration.k8s.io/v1
        kind: ValidatingAdmissionPolicy
        metadata: {name: %1$s}
        spec:
          failurePolicy: Fail
          matchConstraints:
            resourceRules:
              - {apiGroups: ["%6$s"], apiVersions: ["*"], operations: [%2$s], resources: [%3$s]}
          validations:
            - expression: %4$s
              message: %5$s
        ---
        apiVersion: admissionregistration.k8s.io/v1
        kind: ValidatingAdmissionPolicyBinding
        metadata: {name: %1$s}
        spec: {policyName: %1$s, validationActions: [Deny]}
        """.formatted(name, operations, resource, JSON.valueToTree(allowed), JSON.valueToTree(message), group));
    AutoCloseable removal = () -> {
      client.admissionRegistration().v1().validatingAdmissionPolicyBindings().withName(name).delete();
      client.admissionRegistration().v1().validatingAdmissionPolicies().withName(name).delete();
    };
    await().atMost(WAIT).ignoreExceptions()
        .untilAsserted(() -> org.assertj.core.api.Assertions.assertThatThrownBy(probe).hasMessageContaining(message));
    return removal;
  }

  /** The connector's grants document, once it exists. */
  public JsonNode document(String namespace, String connector) {
    ConfigMap[] found = new ConfigMap[1];
    await().atMost(WAIT).until(() -> (found[0] = grants(namespace, connector)) != null);
    return parse(found[0]);
  }

  public ConfigMap grants(String namespace, String connector) {
    return client.configMaps().inNamespace(namespace).withName(connector + "-grants").get();
  }

  public static JsonNode parse(ConfigMap configMap) {
    try {
      return JSON.readTree(configMap.getData().get("grants.json"));
    } catch (Exception e) {
      throw new AssertionError("grants.json is not JSON", e);
    }
  }

  /** Waits until the object's Ready condition has {@code status} and {@code reason}; returns the condition. */
  public <S extends TrellisStatus, R extends CustomResource<?, S>> Condition awaitReady(
      Class<R> kind, String namespace, String name, boolean status, String reason) {
    Condition[] found = new Condition[1];
    await().atMost(WAIT).untilAsserted(() -> {
      R object = namespace == null
          ? client.resources(kind).withName(name).get()
          : client.resources(kind).inNamespace(namespace).withName(name).get();
      assertThat(object).as("%s %s/%s", kind.getSimpleName(), namespace, name).isNotNull();
      assertThat(object.getStatus()).as("status of %s %s", kind.getSimpleName(), name).isNotNull();
      Condition ready = object.getStatus().condition(ApiConstants.READY).orElse(null);
      assertThat(ready).as("Ready of %s %s", kind.getSimpleName(), name).isNotNull();
      assertThat(ready.isTrue()).as("Ready of %s %s: %s", kind.getSimpleName(), name, ready).isEqualTo(status);
      assertThat(ready.getReason()).as("reason of %s %s: %s", kind.getSimpleName(), name, ready).isEqualTo(reason);
      found[0] = ready;
    });
    return found[0];
  }

  /** Subjects that hold an entry on {@code resource} in the document. */
  public static java.util.List<String> subjectsOn(JsonNode document, String resource) {
    java.util.List<String> subjects = new java.util.ArrayList<>();
    document.get("entries").forEach(e -> {
      if (resource.equals(e.get("resource").asText())) {
        subjects.add(e.get("subject").asText());
      }
    });
    return subjects;
  }
}
