package dev.trellis.reader;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a connector's grants document — the primary ConfigMap {@code <connector>-grants} and every shard it lists —
 * and returns it only as one consistent, verified {@link Snapshot}; anything else is a {@link GrantsException}
 * saying why. JDK only, so that it can be copied into any connector.
 */
public final class GrantsReader {
  /** The ConfigMap key holding the document. */
  public static final String DATA_KEY = "grants.json";
  /** The ConfigMap key holding the base64 Ed25519 signature of the exact bytes of {@link #DATA_KEY}. */
  public static final String SIGNATURE_KEY = "grants.json.sig";
  /** How often {@link #fromApi} reads again when it met a shard of another revision. */
  static final int API_ATTEMPTS = 4;
  private static final Pattern CONFIGMAP_NAME = Pattern.compile("[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?");

  private GrantsReader() {}

  /** The primary ConfigMap's name for a connector. */
  public static String configMapName(String connector) {
    return connector + "-grants";
  }

  /**
   * Assembles and verifies one consistent view: primary + every shard it lists; throws GrantsException with a
   * specific reason otherwise. Keys retired more than 30 days before now are not trusted.
   */
  public static Snapshot assemble(Map<String, String> primaryData,
      Map<String, Map<String, String>> shardDataByConfigMapName, TrustedKeys keys) {
    return assemble(primaryData, shardDataByConfigMapName, keys, Instant.now());
  }

  /** {@link #assemble(Map, Map, TrustedKeys)} judging key retirement at {@code now}. */
  public static Snapshot assemble(Map<String, String> primaryData,
      Map<String, Map<String, String>> shardDataByConfigMapName, TrustedKeys keys, Instant now) {
    String primaryJson = json("the primary", primaryData);
    Document primary = Document.parse("the primary", primaryJson);
    keys.verify("the primary", primary.keyId(), primaryJson, primaryData.get(SIGNATURE_KEY), now);
    List<Entry> entries = new ArrayList<>(primary.entries());
    if (primary.shards() != null) {
      if (!primary.entries().isEmpty()) {
        throw malformed("the primary lists shards but holds entries too");
      }
      Set<String> seen = new HashSet<>();
      for (String name : shardNames(primary)) {
        if (!seen.add(name)) {
          throw malformed("the primary lists shard " + name + " twice");
        }
        Map<String, String> data = shardDataByConfigMapName == null ? null : shardDataByConfigMapName.get(name);
        String what = "shard " + name;
        String shardJson = json(what, data);
        Document shard = Document.parse(what, shardJson);
        keys.verify(what, shard.keyId(), shardJson, data.get(SIGNATURE_KEY), now);
        if (!shard.revision().equals(primary.revision())) {
          throw new GrantsException(GrantsException.Reason.INCONSISTENT, what + " has revision " + shard.revision()
              + " but the primary " + primary.revision() + ": read during an update, read again");
        }
        if (shard.shards() != null || !shard.resources().isEmpty()) {
          throw malformed(what + " has shards or resources of its own");
        }
        if (!shard.organization().equals(primary.organization()) || !shard.connector().equals(primary.connector())
            || !Objects.equals(shard.orgId(), primary.orgId())) {
          throw malformed(what + " belongs to another document (organization, orgId or connector differ)");
        }
        entries.addAll(shard.entries());
      }
    }
    String recomputed = Canonical.revision(primary.organization(), primary.orgId(), primary.connector(),
        primary.resources(), entries);
    if (!recomputed.equals(primary.revision())) {
      throw new GrantsException(GrantsException.Reason.REVISION_MISMATCH, "the document states " + primary.revision()
          + " but its content hashes to " + recomputed);
    }
    return new Snapshot(primary.organization(), primary.orgId(), primary.connector(), primary.revision(),
        primary.keyId(), keys.checksSignatures(), primary.resources(), entries);
  }

  /**
   * Reads a mounted layout: {@code dir} holds the primary's {@code grants.json} and {@code grants.json.sig}; each
   * shard ConfigMap is mounted at {@code dir/<shard name>} or, failing that, beside it at
   * {@code dir/../<shard name>}. Each directory is read through its {@code ..data} link once, so one read sees
   * one version of that ConfigMap.
   */
  public static Snapshot fromDirectory(Path dir, TrustedKeys keys) {
    return fromDirectory(dir, keys, Instant.now());
  }

  static Snapshot fromDirectory(Path dir, TrustedKeys keys, Instant now) {
    Map<String, String> primaryData = readMounted(dir, "the primary");
    Document primary = Document.parse("the primary", json("the primary", primaryData));
    Map<String, Map<String, String>> shards = new LinkedHashMap<>();
    if (primary.shards() != null) {
      for (String name : shardNames(primary)) {
        Path nested = dir.resolve(name);
        Path shardDir = Files.isDirectory(nested) ? nested : dir.toAbsolutePath().resolveSibling(name);
        shards.put(name, readMounted(shardDir, "shard " + name));
      }
    }
    return assemble(primaryData, shards, keys, now);
  }

  /**
   * Reads the primary ConfigMap {@code <connector>-grants} of {@code namespace} and its shards through the API
   * server, reading again (a few times, with a short pause) when it caught them in the middle of an update.
   */
  public static Snapshot fromApi(ApiAccess api, String namespace, String connector, TrustedKeys keys) {
    if (!CONFIGMAP_NAME.matcher(namespace).matches() || !CONFIGMAP_NAME.matcher(configMapName(connector)).matches()) {
      throw new IllegalArgumentException("not a namespace and connector name: " + namespace + ", " + connector);
    }
    GrantsException last = null;
    for (int attempt = 0; attempt < API_ATTEMPTS; attempt++) {
      if (attempt > 0) {
        pause(100L << attempt);
      }
      try {
        Map<String, String> primaryData = configMapData(api, namespace, configMapName(connector));
        Document primary = Document.parse("the primary", json("the primary", primaryData));
        Map<String, Map<String, String>> shards = new LinkedHashMap<>();
        if (primary.shards() != null) {
          for (String name : shardNames(primary)) {
            shards.put(name, configMapData(api, namespace, name));
          }
        }
        return assemble(primaryData, shards, keys);
      } catch (GrantsException e) {
        if (e.reason() != GrantsException.Reason.INCONSISTENT) {
          throw e;
        }
        last = e;
      }
    }
    throw last;
  }

  static Map<String, String> configMapData(ApiAccess api, String namespace, String name) {
    String body = api.get("/api/v1/namespaces/" + namespace + "/configmaps/" + name)
        .orElseThrow(() -> new GrantsException(GrantsException.Reason.MISSING, "ConfigMap " + namespace + "/"
            + name + " does not exist"));
    try {
      Map<String, Object> cm = Fields.object(Json.parse(body), "ConfigMap " + name);
      Object data = cm.get("data");
      Map<String, String> out = new HashMap<>();
      if (data != null) {
        for (Map.Entry<String, Object> e : Fields.object(data, "data of " + name).entrySet()) {
          if (e.getValue() instanceof String) {
            out.put(e.getKey(), (String) e.getValue());
          }
        }
      }
      return out;
    } catch (IllegalArgumentException e) {
      throw new GrantsException(GrantsException.Reason.MALFORMED, "the API server's answer for " + name + ": "
          + e.getMessage(), e);
    }
  }

  /**
   * The files of a mounted ConfigMap directory. The kubelet writes a new version into a fresh directory and swaps
   * the {@code ..data} link to it: the link is read once and both files through its target, so they belong together.
   * Should the target vanish between the two (the kubelet removed the old version), the link is read again.
   */
  static Map<String, String> readMounted(Path dir, String what) {
    for (int attempt = 0;; attempt++) {
      Path base = dir;
      try {
        Path link = dir.resolve("..data");
        if (Files.isSymbolicLink(link)) {
          base = dir.resolve(Files.readSymbolicLink(link));
        }
        Map<String, String> data = new HashMap<>();
        Path doc = base.resolve(DATA_KEY);
        if (!Files.exists(doc)) {
          throw new GrantsException(GrantsException.Reason.MISSING, what + " has no " + DATA_KEY + " in " + dir);
        }
        data.put(DATA_KEY, Files.readString(doc, StandardCharsets.UTF_8));
        Path sig = base.resolve(SIGNATURE_KEY);
        if (Files.exists(sig)) {
          data.put(SIGNATURE_KEY, Files.readString(sig, StandardCharsets.UTF_8));
        }
        return data;
      } catch (NoSuchFileException e) {
        if (attempt >= 2) {
          throw new GrantsException(GrantsException.Reason.MISSING, what + ": " + e.getFile() + " vanished", e);
        }
      } catch (IOException e) {
        throw new GrantsException(GrantsException.Reason.MISSING, what + ": cannot read " + dir + ": " + e, e);
      }
    }
  }

  private static List<String> shardNames(Document primary) {
    for (String name : primary.shards()) {
      if (!CONFIGMAP_NAME.matcher(name).matches()) {
        throw malformed("the primary lists \"" + name + "\", which is not a ConfigMap name");
      }
    }
    return primary.shards();
  }

  private static String json(String what, Map<String, String> data) {
    if (data == null) {
      throw new GrantsException(GrantsException.Reason.MISSING, what + " is missing");
    }
    String json = data.get(DATA_KEY);
    if (json == null) {
      throw new GrantsException(GrantsException.Reason.MISSING, what + " has no " + DATA_KEY);
    }
    return json;
  }

  private static GrantsException malformed(String message) {
    return new GrantsException(GrantsException.Reason.MALFORMED, message);
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new GrantsException(GrantsException.Reason.INCONSISTENT, "interrupted while waiting to read again", e);
    }
  }
}
