package dev.trellis.model.packages;

import dev.trellis.api.v1alpha1.AddOn;
import dev.trellis.api.v1alpha1.ProductPackage;
import dev.trellis.model.Reasons;
import dev.trellis.model.verdict.Verdict;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which packages and add-ons an organization of the tenant tree may use. A root organization (no parent) may
 * have anything; any other organization has what it asks for AND its parent effectively has, so a package
 * withdrawn at an MSP disappears from every client below it.
 */
public final class Packages {

  private Packages() {}

  /** The requested packages plus Hybrid Discovery and Monitoring, which every organization has. */
  public static Set<ProductPackage> effectivePackages(Set<ProductPackage> requested) {
    EnumSet<ProductPackage> out = EnumSet.of(ProductPackage.HybridDiscoveryAndMonitoring);
    if (requested != null) {
      out.addAll(requested);
    }
    return Collections.unmodifiableSet(out);
  }

  /**
   * Judges a request against the parent's effective subscription ({@code null} sets for a root organization).
   *
   * @see #availability(Subscription, Subscription)
   */
  public static PackageAvailability availability(Set<ProductPackage> childPackages, Set<AddOn> childAddOns,
      Set<ProductPackage> parentEffectivePackages, Set<AddOn> parentEffectiveAddOns) {
    Subscription parent = parentEffectivePackages == null && parentEffectiveAddOns == null ? null
        : new Subscription(parentEffectivePackages, parentEffectiveAddOns);
    return availability(new Subscription(childPackages, childAddOns), parent);
  }

  /**
   * The effective subscription of an organization and whether it got everything it asked for.
   *
   * <p>Effective packages are {@link #effectivePackages} of the request, intersected with the parent's
   * effective packages (Hybrid Discovery and Monitoring stays: every parent has it). Effective add-ons are
   * the requested add-ons the parent effectively has, whose package is effective here. Anything asked for
   * and cut makes the verdict {@code PackageNotAvailable}; the rest keeps working.
   *
   * @param parentEffective the parent's effective subscription, or {@code null} for a root organization
   */
  public static PackageAvailability availability(Subscription requested, Subscription parentEffective) {
    Set<ProductPackage> wanted = effectivePackages(requested.packages());
    EnumSet<ProductPackage> packages = EnumSet.copyOf(wanted);
    EnumSet<ProductPackage> parentLacksPackages = EnumSet.noneOf(ProductPackage.class);
    if (parentEffective != null) {
      for (ProductPackage p : wanted) {
        if (p != ProductPackage.HybridDiscoveryAndMonitoring && !parentEffective.has(p)) {
          parentLacksPackages.add(p);
        }
      }
      packages.removeAll(parentLacksPackages);
    }

    EnumSet<AddOn> addOns = EnumSet.noneOf(AddOn.class);
    EnumSet<AddOn> parentLacksAddOns = EnumSet.noneOf(AddOn.class);
    EnumSet<AddOn> packageNotRequested = EnumSet.noneOf(AddOn.class);
    for (AddOn a : requested.addOns()) {
      if (parentEffective != null && !parentEffective.has(a)) {
        parentLacksAddOns.add(a);
      } else if (!wanted.contains(a.pkg())) {
        packageNotRequested.add(a);
      } else if (packages.contains(a.pkg())) {
        addOns.add(a);
      }
      // else: the package is wanted but the parent lacks it, which is reported for the package already.
    }

    Subscription effective = new Subscription(packages, addOns);
    List<String> clauses = new ArrayList<>();
    if (!parentLacksPackages.isEmpty() || !parentLacksAddOns.isEmpty()) {
      clauses.add("the parent organization does not have " + listing(parentLacksPackages, parentLacksAddOns));
    }
    for (AddOn a : packageNotRequested) {
      clauses.add("add-on " + a.name() + " needs package " + a.pkg().name() + ", which spec.packages does not list");
    }
    if (clauses.isEmpty()) {
      return new PackageAvailability(Verdict.ok("Packages: " + names(packages) + "; add-ons: "
          + (addOns.isEmpty() ? "none" : names(addOns)) + "."), effective);
    }
    String message = String.join("; ", clauses) + "; the rest stays enabled.";
    return new PackageAvailability(Verdict.degraded(Reasons.PACKAGE_NOT_AVAILABLE,
        Character.toUpperCase(message.charAt(0)) + message.substring(1)), effective);
  }

  private static String listing(Set<ProductPackage> packages, Set<AddOn> addOns) {
    List<String> parts = new ArrayList<>();
    if (!packages.isEmpty()) {
      parts.add((packages.size() == 1 ? "package " : "packages ") + names(packages));
    }
    if (!addOns.isEmpty()) {
      parts.add((addOns.size() == 1 ? "add-on " : "add-ons ") + names(addOns));
    }
    return String.join(" or ", parts);
  }

  private static String names(Set<? extends Enum<?>> values) {
    return values.stream().map(Enum::name).collect(Collectors.joining(", "));
  }
}
