package dev.trellis.api.v1alpha1;

import io.fabric8.kubernetes.client.CustomResource;
import java.util.List;

/** Every custom resource class of the Trellis API, in the order the CRDs are documented. */
public final class ApiKinds {
  public static final List<Class<? extends CustomResource<?, ?>>> ALL = List.of(
      Organization.class,
      Folder.class,
      Project.class,
      ManagedResource.class,
      Connector.class,
      Member.class,
      InvitationAcceptance.class,
      AccessRole.class,
      RoleBinding.class,
      Partnership.class,
      PartnershipAcceptance.class);

  private ApiKinds() {}
}
