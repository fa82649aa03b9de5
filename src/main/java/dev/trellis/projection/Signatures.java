package dev.trellis.projection;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Ed25519 signatures of grants documents: a detached signature over the exact UTF-8 bytes of a ConfigMap's
 * {@code grants.json}, so that a connector can tell a document the operator wrote from one anybody else did.
 * Ed25519 is deterministic: the same document and key give the same signature, so an unchanged document is never
 * rewritten.
 */
public final class Signatures {
  /** The ConfigMap key beside {@code grants.json} holding its signature (base64). */
  public static final String SIGNATURE_KEY = Projection.DATA_KEY + ".sig";
  public static final String ALGORITHM = "Ed25519";

  private Signatures() {}

  public static KeyPair generate() {
    try {
      return KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JVM has no Ed25519", e);
    }
  }

  /** The base64 signature of {@code document}'s UTF-8 bytes. */
  public static String sign(PrivateKey key, String document) {
    try {
      Signature signature = Signature.getInstance(ALGORITHM);
      signature.initSign(key);
      signature.update(document.getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(signature.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("could not sign a grants document", e);
    }
  }

  /** Whether {@code signature} (base64) is {@code key}'s signature of {@code document}; false for anything malformed. */
  public static boolean verify(PublicKey key, String document, String signature) {
    try {
      Signature verifier = Signature.getInstance(ALGORITHM);
      verifier.initVerify(key);
      verifier.update(document.getBytes(StandardCharsets.UTF_8));
      return verifier.verify(Base64.getDecoder().decode(signature));
    } catch (GeneralSecurityException | IllegalArgumentException | NullPointerException e) {
      return false;
    }
  }

  /** A key's id: {@code ed25519-} and the first 16 hex digits of the SHA-256 of its public key (X.509 DER). */
  public static String keyId(PublicKey key) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
      return "ed25519-" + HexFormat.of().formatHex(digest, 0, 8);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The public key (X.509 SubjectPublicKeyInfo DER) as base64, as published. */
  public static String encode(PublicKey key) {
    return Base64.getEncoder().encodeToString(key.getEncoded());
  }

  /** The private key (PKCS#8 DER) as base64, as kept in the operator's Secret. */
  public static String encode(PrivateKey key) {
    return Base64.getEncoder().encodeToString(key.getEncoded());
  }

  public static PublicKey publicKey(String base64) {
    try {
      return KeyFactory.getInstance(ALGORITHM)
          .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("not an Ed25519 public key", e);
    }
  }

  public static PrivateKey privateKey(String base64) {
    try {
      return KeyFactory.getInstance(ALGORITHM)
          .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("not an Ed25519 private key", e);
    }
  }
}
