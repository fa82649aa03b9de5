package dev.trellis.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The projects and folders a connector is associated with. Outside Organization scope, a member reaches a
 * resource only through a project or folder that the resource's connector is associated with as well.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ConnectorSpec extends AssociatedSpec {}
