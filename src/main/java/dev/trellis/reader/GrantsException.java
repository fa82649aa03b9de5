package dev.trellis.reader;

/** A grants document that cannot be used, and why. Only {@link Reason#INCONSISTENT} is worth retrying at once. */
public final class GrantsException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Why a view of the grants was refused. */
  public enum Reason {
    /** A ConfigMap, or its grants.json, is absent (or could not be read). */
    MISSING,
    /** Not a grants document: not strict JSON, a missing or unknown field, a wrong type. */
    MALFORMED,
    /** A shard's revision differs from the primary's: read in the middle of an update, try again. */
    INCONSISTENT,
    /** The revision recomputed from the reassembled document differs from the one it states. */
    REVISION_MISMATCH,
    /** The document names no signing key, or has no grants.json.sig. */
    UNSIGNED,
    /** The document names a key that is not trusted (unknown, or retired more than 30 days ago). */
    UNKNOWN_KEY,
    /** The signature does not verify with the key the document names. */
    BAD_SIGNATURE
  }

  private final Reason reason;

  public GrantsException(Reason reason, String message) {
    super(reason + ": " + message);
    this.reason = reason;
  }

  public GrantsException(Reason reason, String message, Throwable cause) {
    super(reason + ": " + message, cause);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
