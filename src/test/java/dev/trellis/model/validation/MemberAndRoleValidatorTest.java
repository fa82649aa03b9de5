package dev.trellis.model.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trellis.model.Reasons;
import dev.trellis.model.snapshot.MemberNode;
import dev.trellis.model.snapshot.MemberType;
import dev.trellis.model.snapshot.RoleNode;
import dev.trellis.model.snapshot.ScopeKind;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MemberAndRoleValidatorTest {

  private static final java.time.Instant NOW = java.time.Instant.parse("2026-01-01T00:00:00Z");

  @Test
  void userWithoutEmailIsInvalid() {
    var v = MemberValidator.judge(new MemberNode("alice", MemberType.User, " ", null, false), NOW);

    assertThat(v.ready()).isFalse();
    assertThat(v.reason()).isEqualTo(Reasons.EMAIL_REQUIRED);
  }

  @Test
  void serviceAccountNeedsNoEmailAndDefaultsItsClientId() {
    MemberNode bot = MemberNode.serviceAccount("backup-bot");

    assertThat(MemberValidator.judge(bot, NOW).ready()).isTrue();
    assertThat(MemberValidator.subject(bot, "mrpaints")).isEqualTo("mrpaints/backup-bot");
    assertThat(MemberValidator.subject(
        new MemberNode("b", MemberType.ServiceAccount, null, "client-42", false), "mrpaints")).isEqualTo("client-42");
  }

  @Test
  void disabledMemberIsStillWellFormed() {
    assertThat(MemberValidator.judge(MemberNode.user("a", "a@x.com").withDisabled(true), NOW).ready()).isTrue();
  }

  @Test
  void roleWithAnUnknownPermissionIsInvalid() {
    var v = RoleValidator.judge(new RoleNode("custom", List.of("resources.view", "resources.fly"),
        Set.of(ScopeKind.Project), true));

    assertThat(v.reason()).isEqualTo(Reasons.UNKNOWN_PERMISSION);
    assertThat(v.message()).contains("\"resources.fly\"").doesNotContain("resources.view");
  }
}
