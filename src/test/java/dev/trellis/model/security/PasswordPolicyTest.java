package dev.trellis.model.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

  @Test
  void pciDssPresetIsFixed() {
    PasswordPolicy pci = PasswordPolicy.pciDss();

    assertThat(pci.minLength()).isEqualTo(12);
    assertThat(pci.maxAgeDays()).isEqualTo(90);
    assertThat(pci.historyCount()).isEqualTo(4);
    assertThat(pci.lockoutAttempts()).isEqualTo(10);
    assertThat(pci.lockoutMinutes()).isEqualTo(30);
    assertThat(pci.idleTimeoutMinutes()).isEqualTo(15);
    assertThat(pci.requireUppercase() && pci.requireLowercase() && pci.requireDigit()).isTrue();
    assertThat(pci.requireSpecial()).isFalse();
  }

  @Test
  void presetIgnoresTheValuesWrittenBesideIt() {
    PasswordPolicy written = new PasswordPolicy(PasswordPreset.PCI_DSS, 4, 0, 0, false, false, false, false, 0, 0, 0);

    assertThat(written.resolved()).isEqualTo(PasswordPolicy.PCI_DSS_VALUES);
    assertThat(written.problem()).isEmpty();
  }

  @Test
  void stricterTakesTheStricterValueOfEachRule() {
    PasswordPolicy a = PasswordPolicy.custom(16, 0, 2, false, true, false, true, 0, 15, 30);
    PasswordPolicy b = PasswordPolicy.custom(8, 60, 5, true, false, true, false, 5, 10, 0);

    PasswordPolicy s = a.stricter(b);

    assertThat(s).isEqualTo(PasswordPolicy.custom(16, 60, 5, true, true, true, true, 5, 15, 30));
    assertThat(b.stricter(a)).isEqualTo(s);
    assertThat(s.atLeastAsStrictAs(a)).isTrue();
    assertThat(s.atLeastAsStrictAs(b)).isTrue();
    assertThat(a.atLeastAsStrictAs(b)).isFalse();
  }

  @Test
  void customAtLeastAsStrictAsPciStaysCustomAndPciWithItselfStaysPci() {
    PasswordPolicy longer = PasswordPolicy.custom(14, 90, 4, true, true, true, false, 10, 30, 15);

    assertThat(longer.stricter(PasswordPolicy.pciDss())).isEqualTo(longer);
    assertThat(PasswordPolicy.pciDss().stricter(PasswordPolicy.pciDss())).isEqualTo(PasswordPolicy.pciDss());
    PasswordPolicy sameAsPci = PasswordPolicy.custom(12, 90, 4, true, true, true, false, 10, 30, 15);
    assertThat(sameAsPci.stricter(PasswordPolicy.pciDss()).preset()).isEqualTo(PasswordPreset.PCI_DSS);
  }

  @Test
  void outOfRangeCustomValuesAreNamed() {
    PasswordPolicy bad = PasswordPolicy.custom(0, -1, 30, false, false, false, false, 0, 0, 0);

    assertThat(bad.problem()).contains("The password policy is out of range: minLength 0 is not from 1 to 128,"
        + " maxAgeDays -1 is not from 0 to 3650, historyCount 30 is not from 0 to 24.");
    assertThat(PasswordPolicy.custom(8, 0, 0, false, false, false, false, 0, 0, 0).problem()).isEmpty();
  }
}
