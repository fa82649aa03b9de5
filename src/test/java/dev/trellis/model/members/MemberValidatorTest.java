package dev.trellis.model.members;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trellis.model.Reasons;
import dev.trellis.model.snapshot.MemberNode;
import dev.trellis.model.snapshot.MemberType;
import org.junit.jupiter.api.Test;

class MemberValidatorTest {

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
}
