package dev.trellis.api.v1alpha1;

/** JSON paths shared by the printer columns of every kind. */
final class PrinterColumns {
  static final String READY = ".status.conditions[?(@.type==\"Ready\")].status";
  static final String REASON = ".status.conditions[?(@.type==\"Ready\")].reason";

  private PrinterColumns() {}
}
