package dev.trellis.model.snapshot;

/** The organization a snapshot belongs to: its name, stable id and namespace. */
public record OrganizationNode(String name, String orgId, String namespace) {}
