package dev.trellis.model.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trellis.model.Reasons;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecurityPoliciesTest {

  private static SecurityPolicy ranges(String... cidrs) {
    return new SecurityPolicy(List.of(cidrs), false, true, true, false, null);
  }

  @Test
  void rootThatSetsNothingIsUnrestricted() {
    EffectiveSecurity e = SecurityPolicies.effective(SecurityPolicy.inheritAll(), null);

    assertThat(e.verdict().ready()).isTrue();
    assertThat(e.policy()).isEqualTo(SecurityPolicy.unrestricted());
    assertThat(e.policy().allowedIpRanges()).containsExactly("0.0.0.0/0", "::/0");
  }

  @Test
  void rootRangesAreNormalized() {
    EffectiveSecurity e = SecurityPolicies.effective(ranges("10.0.1.0/24", "10.0.0.0/24", "2001:db8::/32"), null);

    assertThat(e.policy().allowedIpRanges()).containsExactly("10.0.0.0/23", "2001:db8::/32");
  }

  @Test
  void childWithoutRangesInheritsTheParents() {
    SecurityPolicy parent = SecurityPolicies.effective(ranges("10.0.0.0/8"), null).policy();

    assertThat(SecurityPolicies.effective(SecurityPolicy.inheritAll(), parent).policy().allowedIpRanges())
        .containsExactly("10.0.0.0/8");
  }

  @Test
  void childCannotWidenTheParentsRanges() {
    SecurityPolicy parent = SecurityPolicies.effective(ranges("10.0.0.0/8"), null).policy();

    EffectiveSecurity e = SecurityPolicies.effective(ranges("0.0.0.0/0", "10.1.0.0/16", "::/0"), parent);

    assertThat(e.verdict().ready()).isTrue();
    assertThat(e.policy().allowedIpRanges()).containsExactly("10.0.0.0/8");
  }

  @Test
  void disjointRangesAllowNobodyAndSaySo() {
    SecurityPolicy parent = SecurityPolicies.effective(ranges("10.0.0.0/8"), null).policy();

    EffectiveSecurity e = SecurityPolicies.effective(ranges("192.168.0.0/16"), parent);

    assertThat(e.verdict().ready()).isFalse();
    assertThat(e.verdict().reason()).isEqualTo(Reasons.NO_ALLOWED_ADDRESSES);
    assertThat(e.verdict().message()).isEqualTo("No IP address is allowed both by spec.security.allowedIpRanges"
        + " and by the parent organization (10.0.0.0/8), so nobody can sign in; list ranges inside the parent's.");
    assertThat(e.policy().allowedIpRanges()).isEmpty();

    // Its children inherit the empty set and report it too.
    EffectiveSecurity below = SecurityPolicies.effective(SecurityPolicy.inheritAll(), e.policy());
    assertThat(below.verdict().reason()).isEqualTo(Reasons.NO_ALLOWED_ADDRESSES);
    assertThat(below.verdict().message()).startsWith("The parent organization allows no IP address");
    assertThat(below.policy().allowedIpRanges()).isEmpty();
  }

  @Test
  void invalidRangeAllowsNothingWhileTheValidOnesApply() {
    EffectiveSecurity e = SecurityPolicies.effective(ranges("10.0.0.0/8", "10.0.0.1/33"), null);

    assertThat(e.verdict().reason()).isEqualTo(Reasons.INVALID_CIDR);
    assertThat(e.verdict().message()).contains("\"10.0.0.1/33\"");
    assertThat(e.policy().allowedIpRanges()).containsExactly("10.0.0.0/8");
  }

  @Test
  void onlyInvalidRangesFailClosedInsteadOfInheriting() {
    EffectiveSecurity e = SecurityPolicies.effective(ranges("office"), null);

    assertThat(e.verdict().reason()).isEqualTo(Reasons.INVALID_CIDR);
    assertThat(e.policy().allowedIpRanges()).isEmpty();
    assertThat(SecurityPolicies.problems(List.of("office", "10.0.0.0/8", "::1/200"))).hasSize(2);
  }

  @Test
  void restrictiveFlagsStayOnAndPermissiveFlagsStayOff() {
    SecurityPolicy parent = new SecurityPolicy(List.of(), true, false, true, true, null);
    SecurityPolicy parentEffective = SecurityPolicies.effective(parent, null).policy();
    SecurityPolicy child = new SecurityPolicy(List.of(), false, true, true, false, null);

    SecurityPolicy e = SecurityPolicies.effective(child, parentEffective).policy();

    assertThat(e.requireTwoFactor()).isTrue();
    assertThat(e.blockDuplicateCloudAccounts()).isTrue();
    assertThat(e.showCopyClipboard()).isFalse();
    assertThat(e.skipUserConsent()).isTrue();
    assertThat(SecurityPolicies.effective(new SecurityPolicy(List.of(), false, true, false, false, null),
        parentEffective).policy().skipUserConsent()).isFalse();
  }

  @Test
  void passwordPolicyIsInheritedAndOnlyTightened() {
    SecurityPolicy parent = SecurityPolicies.effective(
        new SecurityPolicy(List.of(), false, true, true, false, PasswordPolicy.pciDss()), null).policy();

    assertThat(SecurityPolicies.effective(SecurityPolicy.inheritAll(), parent).policy().password())
        .isEqualTo(PasswordPolicy.pciDss());
    PasswordPolicy weaker = PasswordPolicy.custom(8, 0, 0, false, false, false, false, 0, 0, 0);
    assertThat(SecurityPolicies.effective(
        new SecurityPolicy(List.of(), false, true, true, false, weaker), parent).policy().password())
        .isEqualTo(PasswordPolicy.pciDss());
  }

  @Test
  void invalidCustomPasswordPolicyFallsBackToThePreset() {
    PasswordPolicy bad = PasswordPolicy.custom(500, 0, 0, false, false, false, false, 0, 0, 0);

    EffectiveSecurity e = SecurityPolicies.effective(new SecurityPolicy(List.of(), false, true, true, false, bad),
        null);

    assertThat(e.verdict().reason()).isEqualTo(Reasons.INVALID_PASSWORD_POLICY);
    assertThat(e.verdict().message()).isEqualTo("The password policy is out of range: minLength 500 is not from 1"
        + " to 128; the PCI_DSS preset applies until it is corrected.");
    assertThat(e.policy().password()).isEqualTo(PasswordPolicy.pciDss());
  }

  @Test
  void serviceProviderToMspToClientTightensAtEachLevel() {
    // SP: its offices, two-factor optional, a custom password policy.
    SecurityPolicy sp = new SecurityPolicy(List.of("10.0.0.0/8", "2001:db8::/32"), false, true, true, false,
        PasswordPolicy.custom(10, 180, 2, false, true, true, false, 0, 15, 0));
    // MSP: narrows the ranges, requires two-factor, turns off copy clipboard, the PCI preset.
    SecurityPolicy msp = new SecurityPolicy(List.of("10.20.0.0/16", "10.30.0.0/16", "2001:db8:1::/48"), true,
        false, true, false, PasswordPolicy.pciDss());
    // Client: narrows again, turns two-factor "off" (ignored), asks for copy clipboard (ignored), longer passwords.
    SecurityPolicy client = new SecurityPolicy(List.of("10.20.5.0/24", "10.99.0.0/16", "2001:db8:1:2::/64"),
        false, true, false, true, PasswordPolicy.custom(16, 120, 1, false, false, false, true, 20, 60, 30));

    EffectiveSecurity spE = SecurityPolicies.effective(sp, null);
    EffectiveSecurity mspE = SecurityPolicies.effective(msp, spE.policy());
    EffectiveSecurity clientE = SecurityPolicies.effective(client, mspE.policy());

    assertThat(List.of(spE, mspE, clientE)).allMatch(e -> e.verdict().ready());
    assertThat(spE.policy().allowedIpRanges()).containsExactly("10.0.0.0/8", "2001:db8::/32");
    assertThat(mspE.policy().allowedIpRanges()).containsExactly("10.20.0.0/16", "10.30.0.0/16", "2001:db8:1::/48");
    assertThat(clientE.policy().allowedIpRanges()).containsExactly("10.20.5.0/24", "2001:db8:1:2::/64");

    assertThat(mspE.policy().requireTwoFactor()).isTrue();
    assertThat(clientE.policy().requireTwoFactor()).isTrue();
    assertThat(clientE.policy().showCopyClipboard()).isFalse();
    assertThat(clientE.policy().skipUserConsent()).isFalse();
    assertThat(clientE.policy().blockDuplicateCloudAccounts()).isTrue();

    PasswordPolicy spPw = spE.policy().password();
    PasswordPolicy mspPw = mspE.policy().password();
    PasswordPolicy clientPw = clientE.policy().password();
    assertThat(mspPw).isEqualTo(PasswordPolicy.pciDss());
    assertThat(clientPw).isEqualTo(PasswordPolicy.custom(16, 90, 4, true, true, true, true, 10, 60, 15));
    assertThat(mspPw.atLeastAsStrictAs(spPw)).isTrue();
    assertThat(clientPw.atLeastAsStrictAs(mspPw)).isTrue();

    // A change at the SP reaches the client through the MSP: the SP drops the IPv6 range.
    SecurityPolicy sp2 = new SecurityPolicy(List.of("10.0.0.0/8"), false, true, true, false, sp.password());
    EffectiveSecurity client2 = SecurityPolicies.effective(client,
        SecurityPolicies.effective(msp, SecurityPolicies.effective(sp2, null).policy()).policy());
    assertThat(client2.policy().allowedIpRanges()).containsExactly("10.20.5.0/24");
  }
}
