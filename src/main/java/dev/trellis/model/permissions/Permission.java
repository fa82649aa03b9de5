package dev.trellis.model.permissions;

import dev.trellis.api.v1alpha1.ProductPackage;

/** One {@code <area>.<verb>} permission, what it allows in one line, and the product package it belongs to. */
public record Permission(String name, String description, ProductPackage pkg) {

  /** The part before the dot: {@code resources} in {@code resources.view}. */
  public String area() {
    return name.substring(0, name.indexOf('.'));
  }

  /** The part after the dot: {@code view} in {@code resources.view}. */
  public String verb() {
    return name.substring(name.indexOf('.') + 1);
  }
}
