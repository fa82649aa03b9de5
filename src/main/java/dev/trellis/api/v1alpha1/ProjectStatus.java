package dev.trellis.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;

/** What Trellis observed about a project: whether its folder and that folder's ancestors are valid. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ProjectStatus extends TrellisStatus {}
