package dev.trellis.cli;

/** A failure the plugin reports as one sentence on stderr, with exit code 1. */
public final class CliException extends RuntimeException {
  public CliException(String sentence) {
    super(sentence);
  }
}
