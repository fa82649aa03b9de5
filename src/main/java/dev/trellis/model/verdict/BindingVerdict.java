package dev.trellis.model.verdict;

/**
 * A role binding's verdict: Ready when its whole chain is valid now; {@code effective} when, in addition, it
 * grants at least one entry in some connector's document.
 */
public record BindingVerdict(Verdict verdict, boolean effective) {

  public boolean ready() {
    return verdict.ready();
  }

  public String reason() {
    return verdict.reason();
  }

  public String message() {
    return verdict.message();
  }
}
