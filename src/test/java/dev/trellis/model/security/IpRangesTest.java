package dev.trellis.model.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class IpRangesTest {

  private static List<Cidr> cidrs(String... texts) {
    return Stream.of(texts).map(Cidr::parse).toList();
  }

  private static List<String> text(List<Cidr> cidrs) {
    return cidrs.stream().map(Cidr::toString).toList();
  }

  @Test
  void normalizeMergesOverlappingAndAdjacentNetworksIntoTheFewestCidrs() {
    assertThat(text(IpRanges.normalize(cidrs("10.0.1.0/24", "10.0.0.0/24", "10.0.0.128/25"))))
        .containsExactly("10.0.0.0/23");
    assertThat(text(IpRanges.normalize(cidrs("10.0.0.1", "10.0.0.2", "10.0.0.3"))))
        .containsExactly("10.0.0.1/32", "10.0.0.2/31");
    assertThat(text(IpRanges.normalize(cidrs("2001:db8::/33", "2001:db8:8000::/33", "10.0.0.0/8"))))
        .containsExactly("10.0.0.0/8", "2001:db8::/32");
  }

  @Test
  void intersectionIsTheAddressesBothAllow() {
    assertThat(text(IpRanges.intersect(cidrs("10.0.0.0/8"), cidrs("10.1.0.0/16", "192.168.0.0/16"))))
        .containsExactly("10.1.0.0/16");
    assertThat(text(IpRanges.intersect(cidrs("10.0.0.0/8", "172.16.0.0/12"), IpRanges.ANY)))
        .containsExactly("10.0.0.0/8", "172.16.0.0/12");
    assertThat(IpRanges.intersect(cidrs("10.0.0.0/8"), cidrs("192.168.0.0/16"))).isEmpty();
    assertThat(IpRanges.intersect(cidrs("10.0.0.0/8"), cidrs("2001:db8::/32"))).isEmpty();
    assertThat(text(IpRanges.intersect(cidrs("2001:db8::/32"), IpRanges.ANY))).containsExactly("2001:db8::/32");
  }

  @Test
  void intersectionOfUnalignedPiecesIsCutIntoAlignedCidrs() {
    // 10.0.0.0/24 minus nothing, intersected with 10.0.0.64/26 + 10.0.0.128/25 = 10.0.0.64 .. 10.0.0.255.
    assertThat(text(IpRanges.intersect(cidrs("10.0.0.0/24"), cidrs("10.0.0.128/25", "10.0.0.64/26"))))
        .containsExactly("10.0.0.64/26", "10.0.0.128/25");
  }

  @Test
  void intersectionAgreesWithAddressByAddressMembershipOnRandomSmallNetworks() {
    Random random = new Random(42);
    for (int round = 0; round < 200; round++) {
      List<Cidr> a = randomNetworks(random);
      List<Cidr> b = randomNetworks(random);
      List<Cidr> both = IpRanges.intersect(a, b);
      assertThat(IpRanges.normalize(both)).isEqualTo(both);
      for (int host = 0; host < 256; host++) {
        String address = "10.0.0." + host;
        assertThat(IpRanges.contains(both, address)).as("%s in %s ∩ %s", address, a, b)
            .isEqualTo(IpRanges.contains(a, address) && IpRanges.contains(b, address));
      }
    }
  }

  @Test
  void containsMatchesOnlyItsFamily() {
    assertThat(IpRanges.contains(IpRanges.ANY, "203.0.113.9")).isTrue();
    assertThat(IpRanges.contains(IpRanges.ANY, "2001:db8::9")).isTrue();
    assertThat(IpRanges.contains(cidrs("::ffff:0:0/96"), "203.0.113.9")).isFalse();
  }

  private static List<Cidr> randomNetworks(Random random) {
    int n = random.nextInt(4);
    Cidr[] out = new Cidr[n];
    for (int i = 0; i < n; i++) {
      int prefix = 24 + random.nextInt(9);
      int host = random.nextInt(256) & (0xff << (32 - prefix)) & 0xff;
      out[i] = Cidr.parse("10.0.0." + host + "/" + prefix);
    }
    return List.of(out);
  }
}
