package dev.trellis.model.packages;

import dev.trellis.model.verdict.Verdict;

/**
 * What an organization may use of what it asked for: {@code effective} is always set (the request cut down to
 * what the parent has), and {@code verdict} is Ready, or {@code PackageNotAvailable} naming what was cut.
 */
public record PackageAvailability(Verdict verdict, Subscription effective) {}
