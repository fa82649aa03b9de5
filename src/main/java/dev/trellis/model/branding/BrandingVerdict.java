package dev.trellis.model.branding;

import dev.trellis.model.verdict.Verdict;
import java.util.List;

/** The verdict on an organization's branding: the first problem, and every warning of every image. */
public record BrandingVerdict(Verdict verdict, List<String> warnings) {

  public BrandingVerdict {
    warnings = List.copyOf(warnings);
  }
}
