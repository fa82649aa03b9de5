package dev.trellis.model.branding;

import dev.trellis.model.Reasons;
import dev.trellis.model.verdict.Verdict;
import java.util.List;

/** Checks a branding image's bytes against the rules of its {@link ImageKind}. */
public final class BrandingImages {

  private BrandingImages() {}

  /**
   * Judges an image: {@code InvalidImage} when it is missing or not a well-formed PNG or JPEG,
   * {@code ImageTooLarge} above {@link ImageKind#MAX_BYTES}, {@code ImageDimensions} when its size in pixels
   * breaks its kind's rule; a warning when a logo or favicon is above {@link ImageKind#RECOMMENDED_BYTES}.
   */
  public static ImageCheck check(ImageKind kind, byte[] data) {
    String the = "The " + kind.label();
    if (data != null && data.length > ImageKind.MAX_BYTES) {
      return new ImageCheck(Verdict.invalid(Reasons.IMAGE_TOO_LARGE, the + " is " + kib(data.length)
          + "; an image may be at most " + kib(ImageKind.MAX_BYTES) + "."), null, List.of());
    }
    ImageInfo info;
    try {
      info = ImageProbe.probe(data);
    } catch (IllegalArgumentException e) {
      return new ImageCheck(Verdict.invalid(Reasons.INVALID_IMAGE, the + " " + e.getMessage()
          + "; use a PNG or JPEG file."), null, List.of());
    }
    String rule = kind.dimensionRule(info.width(), info.height());
    if (rule != null) {
      return new ImageCheck(Verdict.invalid(Reasons.IMAGE_DIMENSIONS,
          the + " is " + info.width() + "×" + info.height() + " px; " + rule + "."), info, List.of());
    }
    List<String> warnings = kind.sizeRecommended() && info.bytes() > ImageKind.RECOMMENDED_BYTES
        ? List.of(the + " is " + kib(info.bytes()) + "; less than " + kib(ImageKind.RECOMMENDED_BYTES)
            + " is recommended.")
        : List.of();
    return new ImageCheck(Verdict.ok(the + " is a " + info.width() + "×" + info.height() + " px "
        + info.format() + " image."), info, warnings);
  }

  /** Bytes as KiB with one decimal when not whole: "10 KiB", "14.2 KiB". */
  static String kib(int bytes) {
    if (bytes % 1024 == 0) {
      return bytes / 1024 + " KiB";
    }
    return String.format(java.util.Locale.ROOT, "%.1f KiB", bytes / 1024.0);
  }
}
