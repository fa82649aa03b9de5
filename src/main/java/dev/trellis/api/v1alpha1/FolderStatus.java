package dev.trellis.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;

/** What Trellis observed about a folder: whether its chain of parents up to the organization is valid. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class FolderStatus extends TrellisStatus {}
