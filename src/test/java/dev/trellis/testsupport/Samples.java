package dev.trellis.testsupport;

import dev.trellis.api.v1alpha1.Organization;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * config/samples/ applied as hack/apply-samples.sh (`make run`) applies it, for tests: organizations.yaml first (see
 * {@link #applyOrganizations}), then, once the organizations have orgIds, every file with the placeholders
 * "<organization>-orgid" replaced, and the invitations accepted by their invitees.
 */
public final class Samples {
  public static final Path DIR = Path.of("config", "samples");

  private Samples() {}

  /** Applies config/samples/organizations.yaml. */
  public static void applyOrganizations(KubernetesClient admin) throws Exception {
    try (InputStream in = Files.newInputStream(DIR.resolve("organizations.yaml"))) {
      admin.load(in).forceConflicts().serverSideApply();
    }
  }

  /**
   * Applies every file of config/samples/ with the orgIds the organizations were given, then creates each
   * config/samples/invitee/&lt;user&gt;.yaml as that user (impersonated) unless it already exists.
   */
  public static void applyRest(KubernetesClient admin) throws Exception {
    try (Stream<Path> files = Files.list(DIR)) {
      for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
        String yaml = Files.readString(file);
        for (Organization org : admin.resources(Organization.class).list().getItems()) {
          if (org.getStatus() != null && org.getStatus().getOrgId() != null) {
            yaml = yaml.replaceAll("\\b" + org.getMetadata().getName() + "-orgid\\b", org.getStatus().getOrgId());
          }
        }
        admin.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8))).forceConflicts().serverSideApply();
      }
    }
    // Invitations are accepted by their invitees, each file as the user it is named after.
    try (Stream<Path> files = Files.list(DIR.resolve("invitee"))) {
      for (Path file : files.sorted().toList()) {
        String user = file.getFileName().toString().replaceAll("\\.yaml$", "");
        try (KubernetesClient invitee = ControlPlane.get().clientAs(user);
            InputStream in = Files.newInputStream(file)) {
          var items = invitee.load(in).items();
          for (var item : items) {
            if (admin.resource(item).get() == null) {
              invitee.resource(item).create();
            }
          }
        }
      }
    }
  }
}
