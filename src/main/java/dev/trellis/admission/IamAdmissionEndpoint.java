package dev.trellis.admission;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trellis.api.v1alpha1.ApiConstants;
import dev.trellis.api.v1alpha1.RoleBinding;
import dev.trellis.model.admission.WriteRules;
import dev.trellis.model.snapshot.ScopeRef;
import dev.trellis.reconcile.support.Sharding;
import dev.trellis.reconcile.tenancy.OperatorMetrics;
import dev.trellis.reconcile.tenancy.OrganizationSnapshots;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jboss.logging.Logger;

/**
 * The validating admission webhook of Trellis IAM writes ({@value #PATH}): the API server asks it, with the
 * requester's identity, whether a write of a Trellis IAM object in an organization's namespace may happen: a
 * RoleBinding ({@link BindingAdmission}), a Member, Folder, Project, Connector, Partnership or PartnershipAcceptance
 * (RBAC lets the requester update the Organization, or Trellis grants the requesting member what {@link WriteRules}
 * asks). Registered only for Trellis kinds in organization namespaces, so that an outage of
 * Trellis blocks Trellis IAM writes and nothing else. Fails closed: before its caches exist, or on any error, it
 * refuses.
 */
@ApplicationScoped
public class IamAdmissionEndpoint {
  public static final String PATH = "/admission/iam";
  private static final Logger LOG = Logger.getLogger(IamAdmissionEndpoint.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final OrganizationSnapshots snapshots;
  private final KubernetesClient client;
  private final Clock clock;

  private final Sharding sharding;

  public IamAdmissionEndpoint(OrganizationSnapshots snapshots, KubernetesClient client, Clock clock,
      Sharding sharding) {
    this.sharding = sharding;
    this.snapshots = snapshots;
    this.client = client;
    this.clock = clock;
  }

  private OperatorMetrics metrics;

  @jakarta.inject.Inject
  void metrics(OperatorMetrics metrics) {
    this.metrics = metrics;
  }

  void routes(@Observes Router router) {
    router.post(PATH).handler(BodyHandler.create()).blockingHandler(ctx -> {
      String body;
      try {
        body = JSON.writeValueAsString(review(JSON.readTree(ctx.body().buffer().getBytes())));
      } catch (Exception e) {
        LOG.warnf(e, "admission review failed");
        ctx.response().setStatusCode(400).end();
        return;
      }
      ctx.response().putHeader("Content-Type", "application/json").end(body);
    });
  }

  /** Answers one AdmissionReview (admission.k8s.io/v1). */
  ObjectNode review(JsonNode review) {
    JsonNode request = review.path("request");
    Decision decision;
    try {
      decision = decide(request);
    } catch (RuntimeException e) {
      LOG.warnf(e, "admission of %s %s/%s failed", request.path("kind").path("kind").asText(),
          request.path("namespace").asText(), request.path("name").asText());
      decision = new Decision(false, "Trellis could not decide this write (" + e.getMessage() + "); retry");
    }
    if (metrics != null) {
      metrics.admissionReview(request.path("kind").path("kind").asText(), decision.allowed());
    }
    ObjectNode out = JSON.createObjectNode().put("apiVersion", "admission.k8s.io/v1").put("kind", "AdmissionReview");
    ObjectNode response = out.putObject("response").put("uid", request.path("uid").asText())
        .put("allowed", decision.allowed());
    if (!decision.allowed()) {
      response.putObject("status").put("code", 403).put("reason", "Forbidden").put("message", decision.message());
    }
    return out;
  }

  private record Decision(boolean allowed, String message) {}

  private Decision decide(JsonNode request) {
    String kind = request.path("kind").path("kind").asText();
    if (!ApiConstants.GROUP.equals(request.path("kind").path("group").asText()) || !DECIDED.contains(kind)) {
      return new Decision(true, "not decided by Trellis");
    }
    String namespace = request.path("namespace").asText();
    if (!sharding.serves(namespace)) {
      // This process caches only its shard's organizations: it cannot tell, so it does not allow.
      return new Decision(false, "namespace " + namespace + " is served by Trellis shard "
          + sharding.valueFor(namespace) + ", not by this one (" + sharding.value(sharding.shard())
          + "): the webhook configuration must send its reviews there");
    }
    if (!snapshots.ready()) {
      return new Decision(false, "Trellis is starting and cannot yet tell who may write " + kind + "s; retry");
    }
    var snapshot = snapshots.of(namespace);
    if (snapshot.isEmpty()) {
      Namespace ns = client.namespaces().withName(namespace).get();
      boolean claimed = ns != null && ns.getMetadata().getDeletionTimestamp() == null
          && ns.getMetadata().getLabels() != null
          && ns.getMetadata().getLabels().containsKey(ApiConstants.ORGANIZATION_LABEL);
      return claimed
          ? new Decision(false, "Trellis does not yet see which organization owns namespace " + namespace + "; retry")
          // No organization owns it (or it is being deleted): nothing here grants anything.
          : new Decision(true, "no organization owns namespace " + namespace);
    }
    JsonNode user = request.path("userInfo");
    String username = user.path("username").asText();
    String operation = request.path("operation").asText();
    JsonNode before = request.path("oldObject");
    JsonNode after = request.path("object");
    if ("UPDATE".equals(operation) && Objects.equals(before.path("spec"), after.path("spec"))) {
      return new Decision(true, "the spec is unchanged"); // labels, annotations, finalizers: no grant moves
    }
    if (kind.equals("RoleBinding")) {
      var outcome = BindingAdmission.decide(operation, binding(before), binding(after), username, snapshot.get(),
          clock.instant(), role -> allowed(user, "bind", "accessroles", role));
      return new Decision(outcome.allowed(), outcome.message());
    }
    String organization = snapshot.get().organization().name();
    // Platform administrators and GitOps service accounts: RBAC lets them update the Organization itself.
    if (allowed(user, "update", "organizations", organization)) {
      return new Decision(true, "RBAC lets the requester update organization " + organization);
    }
    String name = request.path("name").asText();
    String what = operation.toLowerCase(java.util.Locale.ROOT) + " " + kind + " " + name;
    var decision = dev.trellis.model.admission.Delegation.of(snapshot.get(), clock.instant())
        .mayWrite(username, what, needs(kind, operation, name, before, after));
    return new Decision(decision.allowed(), decision.allowed() ? decision.message()
        : decision.message() + " (nor may they update organization " + organization + " through Kubernetes RBAC)");
  }

  /** The kinds whose writes Trellis decides. */
  private static final java.util.Set<String> DECIDED = java.util.Set.of("RoleBinding", "Member", "Folder", "Project",
      "Connector", "Partnership", "PartnershipAcceptance");

  private static List<WriteRules.Need> needs(String kind, String operation, String name, JsonNode before,
      JsonNode after) {
    return switch (kind) {
      case "Member" -> WriteRules.member();
      case "Partnership", "PartnershipAcceptance" -> WriteRules.partnership();
      case "Folder" -> WriteRules.folder(operation, name, text(before, "parent"), text(after, "parent"));
      case "Project" -> WriteRules.project(operation, name, text(before, "folder"), text(after, "folder"));
      case "Connector" -> WriteRules.connector(operation, points(before), points(after));
      default -> throw new IllegalArgumentException("no rule for " + kind);
    };
  }

  private static String text(JsonNode object, String field) {
    JsonNode value = object.path("spec").path(field);
    return value.isTextual() ? value.asText() : null;
  }

  /** A connector's association points: its projects and folders. */
  private static List<ScopeRef> points(JsonNode object) {
    List<ScopeRef> points = new ArrayList<>();
    object.path("spec").path("projects").forEach(p -> points.add(ScopeRef.project(p.asText())));
    object.path("spec").path("folders").forEach(f -> points.add(ScopeRef.folder(f.asText())));
    return points;
  }

  private static RoleBinding binding(JsonNode object) {
    return object == null || object.isMissingNode() || object.isNull() ? null
        : JSON.convertValue(object, RoleBinding.class);
  }

  /** Whether Kubernetes RBAC lets the requester {@code verb} the named Trellis resource: a SubjectAccessReview. */
  private boolean allowed(JsonNode user, String verb, String resource, String name) {
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("user", user.path("username").asText());
    List<String> groups = new ArrayList<>();
    user.path("groups").forEach(g -> groups.add(g.asText()));
    spec.put("groups", groups);
    if (user.has("uid")) {
      spec.put("uid", user.path("uid").asText());
    }
    if (user.has("extra")) {
      spec.put("extra", JSON.convertValue(user.path("extra"), Map.class));
    }
    spec.put("resourceAttributes", Map.of("group", ApiConstants.GROUP, "resource", resource, "verb", verb,
        "name", name));
    GenericKubernetesResource review = new GenericKubernetesResourceBuilder()
        .withApiVersion("authorization.k8s.io/v1").withKind("SubjectAccessReview")
        .withAdditionalProperties(Map.of("spec", spec)).build();
    GenericKubernetesResource answer = client.genericKubernetesResources("authorization.k8s.io/v1",
        "SubjectAccessReview").resource(review).create();
    Object status = answer.getAdditionalProperties().get("status");
    return status instanceof Map<?, ?> map && Boolean.TRUE.equals(map.get("allowed"));
  }
}
