package dev.trellis.model.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trellis.model.Reasons;
import dev.trellis.model.snapshot.RoleNode;
import dev.trellis.model.snapshot.ScopeKind;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RoleValidatorTest {

  @Test
  void roleWithAnUnknownPermissionIsInvalid() {
    var v = RoleValidator.judge(new RoleNode("custom", List.of("resources.view", "resources.fly"),
        Set.of(ScopeKind.Project), true));

    assertThat(v.reason()).isEqualTo(Reasons.UNKNOWN_PERMISSION);
    assertThat(v.message()).contains("\"resources.fly\"").doesNotContain("resources.view");
  }
}
