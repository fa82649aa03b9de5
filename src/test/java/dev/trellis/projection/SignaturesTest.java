package dev.trellis.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPair;
import org.junit.jupiter.api.Test;

class SignaturesTest {
  private final KeyPair pair = Signatures.generate();
  private final String document = "{\"apiVersion\":\"iam.trellis.dev/v1alpha1\",\"entries\":[\"é\"]}";

  @Test
  void aSignatureVerifiesWithItsPublicKeyOnly() {
    String signature = Signatures.sign(pair.getPrivate(), document);
    assertThat(Signatures.verify(pair.getPublic(), document, signature)).isTrue();
    assertThat(Signatures.verify(Signatures.generate().getPublic(), document, signature)).isFalse();
  }

  @Test
  void aChangedDocumentOrSignatureDoesNotVerify() {
    String signature = Signatures.sign(pair.getPrivate(), document);
    assertThat(Signatures.verify(pair.getPublic(), document.replace("é", "e"), signature)).isFalse();
    assertThat(Signatures.verify(pair.getPublic(), document + " ", signature)).isFalse();
    assertThat(Signatures.verify(pair.getPublic(), document, "not base64!")).isFalse();
    assertThat(Signatures.verify(pair.getPublic(), document, null)).isFalse();
  }

  @Test
  void theSameDocumentGetsTheSameSignatureSoNothingIsRewritten() {
    assertThat(Signatures.sign(pair.getPrivate(), document)).isEqualTo(Signatures.sign(pair.getPrivate(), document));
  }

  @Test
  void keysSurviveTheirEncodingAndHaveAStableId() {
    var publicKey = Signatures.publicKey(Signatures.encode(pair.getPublic()));
    var privateKey = Signatures.privateKey(Signatures.encode(pair.getPrivate()));
    assertThat(Signatures.verify(publicKey, document, Signatures.sign(privateKey, document))).isTrue();
    assertThat(Signatures.keyId(publicKey)).matches("^ed25519-[0-9a-f]{16}$")
        .isEqualTo(Signatures.keyId(pair.getPublic()));
  }

  @Test
  void aSignedProjectionNamesItsKeyInEveryPartButKeepsTheRevisionOfItsGrants() {
    var d = new dev.trellis.model.grants.GrantsDocument("o", "id", "c", java.util.List.of(), java.util.List.of());
    Projection unsigned = GrantsProjector.project(d);
    Projection signed = GrantsProjector.project(d, GrantsProjector.DEFAULT_LIMIT_BYTES, "ed25519-0123456789abcdef");
    assertThat(signed.revision()).isEqualTo(unsigned.revision());
    assertThat(signed.configMaps().values()).allMatch(json -> json.contains("\"keyId\":\"ed25519-0123456789abcdef\""));
    assertThat(unsigned.configMaps().values()).noneMatch(json -> json.contains("keyId"));
  }
}
