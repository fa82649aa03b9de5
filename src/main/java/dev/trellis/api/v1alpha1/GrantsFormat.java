package dev.trellis.api.v1alpha1;

/**
 * The format of a connector's grants document, its {@code apiVersion} (docs/grants-document.md). The constants are
 * the values written in spec.grantsFormat.
 */
public enum GrantsFormat {
  /** One document, split into contiguous shards only past 900 KiB. */
  v1alpha1,
  /** Shards by resource, named with their revisions by a small primary. */
  v1alpha2
}
