package dev.trellis.model.property;

import dev.trellis.model.snapshot.OrgSnapshot;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The states a random sequence of mutations of a random organization goes through, for tests of other packages. */
public final class MutationSequences {

  /** What the operator reads after a step, and when. */
  public record State(OrgSnapshot snapshot, Instant now) {}

  private MutationSequences() {}

  /** The start and the state after each mutation of the sequence of {@code seed}. */
  public static List<State> states(long seed) {
    OrgWorld w = OrgWorld.of(RandomOrgs.generate(seed), RandomOrgs.NOW);
    List<State> out = new ArrayList<>();
    out.add(new State(w.snapshot(), w.now()));
    for (Mutation m : RandomMutations.sequence(w, seed)) {
      w = w.with(m.key(), m.value());
      out.add(new State(w.snapshot(), w.now()));
    }
    return out;
  }
}
