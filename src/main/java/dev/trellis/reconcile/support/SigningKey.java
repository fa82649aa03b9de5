package dev.trellis.reconcile.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trellis.api.v1alpha1.ApiConstants;
import dev.trellis.projection.Revision;
import dev.trellis.projection.Signatures;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The operator's Ed25519 signing key. It lives in the Secret {@value #SECRET} of the operator's own namespace, which
 * only the operator (and that namespace's administrators) may read; it is made on first use. Its public key, and
 * earlier ones for {@link KeyRing#RETAIN}, are published in the ConfigMap {@value #PUBLIC_KEYS} of the same
 * namespace, key {@value #PUBLIC_KEYS_KEY}, which every authenticated user may read. To rotate: delete the Secret
 * and restart the operator; it makes a new key and re-signs every document.
 */
@ApplicationScoped
public class SigningKey {
  public static final String SECRET = "trellis-signing-key";
  public static final String PUBLIC_KEYS = "trellis-signing-keys";
  public static final String PUBLIC_KEYS_KEY = "keys.json";
  private static final Logger LOG = Logger.getLogger(SigningKey.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final KubernetesClient client;
  private final Clock clock;
  private final String namespace;
  private volatile Loaded loaded;

  private record Loaded(String keyId, PrivateKey key) {}

  public SigningKey(KubernetesClient client, Clock clock,
      @ConfigProperty(name = "trellis.operator.namespace", defaultValue = "trellis-system") String namespace) {
    this.client = client;
    this.clock = clock;
    this.namespace = namespace;
  }

  /** The id of the key documents are signed with; the key is loaded (or made) on first use. */
  public String keyId() {
    return load().keyId();
  }

  /**
   * The base64 Ed25519 signature of {@code document}. Ed25519 signatures are deterministic, so the signature of a
   * document signed before is taken from a memo (keyed by the document's SHA-256): every reconcile renders and
   * compares all of a connector's shards, and signing them again cost a third of the operator's CPU over changes.
   */
  public String sign(String document) {
    Loaded key = load();
    String digest = Revision.of(document);
    synchronized (signatures) {
      String known = signatures.get(digest);
      if (known != null) {
        return known;
      }
    }
    String signature = Signatures.sign(key.key(), document);
    synchronized (signatures) {
      signatures.put(digest, signature);
    }
    return signature;
  }

  /** The most signatures remembered: a little more than the shards of 200 organizations' documents. */
  static final int SIGNATURE_MEMO = 16_384;

  /** Document digest → signature with the loaded key, least recently used first. */
  private final Map<String, String> signatures = new LinkedHashMap<>(256, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
      return size() > SIGNATURE_MEMO;
    }
  };

  private Loaded load() {
    Loaded current = loaded;
    if (current == null) {
      synchronized (this) {
        if (loaded == null) {
          loaded = readOrCreate();
        }
        current = loaded;
      }
    }
    return current;
  }

  private Loaded readOrCreate() {
    if (client.namespaces().withName(namespace).get() == null) {
      try {
        client.resource(new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata().build()).create();
      } catch (KubernetesClientException e) {
        if (e.getCode() != HttpURLConnection.HTTP_CONFLICT) {
          throw e;
        }
      }
    }
    Secret secret = client.secrets().inNamespace(namespace).withName(SECRET).get();
    if (secret == null) {
      KeyPair pair = Signatures.generate();
      String keyId = Signatures.keyId(pair.getPublic());
      try {
        secret = client.resource(new SecretBuilder().withNewMetadata().withName(SECRET).withNamespace(namespace)
            .addToLabels(ApiConstants.MANAGED_BY_LABEL, ApiConstants.MANAGED_BY).endMetadata()
            .withType("Opaque")
            .addToData("keyId", b64(keyId))
            .addToData("privateKey", b64(Signatures.encode(pair.getPrivate())))
            .addToData("publicKey", b64(Signatures.encode(pair.getPublic())))
            .build()).create();
        LOG.infof("made signing key %s in Secret %s/%s", keyId, namespace, SECRET);
      } catch (KubernetesClientException e) {
        if (e.getCode() != HttpURLConnection.HTTP_CONFLICT) {
          throw e;
        }
        secret = client.secrets().inNamespace(namespace).withName(SECRET).get(); // another replica made it
      }
    }
    Map<String, String> data = secret.getData();
    String keyId = unb64(data.get("keyId"));
    String publicKey = unb64(data.get("publicKey"));
    if (!keyId.equals(Signatures.keyId(Signatures.publicKey(publicKey)))) {
      throw new IllegalStateException("Secret " + namespace + "/" + SECRET + ": keyId does not match its public key");
    }
    publish(keyId, publicKey);
    return new Loaded(keyId, Signatures.privateKey(unb64(data.get("privateKey"))));
  }

  /** Adds the key to the published ring (retiring the one it replaces), writing only on change. */
  private void publish(String keyId, String publicKey) {
    ConfigMap existing = client.configMaps().inNamespace(namespace).withName(PUBLIC_KEYS).get();
    KeyRing ring = new KeyRing(List.of());
    if (existing != null && existing.getData() != null && existing.getData().get(PUBLIC_KEYS_KEY) != null) {
      try {
        ring = JSON.readValue(existing.getData().get(PUBLIC_KEYS_KEY), KeyRing.class);
      } catch (IOException e) {
        LOG.warnf("ConfigMap %s/%s is not a key ring; writing it anew", namespace, PUBLIC_KEYS);
      }
    }
    KeyRing next = ring.with(keyId, publicKey, clock.instant());
    if (next.equals(ring)) {
      return;
    }
    try {
      client.resource(new ConfigMapBuilder().withNewMetadata().withName(PUBLIC_KEYS).withNamespace(namespace)
          .addToLabels(ApiConstants.MANAGED_BY_LABEL, ApiConstants.MANAGED_BY).endMetadata()
          .addToData(PUBLIC_KEYS_KEY, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(next)).build())
          .fieldManager(StatusWriter.FIELD_MANAGER).forceConflicts().serverSideApply();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String b64(String value) {
    return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
  }

  private static String unb64(String value) {
    return new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8);
  }
}
