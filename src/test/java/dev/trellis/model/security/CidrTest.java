package dev.trellis.model.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CidrTest {

  @ParameterizedTest
  @CsvSource({
      "10.0.0.0/8, 10.0.0.0/8",
      "0.0.0.0/0, 0.0.0.0/0",
      "203.0.113.7, 203.0.113.7/32",
      " 192.168.1.0/24 , 192.168.1.0/24",
      "2001:db8::/32, 2001:db8::/32",
      "2001:0DB8:0000:0000:0000:0000:0000:0000/32, 2001:db8::/32",
      "::/0, ::/0",
      "::1, ::1/128",
      "fe80::, fe80::/128",
      "2001:db8:0:0:1:0:0:1/128, 2001:db8::1:0:0:1/128",
      "2001:db8:0:1:0:0:0:0/64, 2001:db8:0:1::/64",
      "::ffff:192.0.2.0/120, ::ffff:c000:200/120",
      "1:2:3:4:5:6:7::/128, 1:2:3:4:5:6:7:0/128",
  })
  void parsesAndPrintsCanonically(String text, String canonical) {
    assertThat(Cidr.problem(text)).isEmpty();
    assertThat(Cidr.parse(text)).hasToString(canonical);
  }

  @ParameterizedTest
  @ValueSource(strings = {"10.0.0.0/33", "10.0.0/8", "10.0.0.256/32", "010.0.0.0/8", "10.0.0.0/-1", "10.0.0.0/",
      "10.0.0.0/08", "example.com", "localhost", "2001:db8::/129", "2001:db8:::/32", "1::2::3", "2001:db8::g/64",
      "fe80::1%eth0", "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7", ":1::", "12345::/16", "1.2.3.4::", ""})
  void rejectsWhatIsNotACidr(String text) {
    assertThat(Cidr.problem(text)).isPresent();
    assertThatThrownBy(() -> Cidr.parse(text)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void messagesSayWhatIsWrongInOneSentence() {
    assertThat(Cidr.problem("10.0.0.1/8")).contains("\"10.0.0.1/8\" has host bits set; did you mean 10.0.0.0/8?");
    assertThat(Cidr.problem("2001:db8::1/32"))
        .contains("\"2001:db8::1/32\" has host bits set; did you mean 2001:db8::/32?");
    assertThat(Cidr.problem("10.0.0.0/40"))
        .contains("\"10.0.0.0/40\" is not a CIDR: the prefix length must be a number from 0 to 32.");
    assertThat(Cidr.problem("intranet/24")).contains("\"intranet/24\" is not a CIDR: \"intranet\" is not an IPv4"
        + " address; write it as 203.0.113.0/24 or 2001:db8::/32.");
    assertThat(Cidr.problem(" ")).get().asString().startsWith("An allowed IP range is empty;");
  }

  @Test
  void firstAndLastAddressesBoundTheNetwork() {
    Cidr c = Cidr.parse("192.168.1.0/24");

    assertThat(c.last().subtract(c.first()).intValue()).isEqualTo(255);
    assertThat(Cidr.parse("::/0").last().bitLength()).isEqualTo(128);
  }
}
