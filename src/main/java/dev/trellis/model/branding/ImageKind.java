package dev.trellis.model.branding;

/**
 * The branding images and their rules (seed 002). Logo: at most 512×512 px (the seed's "height 512px, width no
 * more than 512px", read as a bound so smaller logos are not refused). Favicon: exactly 128×128 px. Background:
 * any dimensions (smaller images are tiled). Logo and favicon above 10 KiB get a warning (the seed's
 * recommendation); any image above 256 KiB is refused, so that all three fit one ConfigMap (1 MiB).
 */
public enum ImageKind {
  LOGO("logo", 512, 512, false, true),
  FAVICON("favicon", 128, 128, true, true),
  BACKGROUND("background image", 0, 0, false, false);

  /** Above this, a warning: the seed recommends less than 10 KB. */
  public static final int RECOMMENDED_BYTES = 10 * 1024;
  /** Above this, refused: three such images still fit one ConfigMap. */
  public static final int MAX_BYTES = 256 * 1024;

  private final String label;
  private final int maxWidth;
  private final int maxHeight;
  private final boolean exact;
  private final boolean sizeRecommended;

  ImageKind(String label, int maxWidth, int maxHeight, boolean exact, boolean sizeRecommended) {
    this.label = label;
    this.maxWidth = maxWidth;
    this.maxHeight = maxHeight;
    this.exact = exact;
    this.sizeRecommended = sizeRecommended;
  }

  /** How messages name the image: "logo". */
  public String label() {
    return label;
  }

  /** Why the dimensions are wrong, completing "The logo is W×H px; …", or null when they are right. */
  String dimensionRule(int width, int height) {
    if (maxWidth == 0) {
      return null;
    }
    if (exact) {
      return width == maxWidth && height == maxHeight ? null
          : "a " + label + " must be square, " + maxWidth + "×" + maxHeight + " px";
    }
    return width <= maxWidth && height <= maxHeight ? null
        : "a " + label + " may be at most " + maxWidth + "×" + maxHeight + " px";
  }

  boolean sizeRecommended() {
    return sizeRecommended;
  }
}
