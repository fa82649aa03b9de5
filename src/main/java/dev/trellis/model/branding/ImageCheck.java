package dev.trellis.model.branding;

import dev.trellis.model.verdict.Verdict;
import java.util.List;

/**
 * The verdict on one branding image, what its header says ({@code null} when it could not be read) and
 * warnings that do not refuse it (an image above the recommended size).
 */
public record ImageCheck(Verdict verdict, ImageInfo info, List<String> warnings) {

  public ImageCheck {
    warnings = List.copyOf(warnings);
  }
}
