package dev.trellis.reconcile.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trellis.model.grants.GrantResolver;
import dev.trellis.model.grants.Resolution;
import dev.trellis.model.property.RandomOrgs;
import dev.trellis.model.snapshot.BindingNode;
import dev.trellis.model.snapshot.OrgSnapshot;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** When the reconciler may reuse an organization's last resolution, and what it keeps of it. */
class ResolutionMemoTest {
  private static final Instant NOW = RandomOrgs.NOW;
  private static final Map<String, ResolutionMemo.Written> WRITTEN = Map.of("c", new ResolutionMemo.Written("uid",
      dev.trellis.projection.GrantsProjector.Format.V1ALPHA1, Map.of("c-grants", "7"),
      new dev.trellis.reconcile.status.ConnectorStatusAssembler.Figures(1, 2, "sha256:x", null)));

  private final ResolutionMemo memo = new ResolutionMemo();

  @Test
  void anEqualSnapshotReusesTheResolutionWithoutItsDocuments() {
    OrgSnapshot s = expiringIn(RandomOrgs.generate(1), 3600);
    Resolution full = GrantResolver.resolve(s, NOW);
    assertThat(full.documents()).isNotEmpty();

    memo.remember("ns", s, NOW, full, WRITTEN);
    var reused = memo.reusable("ns", expiringIn(RandomOrgs.generate(1), 3600), NOW.plusSeconds(10));

    assertThat(reused).isPresent();
    assertThat(reused.get().resolution().documents()).isEmpty();
    assertThat(reused.get().resolution().verdicts()).isEqualTo(full.verdicts());
    assertThat(reused.get().connectors()).isEqualTo(WRITTEN);
  }

  @Test
  void anyDifferenceInTheSnapshotResolvesAfresh() {
    OrgSnapshot s = RandomOrgs.generate(2);
    memo.remember("ns", s, NOW, GrantResolver.resolve(s, NOW), WRITTEN);
    List<BindingNode> fewer = new ArrayList<>(s.bindings());
    fewer.remove(0);
    OrgSnapshot changed = new OrgSnapshot(s.organization(), s.folders(), s.projects(), s.resources(), s.connectors(),
        s.members(), s.roles(), fewer, s.partnerships(), s.packages(), s.acceptances());

    assertThat(memo.reusable("ns", changed, NOW)).isEmpty();
    assertThat(memo.reusable("other", s, NOW)).isEmpty();
  }

  @Test
  void reachingAnInstantTheSnapshotNamesResolvesAfresh() {
    OrgSnapshot s = expiringIn(RandomOrgs.generate(3), 60);
    memo.remember("ns", s, NOW, GrantResolver.resolve(s, NOW), WRITTEN);

    assertThat(memo.reusable("ns", s, NOW.plusSeconds(59))).isPresent();
    assertThat(memo.reusable("ns", s, NOW.plusSeconds(60))).as("at the expiry").isEmpty();
    assertThat(memo.reusable("ns", s, NOW.minusSeconds(1))).as("before it was resolved").isEmpty();
  }

  @Test
  void aForgottenNamespaceResolvesAfresh() {
    OrgSnapshot s = RandomOrgs.generate(4);
    memo.remember("ns", s, NOW, GrantResolver.resolve(s, NOW), WRITTEN);
    assertThat(memo.reusable("ns", s, NOW).get().connectors()).isEqualTo(WRITTEN);
    memo.forget("ns");
    assertThat(memo.reusable("ns", s, NOW)).isEmpty();
  }

  /** The snapshot with one more binding, expiring {@code seconds} after NOW. */
  private static OrgSnapshot expiringIn(OrgSnapshot s, long seconds) {
    List<BindingNode> bindings = new ArrayList<>(s.bindings().stream()
        .filter(b -> b.expiresAt() == null || !b.expiresAt().isAfter(NOW)).toList());
    BindingNode any = s.bindings().get(0);
    bindings.add(new BindingNode("zz-expiring", any.role(), any.subject(), any.scope(), NOW.plusSeconds(seconds)));
    return new OrgSnapshot(s.organization(), s.folders(), s.projects(), s.resources(), s.connectors(), s.members(),
        s.roles(), bindings, s.partnerships(), s.packages(), s.acceptances());
  }
}
