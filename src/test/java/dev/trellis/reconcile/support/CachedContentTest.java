package dev.trellis.reconcile.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CachedContentTest {

  private static ConfigMap configMap(Map<String, String> data, Map<String, String> annotations) {
    return new ConfigMapBuilder().withNewMetadata().withName("c-grants").withNamespace("org-a")
        .withResourceVersion("42").withUid("u-1").addToLabels("iam.trellis.dev/connector", "c")
        .withAnnotations(annotations).addNewOwnerReference().withName("c").withKind("Connector").endOwnerReference()
        .endMetadata().withData(data).build();
  }

  @Test
  void theStrippedFormKeepsMetadataAndTheContentsIdentityButNotTheContent() {
    ConfigMap full = configMap(Map.of("grants.json", "{\"é\":1}", "grants.json.sig", "c2ln"), Map.of("a", "b"));
    ConfigMap stripped = CachedContent.strip(full);

    assertThat(stripped.getData()).isNull();
    assertThat(stripped.getMetadata().getResourceVersion()).isEqualTo("42");
    assertThat(stripped.getMetadata().getUid()).isEqualTo("u-1");
    assertThat(stripped.getMetadata().getLabels()).containsEntry("iam.trellis.dev/connector", "c");
    assertThat(stripped.getMetadata().getOwnerReferences()).isEqualTo(full.getMetadata().getOwnerReferences());
    assertThat(stripped.getMetadata().getAnnotations()).containsEntry("a", "b");
    assertThat(CachedContent.digest(stripped)).isEqualTo(CachedContent.digest(full)).hasSize(64);
    assertThat(CachedContent.bytes(stripped)).isEqualTo(CachedContent.bytes(full)).isEqualTo(8 + 4); // é is two bytes
    assertThat(full.getData()).hasSize(2); // the informer's object is not changed
  }

  @Test
  void theApplierSeesAStrippedCachedCopyAsTheSameContentOnlyWhenItIs() {
    ConfigMap written = configMap(Map.of("grants.json", "{\"a\":1}"), null);
    ConfigMap cached = CachedContent.strip(written);
    ConfigMap desired = configMap(Map.of("grants.json", "{\"a\":1}"), null);
    assertThat(ConfigMapApplier.sameContent(cached, desired)).isTrue();
    assertThat(ConfigMapApplier.sameContent(written, desired)).isTrue();
    assertThat(ConfigMapApplier.sameContent(cached, configMap(Map.of("grants.json", "{\"a\":2}"), null))).isFalse();
    assertThat(ConfigMapApplier.sameContent(cached, configMap(Map.of(), null))).isFalse();
  }

  @Test
  void managedFieldsAreDroppedAndNothingElse() {
    ConfigMap cm = configMap(Map.of("k", "v"), Map.of("a", "b"));
    cm.getMetadata().setManagedFields(java.util.List.of(new io.fabric8.kubernetes.api.model.ManagedFieldsEntry()));
    ConfigMap kept = CachedContent.withoutManagedFields(cm);
    assertThat(kept.getMetadata().getManagedFields()).isNullOrEmpty();
    assertThat(kept.getData()).containsEntry("k", "v");
    assertThat(kept.getMetadata().getAnnotations()).containsEntry("a", "b");
    assertThat(kept.getMetadata().getResourceVersion()).isEqualTo("42");
  }

  @Test
  void anyDifferenceInTheDataGivesAnotherDigest() {
    String base = CachedContent.digest(configMap(Map.of("grants.json", "{}"), null));
    assertThat(CachedContent.digest(configMap(Map.of("grants.json", "{ }"), null))).isNotEqualTo(base);
    assertThat(CachedContent.digest(configMap(Map.of("grants.jso", "n{}"), null))).isNotEqualTo(base);
    assertThat(CachedContent.digest(configMap(Map.of("grants.json", "{}", "x", ""), null))).isNotEqualTo(base);
    assertThat(CachedContent.digest(configMap(Map.of(), null)))
        .isEqualTo(CachedContent.digest(configMap(null, null)));
  }

  @Test
  void aDigestAnnotationWrittenOnTheServerIsNotBelieved() {
    ConfigMap fake = configMap(Map.of("grants.json", "{\"tampered\":true}"),
        Map.of(CachedContent.DIGEST, CachedContent.digest(configMap(Map.of("grants.json", "{}"), null))));
    assertThat(CachedContent.digest(CachedContent.strip(fake)))
        .isEqualTo(CachedContent.digest(configMap(Map.of("grants.json", "{\"tampered\":true}"), null)));
    assertThat(CachedContent.digest(fake))
        .isNotEqualTo(CachedContent.digest(configMap(Map.of("grants.json", "{}"), null)));
    // Emptied on the server with a forged digest: the store computes the digest of what is there.
    ConfigMap emptied = configMap(Map.of(), Map.of(CachedContent.DIGEST, "0".repeat(64)));
    assertThat(CachedContent.digest(CachedContent.strip(emptied)))
        .isEqualTo(CachedContent.digest(configMap(null, null)));
  }
}
