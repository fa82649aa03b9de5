package dev.trellis.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;

/** What Trellis observed about a role: whether every permission is in the catalogue. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class AccessRoleStatus extends TrellisStatus {}
