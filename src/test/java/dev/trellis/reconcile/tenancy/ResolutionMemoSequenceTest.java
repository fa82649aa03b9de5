package dev.trellis.reconcile.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trellis.model.grants.GrantResolver;
import dev.trellis.model.grants.Resolution;
import dev.trellis.model.property.MutationSequences;
import dev.trellis.model.property.MutationSequences.State;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The memo along random sequences of mutations: what it gives back is what resolving afresh gives. */
class ResolutionMemoSequenceTest {
  private static final Map<String, ResolutionMemo.Written> WRITTEN = Map.of("c", new ResolutionMemo.Written("uid",
      dev.trellis.projection.GrantsProjector.Format.V1ALPHA1, Map.of("c-grants", "7"),
      new dev.trellis.reconcile.status.ConnectorStatusAssembler.Figures(1, 2, "sha256:x", null)));

  static Stream<Long> seeds() {
    return LongStream.range(0, Long.getLong("trellis.property.seeds", 300)).boxed();
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void afterEveryMutationTheMemoGivesWhatResolvingAfreshGives(long seed) {
    ResolutionMemo memo = new ResolutionMemo();
    List<State> states = MutationSequences.states(seed);
    for (int i = 0; i < states.size(); i++) {
      State s = states.get(i);
      Resolution fresh = GrantResolver.judge(s.snapshot(), s.now());
      var reused = memo.reusable("ns", s.snapshot(), s.now());
      if (reused.isPresent()) {
        Resolution r = reused.get().resolution();
        assertThat(r.verdicts()).as("seed %d, step %d: verdicts", seed, i).isEqualTo(fresh.verdicts());
        assertThat(r.access()).as("seed %d, step %d: people", seed, i).isEqualTo(fresh.access());
        assertThat(r.nextExpiry()).as("seed %d, step %d: next expiry", seed, i).isEqualTo(fresh.nextExpiry());
      } else {
        memo.remember("ns", s.snapshot(), s.now(), GrantResolver.resolve(s.snapshot(), s.now()), WRITTEN);
      }
    }
  }
}
