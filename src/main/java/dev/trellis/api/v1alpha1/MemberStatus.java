package dev.trellis.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;

/** What Trellis observed about a member. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class MemberStatus extends TrellisStatus {}
