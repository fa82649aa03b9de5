package dev.trellis.reader;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The operator's public keys, as published under {@code keys.json} of the ConfigMap {@code trellis-signing-keys}
 * (namespace {@code trellis-system} by default). A key retired more than {@link #RETAIN} ago is no longer trusted.
 */
public final class TrustedKeys {
  /** How long a replaced key stays trusted after its {@code retiredAt}, as the operator keeps it published. */
  public static final Duration RETAIN = Duration.ofDays(30);
  static final String ALGORITHM = "Ed25519";

  private record Key(PublicKey publicKey, Instant retiredAt) {}

  private final Map<String, Key> keys;
  private final boolean checks;

  private TrustedKeys(Map<String, Key> keys, boolean checks) {
    this.keys = keys;
    this.checks = checks;
  }

  /** Parses a {@code keys.json}; {@link GrantsException} (MALFORMED) when it is not one. */
  public static TrustedKeys parse(String keysJson) {
    Map<String, Key> out = new LinkedHashMap<>();
    try {
      Map<String, Object> root = Fields.object(Json.parse(keysJson), "keys.json");
      for (Object item : Fields.list(root, "keys", "keys.json")) {
        Map<String, Object> k = Fields.object(item, "a key of keys.json");
        String keyId = Fields.string(k, "keyId", "a key");
        String algorithm = Fields.string(k, "algorithm", keyId);
        if (!ALGORITHM.equals(algorithm)) {
          throw new GrantsException(GrantsException.Reason.MALFORMED,
              "key " + keyId + " is " + algorithm + ", not " + ALGORITHM);
        }
        PublicKey publicKey = KeyFactory.getInstance(ALGORITHM)
            .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(Fields.string(k, "publicKey", keyId))));
        String retired = Fields.optionalString(k, "retiredAt", keyId);
        out.put(keyId, new Key(publicKey, retired == null ? null : Fields.instant(retired, keyId + " retiredAt")));
      }
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new GrantsException(GrantsException.Reason.MALFORMED, "keys.json: " + e.getMessage(), e);
    }
    return new TrustedKeys(Collections.unmodifiableMap(out), true);
  }

  /** The ConfigMap the operator publishes its public keys in, in its own namespace, under {@value #KEYS_KEY}. */
  public static final String CONFIGMAP = "trellis-signing-keys";
  public static final String KEYS_KEY = "keys.json";

  /**
   * Reads {@value #CONFIGMAP} of the operator's namespace ({@code trellis-system} by default) through the API server;
   * any authenticated user may. Fetch it once at start, and again on {@link GrantsException.Reason#UNKNOWN_KEY}.
   */
  public static TrustedKeys fromApi(ApiAccess api, String operatorNamespace) {
    String json = GrantsReader.configMapData(api, operatorNamespace, CONFIGMAP).get(KEYS_KEY);
    if (json == null) {
      throw new GrantsException(GrantsException.Reason.MISSING, CONFIGMAP + " has no " + KEYS_KEY);
    }
    return parse(json);
  }

  /**
   * Trusts every document without checking any signature. For tests and tools that look at a document they already
   * trust; a connector deciding access must never use it.
   */
  public static TrustedKeys none() {
    return new TrustedKeys(Map.of(), false);
  }

  /** Whether signatures are checked at all (false only for {@link #none()}). */
  public boolean checksSignatures() {
    return checks;
  }

  /** The ids of the keys listed, trusted or not. */
  public Set<String> keyIds() {
    return keys.keySet();
  }

  /**
   * Checks that {@code signature} (base64) is the signature of {@code document}'s UTF-8 bytes by the key
   * {@code keyId}, trusted at {@code now}; {@code what} names the ConfigMap in messages.
   */
  void verify(String what, String keyId, String document, String signature, Instant now) {
    if (!checks) {
      return;
    }
    if (keyId == null) {
      throw new GrantsException(GrantsException.Reason.UNSIGNED, what + " names no signing key (keyId)");
    }
    if (signature == null) {
      throw new GrantsException(GrantsException.Reason.UNSIGNED, what + " has no grants.json.sig");
    }
    Key key = keys.get(keyId);
    if (key == null) {
      throw new GrantsException(GrantsException.Reason.UNKNOWN_KEY, what + " is signed by " + keyId
          + ", which is not among the trusted keys " + keys.keySet());
    }
    if (key.retiredAt() != null && !now.isBefore(key.retiredAt().plus(RETAIN))) {
      throw new GrantsException(GrantsException.Reason.UNKNOWN_KEY, what + " is signed by " + keyId
          + ", retired at " + key.retiredAt() + ", more than " + RETAIN.toDays() + " days ago");
    }
    boolean ok;
    try {
      Signature verifier = Signature.getInstance(ALGORITHM);
      verifier.initVerify(key.publicKey());
      verifier.update(document.getBytes(StandardCharsets.UTF_8));
      ok = verifier.verify(Base64.getDecoder().decode(signature.strip()));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      ok = false;
    }
    if (!ok) {
      throw new GrantsException(GrantsException.Reason.BAD_SIGNATURE, "the signature of " + what
          + " does not verify with " + keyId);
    }
  }

  @Override
  public String toString() {
    return checks ? "TrustedKeys" + keys.keySet() : "TrustedKeys.none()";
  }
}
