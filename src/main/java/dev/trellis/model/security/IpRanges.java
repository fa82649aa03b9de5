package dev.trellis.model.security;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Sets of addresses as lists of CIDRs. Results are minimal and sorted: overlapping and adjacent networks are
 * merged and each merged range is cut into the fewest aligned CIDRs, so the same set always has the same list.
 */
public final class IpRanges {

  /** Every address, IPv4 and IPv6: an unrestricted organization. */
  public static final List<Cidr> ANY = List.of(Cidr.ANY_IPV4, Cidr.ANY_IPV6);

  private IpRanges() {}

  /** The union of the networks, as the minimal sorted list of CIDRs. */
  public static List<Cidr> normalize(Collection<Cidr> networks) {
    List<Cidr> out = new ArrayList<>();
    for (int family : new int[] {4, 6}) {
      for (BigInteger[] r : merged(networks, family)) {
        out.addAll(toCidrs(family, r[0], r[1]));
      }
    }
    return List.copyOf(out);
  }

  /** The addresses in both sets, as the minimal sorted list of CIDRs (empty when they share none). */
  public static List<Cidr> intersect(Collection<Cidr> a, Collection<Cidr> b) {
    List<Cidr> out = new ArrayList<>();
    for (int family : new int[] {4, 6}) {
      List<BigInteger[]> x = merged(a, family);
      List<BigInteger[]> y = merged(b, family);
      int i = 0;
      int j = 0;
      while (i < x.size() && j < y.size()) {
        BigInteger lo = x.get(i)[0].max(y.get(j)[0]);
        BigInteger hi = x.get(i)[1].min(y.get(j)[1]);
        if (lo.compareTo(hi) <= 0) {
          out.addAll(toCidrs(family, lo, hi));
        }
        if (x.get(i)[1].compareTo(y.get(j)[1]) < 0) {
          i++;
        } else {
          j++;
        }
      }
    }
    return List.copyOf(out);
  }

  /** Whether the address (a bare IPv4 or IPv6 address) is in one of the networks. */
  public static boolean contains(Collection<Cidr> networks, String address) {
    Cidr host = Cidr.parse(address);
    return networks.stream().anyMatch(n -> n.family() == host.family()
        && n.first().compareTo(host.first()) <= 0 && n.last().compareTo(host.last()) >= 0);
  }

  /** The networks of one family as sorted, disjoint, non-adjacent [first, last] ranges. */
  private static List<BigInteger[]> merged(Collection<Cidr> networks, int family) {
    List<Cidr> sorted = networks.stream().filter(c -> c.family() == family).sorted().toList();
    List<BigInteger[]> out = new ArrayList<>();
    for (Cidr c : sorted) {
      BigInteger[] last = out.isEmpty() ? null : out.get(out.size() - 1);
      if (last != null && c.first().compareTo(last[1].add(BigInteger.ONE)) <= 0) {
        last[1] = last[1].max(c.last());
      } else {
        out.add(new BigInteger[] {c.first(), c.last()});
      }
    }
    return out;
  }

  /** The fewest CIDRs covering exactly [lo, hi]: at each step the largest aligned block that fits. */
  private static List<Cidr> toCidrs(int family, BigInteger lo, BigInteger hi) {
    int bits = Cidr.bits(family);
    List<Cidr> out = new ArrayList<>();
    while (lo.compareTo(hi) <= 0) {
      int size = lo.signum() == 0 ? bits : Math.min(lo.getLowestSetBit(), bits);
      while (lo.add(BigInteger.ONE.shiftLeft(size)).subtract(BigInteger.ONE).compareTo(hi) > 0) {
        size--;
      }
      out.add(new Cidr(family, lo, bits - size));
      lo = lo.add(BigInteger.ONE.shiftLeft(size));
    }
    return out;
  }
}
