package dev.trellis.model.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trellis.api.v1alpha1.AddOn;
import dev.trellis.model.Reasons;
import dev.trellis.model.security.PasswordPolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** docs/tenancy.md agrees with the model: add-ons, reasons and the PCI DSS preset. */
class TenancyDocsTest {

  @Test
  void everyAddOnIsListedWithItsPackage() throws Exception {
    String doc = Files.readString(Path.of("docs", "tenancy.md"));
    for (AddOn a : AddOn.values()) {
      assertThat(doc).contains("| `" + a.name() + "` | " + a.pkg().name() + " |");
    }
  }

  @Test
  void everyTenancyReasonIsDocumented() throws Exception {
    String doc = Files.readString(Path.of("docs", "tenancy.md"));
    String reasons = Files.readString(Path.of("docs", "reasons.md"));
    for (String r : List.of(Reasons.PACKAGE_NOT_AVAILABLE, Reasons.PACKAGE_NOT_SUBSCRIBED, Reasons.INVALID_CIDR,
        Reasons.NO_ALLOWED_ADDRESSES, Reasons.INVALID_PASSWORD_POLICY, Reasons.INVALID_IMAGE,
        Reasons.IMAGE_TOO_LARGE, Reasons.IMAGE_DIMENSIONS, Reasons.INVALID_COLOR)) {
      assertThat(doc).contains("`" + r + "`");
      assertThat(reasons).contains("`" + r + "`");
    }
  }

  @Test
  void pciDssPresetValuesAreTheDocumentedOnes() throws Exception {
    String doc = Files.readString(Path.of("docs", "tenancy.md"));
    PasswordPolicy pci = PasswordPolicy.PCI_DSS_VALUES;
    assertThat(doc).contains("| `minLength` | minimum length, 1–128 | " + pci.minLength() + " (")
        .contains("| " + pci.maxAgeDays() + " (8.3.9)")
        .contains("| " + pci.historyCount() + " (8.3.7)")
        .contains("| " + pci.lockoutAttempts() + " (8.3.4: at most 10)")
        .contains("| " + pci.lockoutMinutes() + " (8.3.4: at least 30 minutes)")
        .contains("| " + pci.idleTimeoutMinutes() + " (8.2.8)");
  }
}
