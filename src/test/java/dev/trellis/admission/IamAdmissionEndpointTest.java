package dev.trellis.admission;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trellis.reconcile.support.Sharding;
import dev.trellis.reconcile.tenancy.OrganizationSnapshots;
import dev.trellis.reconcile.tenancy.TenancyView;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The AdmissionReview exchange itself, without a server: the answer's shape, and failing closed before caches. */
class IamAdmissionEndpointTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final IamAdmissionEndpoint endpoint =
      new IamAdmissionEndpoint(new OrganizationSnapshots(new TenancyView()), null,
          Clock.fixed(Instant.parse("2026-12-02T12:00:00Z"), ZoneOffset.UTC), Sharding.none());

  private static JsonNode review(String kind) throws Exception {
    return JSON.readTree("""
        {"apiVersion": "admission.k8s.io/v1", "kind": "AdmissionReview",
         "request": {"uid": "7f0c", "kind": {"group": "iam.trellis.dev", "version": "v1alpha1", "kind": "%s"},
                     "namespace": "org-mrpaints", "name": "x", "operation": "CREATE",
                     "userInfo": {"username": "alice@mrpaints.com", "groups": ["system:authenticated"]},
                     "object": {"spec": {}}, "oldObject": null}}
        """.formatted(kind));
  }

  @Test
  void beforeItsCachesExistTrellisRefusesIamWritesWithAReason() throws Exception {
    JsonNode answer = endpoint.review(review("RoleBinding"));
    assertThat(answer.path("apiVersion").asText()).isEqualTo("admission.k8s.io/v1");
    assertThat(answer.path("kind").asText()).isEqualTo("AdmissionReview");
    assertThat(answer.path("response").path("uid").asText()).isEqualTo("7f0c");
    assertThat(answer.path("response").path("allowed").asBoolean()).isFalse();
    assertThat(answer.path("response").path("status").path("code").asInt()).isEqualTo(403);
    assertThat(answer.path("response").path("status").path("message").asText()).contains("Trellis is starting");
  }

  @Test
  void kindsTrellisDoesNotDecidePass() throws Exception {
    for (String kind : new String[] {"ManagedResource", "InvitationAcceptance"}) {
      JsonNode answer = endpoint.review(review(kind));
      assertThat(answer.path("response").path("allowed").asBoolean()).as(kind).isTrue();
      assertThat(answer.path("response").has("status")).isFalse();
    }
  }

  @Test
  void aShardRefusesReviewsOfAnotherShardsNamespacesItDoesNotCache() throws Exception {
    int other = 1 - new Sharding(2, 0).shardOf("org-mrpaints");
    IamAdmissionEndpoint elsewhere = new IamAdmissionEndpoint(new OrganizationSnapshots(new TenancyView()), null,
        Clock.fixed(Instant.parse("2026-12-02T12:00:00Z"), ZoneOffset.UTC), new Sharding(2, other));
    JsonNode answer = elsewhere.review(review("RoleBinding"));
    assertThat(answer.path("response").path("allowed").asBoolean()).isFalse();
    assertThat(answer.path("response").path("status").path("message").asText())
        .contains("namespace org-mrpaints is served by Trellis shard " + (1 - other) + "-of-2");
  }
}
