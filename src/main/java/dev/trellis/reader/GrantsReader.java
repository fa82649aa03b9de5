package dev.trellis.reader;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
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
    if (!Document.KIND.equals(primary.kind())) {
      throw malformed("the primary is a " + primary.kind() + ", one part of a document, not a " + Document.KIND);
    }
    keys.verify("the primary", primary.keyId(), primaryJson, primaryData.get(SIGNATURE_KEY), now);
    return primary.v1alpha2() ? assembleV1alpha2(primary, shardDataByConfigMapName, keys, now)
        : assembleV1alpha1(primary, shardDataByConfigMapName, keys, now);
  }

  /**
   * v1alpha1: shards are contiguous runs of the entries, each carrying the primary's revision, which is recomputed
   * over the reassembled document.
   */
  private static Snapshot assembleV1alpha1(Document primary, Map<String, Map<String, String>> shardData,
      TrustedKeys keys, Instant now) {
    List<Entry> entries = new ArrayList<>(primary.entries());
    if (primary.shards() != null) {
      if (!primary.entries().isEmpty()) {
        throw malformed("the primary lists shards but holds entries too");
      }
      for (String name : shardNames(primary)) {
        String what = "shard " + name;
        Map<String, String> data = shardData == null ? null : shardData.get(name);
        String shardJson = json(what, data);
        Document shard = Document.parse(what, shardJson);
        if (shard.v1alpha2()) {
          throw malformed(what + " is an " + shard.apiVersion() + " " + shard.kind() + " but the primary is "
              + Document.API_VERSION);
        }
        keys.verify(what, shard.keyId(), shardJson, data.get(SIGNATURE_KEY), now);
        if (!shard.revision().equals(primary.revision())) {
          throw new GrantsException(GrantsException.Reason.INCONSISTENT, what + " has revision " + shard.revision()
              + " but the primary " + primary.revision() + ": read during an update, read again");
        }
        if (shard.shards() != null || !shard.resources().isEmpty()) {
          throw malformed(what + " has shards or resources of its own");
        }
        sameDocument(primary, shard, what);
        entries.addAll(shard.entries());
      }
    }
    String recomputed = Canonical.revision(primary.organization(), primary.orgId(), primary.connector(),
        primary.resources(), entries);
    if (!recomputed.equals(primary.revision())) {
      throw new GrantsException(GrantsException.Reason.REVISION_MISMATCH, "the document states " + primary.revision()
          + " but its content hashes to " + recomputed);
    }
    return snapshot(primary, keys, primary.resources(), entries);
  }

  /**
   * v1alpha2: the primary is either the whole document or names every shard with its revision; each shard
   * (kind GrantsDocumentShard) holds some resources and their entries, with a revision of its own. The primary's
   * revision covers the shards' names and revisions, each shard's its own content; a shard whose revision is not the
   * one the primary names belongs to another version of the document.
   */
  private static Snapshot assembleV1alpha2(Document primary, Map<String, Map<String, String>> shardData,
      TrustedKeys keys, Instant now) {
    if (primary.shards() == null) {
      checkOwnRevision(primary, "the document");
      return snapshot(primary, keys, primary.resources(), primary.entries());
    }
    if (!primary.resources().isEmpty() || !primary.entries().isEmpty()) {
      throw malformed("the primary lists shards but holds resources or entries too");
    }
    List<String> names = shardNames(primary);
    checkOwnRevision(primary, "the primary");
    List<Resource> resources = new ArrayList<>();
    List<Entry> entries = new ArrayList<>();
    Map<String, String> shardOfResource = new HashMap<>();
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i);
      String what = "shard " + name;
      Map<String, String> data = shardData == null ? null : shardData.get(name);
      String shardJson = json(what, data);
      Document shard = Document.parse(what, shardJson);
      if (!shard.v1alpha2() || !Document.SHARD_KIND.equals(shard.kind())) {
        throw malformed(what + " is an " + shard.apiVersion() + " " + shard.kind() + ", not an "
            + Document.API_VERSION_2 + " " + Document.SHARD_KIND);
      }
      sameDocument(primary, shard, what);
      // A shard is not signed: its content must hash to its revision and that to the one the signed primary names.
      // (A keyId and signature of its own, which operators wrote before, are neither needed nor checked.)
      checkOwnRevision(shard, what);
      String named = primary.shards().get(i).revision();
      if (!shard.revision().equals(named)) {
        throw new GrantsException(GrantsException.Reason.INCONSISTENT, what + " has revision " + shard.revision()
            + " but the primary names " + named + ": read during an update, read again");
      }
      for (Resource r : shard.resources()) {
        String before = shardOfResource.putIfAbsent(r.name(), name);
        if (before != null) {
          throw malformed("resource " + r.name() + " is listed by " + (before.equals(name) ? what + " twice"
              : "shard " + before + " and " + what));
        }
      }
      resources.addAll(shard.resources());
      entries.addAll(shard.entries());
    }
    for (Entry e : entries) {
      if (!shardOfResource.containsKey(e.resource())) {
        throw malformed("an entry of " + e.subject() + " is on resource " + e.resource() + ", which no shard lists");
      }
    }
    // Shards come in bucket order: back to document order (resources by name, entries by resource, each resource's
    // entries as written), so that a view does not depend on how the document was cut.
    resources.sort(Comparator.comparing(Resource::name));
    entries.sort(Comparator.comparing(Entry::resource));
    return snapshot(primary, keys, resources, entries);
  }

  private static void checkOwnRevision(Document part, String what) {
    String recomputed = Canonical.ownRevision(part);
    if (!recomputed.equals(part.revision())) {
      throw new GrantsException(GrantsException.Reason.REVISION_MISMATCH, what + " states " + part.revision()
          + " but its content hashes to " + recomputed);
    }
  }

  private static void sameDocument(Document primary, Document shard, String what) {
    if (!shard.organization().equals(primary.organization()) || !shard.connector().equals(primary.connector())
        || !Objects.equals(shard.orgId(), primary.orgId())) {
      throw malformed(what + " belongs to another document (organization, orgId or connector differ)");
    }
  }

  private static Snapshot snapshot(Document primary, TrustedKeys keys, List<Resource> resources,
      List<Entry> entries) {
    return new Snapshot(primary.organization(), primary.orgId(), primary.connector(), primary.revision(),
        primary.keyId(), keys.checksSignatures(), resources, entries);
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
   * server, reading again (a few times, with a short pause) when it caught them in the middle of an update: a shard
   * of another revision, or (v1alpha2) a shard the primary names that is gone.
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
      Document primary = null;
      try {
        Map<String, String> primaryData = configMapData(api, namespace, configMapName(connector));
        primary = Document.parse("the primary", json("the primary", primaryData));
        Map<String, Map<String, String>> shards = new LinkedHashMap<>();
        if (primary.shards() != null) {
          for (String name : shardNames(primary)) {
            shards.put(name, configMapData(api, namespace, name));
          }
        }
        return assemble(primaryData, shards, keys);
      } catch (GrantsException e) {
        // v1alpha2: the operator deletes the shards a new primary no longer names right after writing it, so a
        // shard named by the primary just read may be gone already; the next read finds the new primary.
        boolean shardGone = e.reason() == GrantsException.Reason.MISSING && primary != null && primary.v1alpha2();
        if (e.reason() != GrantsException.Reason.INCONSISTENT && !shardGone) {
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

  /** The shards' ConfigMap names, in order: each a valid ConfigMap name, none twice. */
  private static List<String> shardNames(Document primary) {
    Set<String> seen = new HashSet<>();
    for (String name : primary.shardNames()) {
      if (!CONFIGMAP_NAME.matcher(name).matches()) {
        throw malformed("the primary lists \"" + name + "\", which is not a ConfigMap name");
      }
      if (!seen.add(name)) {
        throw malformed("the primary lists shard " + name + " twice");
      }
    }
    return primary.shardNames();
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
