package dev.trellis.model.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecurityDocumentTest {

  @Test
  void rendersCanonicalJsonUnderOneKey() {
    SecurityPolicy p = new SecurityPolicy(List.of("10.0.0.0/8", "2001:db8::/32"), true, false, false, true,
        PasswordPolicy.pciDss());

    Map<String, String> data = SecurityDocument.render(p);

    assertThat(data).containsOnlyKeys("security.json");
    assertThat(data.get("security.json")).isEqualTo("{\"allowedIpRanges\":[\"10.0.0.0/8\",\"2001:db8::/32\"],"
        + "\"blockDuplicateCloudAccounts\":true,"
        + "\"password\":{\"historyCount\":4,\"idleTimeoutMinutes\":15,\"lockoutAttempts\":10,\"lockoutMinutes\":30,"
        + "\"maxAgeDays\":90,\"minLength\":12,\"preset\":\"PCI_DSS\",\"requireDigit\":true,\"requireLowercase\":true,"
        + "\"requireSpecial\":false,\"requireUppercase\":true},"
        + "\"requireTwoFactor\":true,\"showCopyClipboard\":false,\"skipUserConsent\":false}");
  }

  @Test
  void isValidJsonWithSortedKeysAndStableBytes() throws Exception {
    SecurityPolicy p = SecurityPolicies.effective(SecurityPolicy.inheritAll(), null).policy();

    String json = SecurityDocument.json(p);
    JsonNode node = new ObjectMapper().readTree(json);

    assertThat(node.path("password").isNull()).isTrue();
    assertThat(node.path("allowedIpRanges")).hasSize(2);
    List<String> keys = new java.util.ArrayList<>();
    node.fieldNames().forEachRemaining(keys::add);
    assertThat(keys).isSorted();
    assertThat(SecurityDocument.json(SecurityPolicies.effective(SecurityPolicy.inheritAll(), null).policy()))
        .isEqualTo(json);
  }
}
