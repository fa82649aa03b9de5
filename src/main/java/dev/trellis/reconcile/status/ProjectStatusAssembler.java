package dev.trellis.reconcile.status;

import dev.trellis.api.v1alpha1.Project;
import dev.trellis.api.v1alpha1.ProjectStatus;
import dev.trellis.model.verdict.Verdict;
import dev.trellis.reconcile.support.Conditions;
import java.time.Clock;

/** A project's status: Ready as the model judged it in its organization's resolution. */
public final class ProjectStatusAssembler {
  private ProjectStatusAssembler() {}

  public static ProjectStatus assemble(Project project, Verdict verdict, Clock clock) {
    return StatusAssembly.assemble(project, ProjectStatus::new, s -> {}, Conditions.ready(verdict, project), clock);
  }
}
