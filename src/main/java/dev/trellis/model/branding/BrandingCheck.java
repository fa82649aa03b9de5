package dev.trellis.model.branding;

import dev.trellis.model.verdict.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Judges a whole branding: colours first, then logo, favicon and background image. */
public final class BrandingCheck {

  private BrandingCheck() {}

  /**
   * @param images the bytes of each image the branding references; a kind that is absent is not configured,
   *     a kind present with {@code null} or empty bytes is referenced but missing ({@code InvalidImage})
   */
  public static BrandingVerdict judge(Branding branding, Map<ImageKind, byte[]> images) {
    Verdict first = null;
    for (Optional<Verdict> v : List.of(Colors.check("spec.branding.textColor", branding.textColor()),
        Colors.check("spec.branding.backgroundColor", branding.backgroundColor()))) {
      if (first == null && v.isPresent()) {
        first = v.get();
      }
    }
    List<String> warnings = new ArrayList<>();
    for (ImageKind kind : ImageKind.values()) {
      if (!images.containsKey(kind)) {
        continue;
      }
      ImageCheck c = BrandingImages.check(kind, images.get(kind));
      warnings.addAll(c.warnings());
      if (first == null && !c.verdict().ready()) {
        first = c.verdict();
      }
    }
    return new BrandingVerdict(first == null ? Verdict.ok("Branding is valid.") : first, warnings);
  }
}
