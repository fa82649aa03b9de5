package dev.trellis.model.security;

import java.math.BigInteger;
import java.util.Comparator;
import java.util.Optional;

/**
 * An IPv4 or IPv6 network in CIDR notation. Parsed by hand, never by {@code InetAddress}, which could resolve
 * a host name. A bare address means a single host ({@code /32} or {@code /128}); host bits must be zero.
 * IPv4 and IPv6 are separate families: an IPv4-mapped IPv6 network does not match IPv4 addresses.
 */
public record Cidr(int family, BigInteger address, int prefix) implements Comparable<Cidr> {

  /** Sorts IPv4 before IPv6, then by address, then wider networks first. */
  public static final Comparator<Cidr> ORDER = Comparator.comparingInt(Cidr::family)
      .thenComparing(Cidr::address).thenComparingInt(Cidr::prefix);

  public Cidr {
    if (family != 4 && family != 6) {
      throw new IllegalArgumentException("family must be 4 or 6");
    }
    if (prefix < 0 || prefix > bits(family)) {
      throw new IllegalArgumentException("prefix out of range");
    }
    if (address.signum() < 0 || address.bitLength() > bits(family)) {
      throw new IllegalArgumentException("address out of range");
    }
  }

  /** Every IPv4 address. */
  public static final Cidr ANY_IPV4 = new Cidr(4, BigInteger.ZERO, 0);
  /** Every IPv6 address. */
  public static final Cidr ANY_IPV6 = new Cidr(6, BigInteger.ZERO, 0);

  /** Parses {@code 10.0.0.0/8}, {@code 2001:db8::/32} or a bare address. */
  public static Cidr parse(String text) {
    String problem = problem(text).orElse(null);
    if (problem != null) {
      throw new IllegalArgumentException(problem);
    }
    return parseChecked(text.strip());
  }

  /** What is wrong with the text as a CIDR, in one sentence, or empty when it is valid. */
  public static Optional<String> problem(String text) {
    if (text == null || text.isBlank()) {
      return Optional.of("An allowed IP range is empty; write a CIDR such as 203.0.113.0/24 or 2001:db8::/32.");
    }
    String s = text.strip();
    String quoted = "\"" + text + "\"";
    int slash = s.indexOf('/');
    String addr = slash < 0 ? s : s.substring(0, slash);
    int family = addr.contains(":") ? 6 : 4;
    BigInteger value = family == 4 ? ipv4(addr) : ipv6(addr);
    if (value == null) {
      return Optional.of(quoted + " is not a CIDR: " + (family == 4 ? "\"" + addr + "\" is not an IPv4 address"
          : "\"" + addr + "\" is not an IPv6 address") + "; write it as 203.0.113.0/24 or 2001:db8::/32.");
    }
    int prefix = bits(family);
    if (slash >= 0) {
      String p = s.substring(slash + 1);
      if (!p.matches("\\d{1,3}") || (p.length() > 1 && p.startsWith("0")) || Integer.parseInt(p) > bits(family)) {
        return Optional.of(quoted + " is not a CIDR: the prefix length must be a number from 0 to " + bits(family)
            + ".");
      }
      prefix = Integer.parseInt(p);
    }
    BigInteger network = value.and(mask(family, prefix));
    if (!network.equals(value)) {
      return Optional.of(quoted + " has host bits set; did you mean " + new Cidr(family, network, prefix) + "?");
    }
    return Optional.empty();
  }

  /** The first address of the network. */
  public BigInteger first() {
    return address;
  }

  /** The last address of the network. */
  public BigInteger last() {
    return address.add(BigInteger.ONE.shiftLeft(bits(family) - prefix)).subtract(BigInteger.ONE);
  }

  @Override
  public int compareTo(Cidr o) {
    return ORDER.compare(this, o);
  }

  /** Canonical text: dotted IPv4, or IPv6 as RFC 5952 recommends (lower case, longest zero run as ::). */
  @Override
  public String toString() {
    return (family == 4 ? formatIpv4(address) : formatIpv6(address)) + "/" + prefix;
  }

  static int bits(int family) {
    return family == 4 ? 32 : 128;
  }

  private static Cidr parseChecked(String s) {
    int slash = s.indexOf('/');
    String addr = slash < 0 ? s : s.substring(0, slash);
    int family = addr.contains(":") ? 6 : 4;
    BigInteger value = family == 4 ? ipv4(addr) : ipv6(addr);
    int prefix = slash < 0 ? bits(family) : Integer.parseInt(s.substring(slash + 1));
    return new Cidr(family, value, prefix);
  }

  private static BigInteger mask(int family, int prefix) {
    int bits = bits(family);
    BigInteger all = BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE);
    BigInteger host = BigInteger.ONE.shiftLeft(bits - prefix).subtract(BigInteger.ONE);
    return all.xor(host);
  }

  /** Four decimal octets without leading zeros (which some parsers read as octal). */
  private static BigInteger ipv4(String s) {
    String[] parts = s.split("\\.", -1);
    if (parts.length != 4) {
      return null;
    }
    long v = 0;
    for (String p : parts) {
      if (!p.matches("\\d{1,3}") || (p.length() > 1 && p.startsWith("0")) || Integer.parseInt(p) > 255) {
        return null;
      }
      v = (v << 8) | Integer.parseInt(p);
    }
    return BigInteger.valueOf(v);
  }

  /** Eight groups of up to four hex digits, one {@code ::} at most, an optional dotted IPv4 tail; no zone. */
  private static BigInteger ipv6(String s) {
    if (s.isEmpty() || s.contains("%") || s.indexOf("::") != s.lastIndexOf("::") || s.contains(":::")) {
      return null;
    }
    int[] groups = new int[8];
    String head;
    String tail;
    int gap = s.indexOf("::");
    if (gap >= 0) {
      head = s.substring(0, gap);
      tail = s.substring(gap + 2);
    } else {
      head = s;
      tail = null;
    }
    int[] h = groups(head, tail == null);
    int[] t = tail == null ? new int[0] : groups(tail, true);
    if (h == null || t == null) {
      return null;
    }
    if (gap < 0 ? h.length != 8 : h.length + t.length > 7) {
      return null;
    }
    System.arraycopy(h, 0, groups, 0, h.length);
    System.arraycopy(t, 0, groups, 8 - t.length, t.length);
    BigInteger v = BigInteger.ZERO;
    for (int g : groups) {
      v = v.shiftLeft(16).or(BigInteger.valueOf(g));
    }
    return v;
  }

  /** The 16-bit groups of one side of {@code ::}; the last side may end in a dotted IPv4 address. */
  private static int[] groups(String side, boolean mayEndInIpv4) {
    if (side.isEmpty()) {
      return new int[0];
    }
    String[] parts = side.split(":", -1);
    int n = parts.length;
    boolean v4 = mayEndInIpv4 && parts[n - 1].contains(".");
    int[] out = new int[v4 ? n + 1 : n];
    for (int i = 0; i < n; i++) {
      if (v4 && i == n - 1) {
        BigInteger four = ipv4(parts[i]);
        if (four == null) {
          return null;
        }
        out[i] = four.intValue() >>> 16;
        out[i + 1] = four.intValue() & 0xffff;
      } else {
        if (!parts[i].matches("[0-9a-fA-F]{1,4}")) {
          return null;
        }
        out[i] = Integer.parseInt(parts[i], 16);
      }
    }
    return out;
  }

  private static String formatIpv4(BigInteger v) {
    long l = v.longValue();
    return ((l >> 24) & 255) + "." + ((l >> 16) & 255) + "." + ((l >> 8) & 255) + "." + (l & 255);
  }

  private static String formatIpv6(BigInteger v) {
    int[] g = new int[8];
    for (int i = 7; i >= 0; i--) {
      g[i] = v.intValue() & 0xffff;
      v = v.shiftRight(16);
    }
    int bestStart = -1;
    int bestLen = 1;
    for (int i = 0; i < 8;) {
      if (g[i] != 0) {
        i++;
        continue;
      }
      int j = i;
      while (j < 8 && g[j] == 0) {
        j++;
      }
      if (j - i > bestLen) {
        bestStart = i;
        bestLen = j - i;
      }
      i = j;
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      if (i == bestStart) {
        sb.append("::");
        i += bestLen - 1;
        continue;
      }
      if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
        sb.append(':');
      }
      sb.append(Integer.toHexString(g[i]));
    }
    return sb.toString();
  }
}
