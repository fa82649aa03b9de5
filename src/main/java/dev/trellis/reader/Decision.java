package dev.trellis.reader;

import java.util.Optional;

/**
 * The answer to "may this subject do this on this resource": {@code rule} is a short machine word
 * ({@code user-entry}, {@code service-account-entry}, {@code domain-entry}, {@code excepted}, {@code no-entry},
 * {@code permission-not-granted}, {@code expired}, {@code unknown-resource}), {@code entry} the entry that decided,
 * and {@code explanation} one sentence for a person.
 */
public record Decision(boolean allowed, String rule, Optional<Entry> entry, String explanation) {}
