package dev.trellis.reconcile.support;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.javaoperatorsdk.operator.processing.event.source.informer.TransformingItemStore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * ConfigMaps as an informer keeps them when only their content's identity matters: metadata (resourceVersion,
 * labels, owner references) and a SHA-256 of the data in place of the data. The grants ConfigMaps are most of what
 * the operator would otherwise hold in memory (each up to 900 KiB, one or more per connector), and it never reads
 * them back: it compares what it wants to write with what is there, and notices anyone else's write by its
 * resourceVersion.
 *
 * <p>The digest and the size travel in annotations under {@value #PREFIX} that exist only in the operator's cache,
 * never on the server (the store computes them from each object it receives, whatever annotations it carries). An
 * object written a moment ago and not yet seen by the informer is cached whole; {@link #digest} answers for both.
 */
public final class CachedContent {
  public static final String PREFIX = "cache.trellis.dev/";
  static final String DIGEST = PREFIX + "content-sha256";
  static final String BYTES = PREFIX + "content-bytes";

  private CachedContent() {}

  /** The informer store that keeps ConfigMaps without their data. */
  public static TransformingItemStore<ConfigMap> store() {
    return new TransformingItemStore<>(CachedContent::strip);
  }

  /**
   * The object without metadata.managedFields, which the operator never reads (it writes by server-side apply under
   * its own field managers) and which are often the larger part of a small object. Changes the object given.
   */
  public static <R extends HasMetadata> R withoutManagedFields(R resource) {
    resource.getMetadata().setManagedFields(null);
    return resource;
  }

  /** The ConfigMap without data and binaryData, with their digest and size in cache-only annotations. */
  public static ConfigMap strip(ConfigMap full) {
    ObjectMeta meta = full.getMetadata();
    ObjectMeta kept = new ObjectMeta();
    kept.setName(meta.getName());
    kept.setNamespace(meta.getNamespace());
    kept.setUid(meta.getUid());
    kept.setResourceVersion(meta.getResourceVersion());
    kept.setGeneration(meta.getGeneration());
    kept.setCreationTimestamp(meta.getCreationTimestamp());
    kept.setDeletionTimestamp(meta.getDeletionTimestamp());
    kept.setLabels(meta.getLabels());
    kept.setOwnerReferences(meta.getOwnerReferences());
    kept.setFinalizers(meta.getFinalizers());
    Map<String, String> annotations = new LinkedHashMap<>();
    if (meta.getAnnotations() != null) {
      meta.getAnnotations().forEach((k, v) -> {
        if (!k.startsWith(PREFIX)) {
          annotations.put(k, v);
        }
      });
    }
    annotations.put(DIGEST, computedDigest(full));
    annotations.put(BYTES, Long.toString(computedBytes(full)));
    kept.setAnnotations(annotations);
    ConfigMap stripped = new ConfigMap();
    stripped.setApiVersion(full.getApiVersion());
    stripped.setKind(full.getKind());
    stripped.setMetadata(kept);
    stripped.setImmutable(full.getImmutable());
    stripped.setData(null);
    stripped.setBinaryData(null);
    return stripped;
  }

  /** SHA-256 of data and binaryData (sorted by key), for a whole or a stripped ConfigMap. */
  public static String digest(ConfigMap configMap) {
    String cached = stripped(configMap) ? annotation(configMap, DIGEST) : null;
    return cached != null ? cached : computedDigest(configMap);
  }

  private static String computedDigest(ConfigMap configMap) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      feed(sha, 'd', configMap.getData());
      feed(sha, 'b', configMap.getBinaryData());
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The UTF-8 size of the data's values, for a whole or a stripped ConfigMap. */
  public static long bytes(ConfigMap configMap) {
    String cached = stripped(configMap) ? annotation(configMap, BYTES) : null;
    return cached != null ? Long.parseLong(cached) : computedBytes(configMap);
  }

  private static long computedBytes(ConfigMap configMap) {
    return configMap.getData() == null ? 0 : configMap.getData().values().stream()
        .mapToLong(v -> v.getBytes(StandardCharsets.UTF_8).length).sum();
  }

  /** Whether the ConfigMap is in the stripped form: no content, and a digest in its place. */
  private static boolean stripped(ConfigMap configMap) {
    return (configMap.getData() == null || configMap.getData().isEmpty())
        && (configMap.getBinaryData() == null || configMap.getBinaryData().isEmpty());
  }

  private static void feed(MessageDigest sha, char section, Map<String, String> entries) {
    if (entries == null) {
      return;
    }
    for (var e : new TreeMap<>(entries).entrySet()) {
      sha.update((byte) section);
      sha.update(e.getKey().getBytes(StandardCharsets.UTF_8));
      sha.update((byte) 0);
      sha.update(e.getValue().getBytes(StandardCharsets.UTF_8));
      sha.update((byte) 0);
    }
  }

  private static String annotation(ConfigMap configMap, String key) {
    Map<String, String> annotations = configMap.getMetadata().getAnnotations();
    return annotations == null ? null : annotations.get(key);
  }
}
