package dev.trellis.model.verdict;

import java.util.Map;

/** The verdict of every object of one organization's snapshot, by kind and name (maps sorted by name). */
public record Verdicts(
    Map<String, Verdict> folders,
    Map<String, Verdict> projects,
    Map<String, Verdict> resources,
    Map<String, Verdict> connectors,
    Map<String, Verdict> members,
    Map<String, Verdict> roles,
    Map<String, BindingVerdict> bindings) {}
