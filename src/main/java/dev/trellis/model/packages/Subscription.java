package dev.trellis.model.packages;

import dev.trellis.api.v1alpha1.AddOn;
import dev.trellis.api.v1alpha1.ProductPackage;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/** The packages and add-ons of one organization, requested or effective; sets iterate in declaration order. */
public record Subscription(Set<ProductPackage> packages, Set<AddOn> addOns) {

  public Subscription {
    packages = Collections.unmodifiableSet(copy(ProductPackage.class, packages));
    addOns = Collections.unmodifiableSet(copy(AddOn.class, addOns));
  }

  /** Every package and add-on: what a root organization (a service provider) usually holds. */
  public static Subscription everything() {
    return new Subscription(EnumSet.allOf(ProductPackage.class), EnumSet.allOf(AddOn.class));
  }

  public static Subscription of(Collection<ProductPackage> packages, Collection<AddOn> addOns) {
    return new Subscription(packages == null ? Set.of() : Set.copyOf(packages),
        addOns == null ? Set.of() : Set.copyOf(addOns));
  }

  public boolean has(ProductPackage p) {
    return packages.contains(p);
  }

  public boolean has(AddOn a) {
    return addOns.contains(a);
  }

  private static <E extends Enum<E>> EnumSet<E> copy(Class<E> type, Set<E> in) {
    EnumSet<E> out = EnumSet.noneOf(type);
    if (in != null) {
      out.addAll(in);
    }
    return out;
  }
}
