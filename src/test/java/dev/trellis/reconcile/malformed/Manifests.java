package dev.trellis.reconcile.malformed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.trellis.api.v1alpha1.ApiKinds;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.HttpResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * Writes a manifest to the API server byte for byte as written (YAML turned into JSON, every type kept), as
 * {@code kubectl create} and {@code kubectl replace} do: a POST, or a PUT of the object it changes, with
 * {@code fieldValidation=Strict}, kubectl's default. A typed client would coerce a number into a string or drop an
 * unknown field before the API server ever saw it.
 *
 * <p>Not server-side apply: the API server answers a server-side apply whose values have the wrong type, or that
 * names a field the schema lacks, with a 500 ("failed to create typed patch object"), not a 4xx
 * (kubernetes/kubernetes#139253), whatever its fieldValidation.
 */
final class Manifests {
  private static final YAMLMapper YAML = new YAMLMapper();
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Where an object lives; {@code namespace} is null for a cluster-scoped kind. */
  record Ref(String kind, String namespace, String name) {
    @Override
    public String toString() {
      return kind + " " + (namespace == null ? "" : namespace + "/") + name;
    }
  }

  /** The API server's answer: accepted (2xx) or refused with an HTTP code and the message of its Status. */
  record Outcome(int code, String message) {
    boolean accepted() {
      return code / 100 == 2;
    }
  }

  private Manifests() {}

  /** A YAML document as a JSON tree, every value with the type the YAML gives it. */
  static ObjectNode parse(String yaml) {
    try {
      JsonNode node = YAML.readTree(yaml);
      if (!(node instanceof ObjectNode object)) {
        throw new IllegalArgumentException("not a YAML mapping: " + yaml);
      }
      return object;
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException("not YAML: " + e.getMessage(), e);
    }
  }

  /** The Trellis class of a kind, for example Folder. */
  static Class<? extends CustomResource<?, ?>> type(String kind) {
    return ApiKinds.ALL.stream().filter(k -> k.getSimpleName().equals(kind)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("not a Trellis kind: " + kind));
  }

  /** Where {@code object} goes: its own metadata.namespace, else {@code namespace} for a namespaced kind. */
  static Ref ref(ObjectNode object, String namespace) {
    String kind = object.path("kind").asText();
    boolean namespaced = Namespaced.class.isAssignableFrom(type(kind));
    JsonNode own = object.path("metadata").path("namespace");
    return new Ref(kind, namespaced ? (own.isTextual() ? own.asText() : namespace) : null,
        object.path("metadata").path("name").asText());
  }

  /** Creates the object ({@code replace}: replaces the existing one, at its current resourceVersion). */
  static Outcome write(KubernetesClient client, ObjectNode object, String namespace, boolean replace) {
    Ref ref = ref(object, namespace);
    ObjectNode body = object.deepCopy();
    if (ref.namespace() != null) {
      ((ObjectNode) body.withObject("/metadata")).put("namespace", ref.namespace());
    }
    String collection = collection(client, ref);
    if (!replace) {
      return send(client, client.getHttpClient().newHttpRequestBuilder()
          .uri(collection + "?fieldValidation=Strict").post("application/json", bytes(body)).build());
    }
    String item = collection + "/" + URLEncoder.encode(ref.name(), StandardCharsets.UTF_8);
    Outcome outcome;
    int attempts = 0;
    do {
      // The operator writes finalizers and statuses: a replace that loses that race is tried again, as a user would.
      HttpResponse<String> current = call(client, client.getHttpClient().newHttpRequestBuilder().uri(item).build());
      if (current.code() != 200) {
        return outcome(current);
      }
      String resourceVersion = read(current.body()).path("metadata").path("resourceVersion").asText();
      ((ObjectNode) body.withObject("/metadata")).put("resourceVersion", resourceVersion);
      outcome = send(client, client.getHttpClient().newHttpRequestBuilder().uri(item + "?fieldValidation=Strict")
          .put("application/json", new String(bytes(body), StandardCharsets.UTF_8)).build());
    } while (outcome.code() == 409 && ++attempts < 5);
    return outcome;
  }

  private static String collection(KubernetesClient client, Ref ref) {
    Class<? extends CustomResource<?, ?>> type = type(ref.kind());
    String base = client.getMasterUrl().toString().replaceAll("/$", "") + "/apis/" + HasMetadata.getGroup(type) + "/"
        + HasMetadata.getVersion(type);
    return base + (ref.namespace() == null ? "" : "/namespaces/" + ref.namespace()) + "/" + HasMetadata.getPlural(type);
  }

  private static Outcome send(KubernetesClient client, HttpRequest request) {
    return outcome(call(client, request));
  }

  private static HttpResponse<String> call(KubernetesClient client, HttpRequest request) {
    try {
      return client.getHttpClient().sendAsync(request, String.class).get(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("no answer from the API server: " + e, e);
    }
  }

  private static Outcome outcome(HttpResponse<String> response) {
    if (response.isSuccessful()) {
      return new Outcome(response.code(), "");
    }
    JsonNode status = read(response.body());
    return new Outcome(response.code(), status.path("message").asText(response.body()));
  }

  private static JsonNode read(String json) {
    try {
      return JSON.readTree(json == null ? "{}" : json);
    } catch (java.io.IOException e) {
      return JSON.createObjectNode().put("message", json);
    }
  }

  private static byte[] bytes(JsonNode node) {
    try {
      return JSON.writeValueAsBytes(node);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
