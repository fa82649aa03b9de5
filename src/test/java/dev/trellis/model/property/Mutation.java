package dev.trellis.model.property;

import java.util.Set;

/**
 * One object written, or deleted when {@code value} is null: its {@code kind} of change ("binding scope",
 * "folder delete" …), what it does in words, and the links of grant chains it breaks (named as
 * {@link ReferenceGrants#chains} names them): a grant whose every chain goes through one of them must go.
 */
record Mutation(String kind, String what, OrgWorld.Key key, Object value, Set<String> breaks) {

  /** Whether this and {@code other} write different objects, so that applying them in either order is the same. */
  boolean commutesWith(Mutation other) {
    return !key.equals(other.key);
  }

  @Override
  public String toString() {
    return what;
  }
}
