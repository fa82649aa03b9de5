package dev.trellis.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;

/** What Trellis observed about a managed resource: whether its connector, projects and folders exist. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ManagedResourceStatus extends TrellisStatus {}
