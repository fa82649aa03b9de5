package dev.trellis.reconcile.status;

import dev.trellis.api.v1alpha1.Folder;
import dev.trellis.api.v1alpha1.FolderStatus;
import dev.trellis.model.verdict.Verdict;
import dev.trellis.reconcile.support.Conditions;
import java.time.Clock;

/** A folder's status: Ready as the model judged it in its organization's resolution. */
public final class FolderStatusAssembler {
  private FolderStatusAssembler() {}

  public static FolderStatus assemble(Folder folder, Verdict verdict, Clock clock) {
    return StatusAssembly.assemble(folder, FolderStatus::new, s -> {}, Conditions.ready(verdict, folder), clock);
  }
}
