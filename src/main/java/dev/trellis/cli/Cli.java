package dev.trellis.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.trellis.api.v1alpha1.ApiConstants;
import dev.trellis.api.v1alpha1.Condition;
import dev.trellis.api.v1alpha1.ManagedResource;
import dev.trellis.api.v1alpha1.Organization;
import dev.trellis.api.v1alpha1.TrellisStatus;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** What every command works with: the client, the options, the output, and lookups of Trellis objects. */
final class Cli {
  static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  final KubernetesClient client;
  final Options options;
  final PrintStream out;
  /** Warnings, beside the output. */
  final PrintStream err;
  final Path kubeconfig;
  /** The namespace to look in: -n, else the context's. */
  final String namespace;
  /** The time a connector decides at: grants whose expiresAt has passed count for nothing. */
  final java.time.Clock clock;

  Cli(KubernetesClient client, Options options, PrintStream out, PrintStream err, Path kubeconfig,
      String contextNamespace, java.time.Clock clock) {
    this.client = client;
    this.err = err;
    this.clock = clock;
    this.options = options;
    this.out = out;
    this.kubeconfig = kubeconfig;
    this.namespace = options.namespace() != null ? options.namespace() : contextNamespace;
  }

  /** One sentence for an API call the server refused or could not answer. */
  static CliException refused(String what, KubernetesClientException e) {
    if (e.getCode() == 403) {
      return new CliException("the API server forbids you to " + what + ": ask your platform team for read access"
          + " (docs/cli.md#access).");
    }
    if (e.getCode() == 401) {
      return new CliException("the API server does not know you (401) when trying to " + what
          + ": check your kubeconfig's credentials.");
    }
    if (e.getCode() == 0 || e.getStatus() == null) {
      return new CliException("cannot reach the API server to " + what + ": " + rootMessage(e));
    }
    return new CliException("cannot " + what + ": " + e.getStatus().getMessage());
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
  }

  void json(Object value) {
    try {
      out.println(JSON.writeValueAsString(value));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  List<Organization> organizations() {
    try {
      return client.resources(Organization.class).list().getItems().stream()
          .sorted(Comparator.comparing(o -> o.getMetadata().getName())).toList();
    } catch (KubernetesClientException e) {
      throw refused("list organizations", e);
    }
  }

  Organization organization(String name) {
    Organization org;
    try {
      org = client.resources(Organization.class).withName(name).get();
    } catch (KubernetesClientException e) {
      throw refused("read organization " + name, e);
    }
    if (org == null) {
      throw new CliException("organization " + name + " does not exist.");
    }
    return org;
  }

  /** The organization that owns {@code namespace}, if any. */
  Optional<Organization> organizationOf(String namespace, List<Organization> organizations) {
    return organizations.stream().filter(o -> namespace.equals(namespaceOf(o))).findFirst();
  }

  static String namespaceOf(Organization org) {
    return org.getStatus() != null && org.getStatus().getNamespace() != null ? org.getStatus().getNamespace()
        : org.effectiveNamespace();
  }

  <T extends HasMetadata> List<T> list(Class<T> kind, String namespace) {
    try {
      return client.resources(kind).inNamespace(namespace).list().getItems().stream()
          .sorted(Comparator.comparing(o -> o.getMetadata().getName())).toList();
    } catch (KubernetesClientException e) {
      throw refused("list " + HasMetadata.getPlural(kind) + " in " + namespace, e);
    }
  }

  /**
   * The managed resource of that name: in -n (or the context's namespace) when it is there, else the only one of
   * that name in any namespace.
   */
  ManagedResource resource(String name) {
    if (options.namespace() != null) {
      return inNamespace(name, options.namespace()).orElseThrow(() -> new CliException(
          "managed resource " + name + " does not exist in namespace " + options.namespace() + "."));
    }
    List<ManagedResource> found;
    try {
      found = client.resources(ManagedResource.class).inAnyNamespace()
          .withField("metadata.name", name).list().getItems();
    } catch (KubernetesClientException e) {
      if (e.getCode() == 403 && namespace != null) {
        found = inNamespace(name, namespace).stream().toList();
      } else {
        throw refused("look for managed resource " + name, e);
      }
    }
    if (found.isEmpty()) {
      throw new CliException("managed resource " + name + " does not exist in any organization.");
    }
    if (found.size() > 1) {
      List<ManagedResource> several = found;
      Optional<ManagedResource> here = found.stream()
          .filter(r -> r.getMetadata().getNamespace().equals(namespace)).findFirst();
      return here.orElseThrow(() -> new CliException("managed resource " + name + " exists in several namespaces ("
          + String.join(", ", several.stream().map(r -> r.getMetadata().getNamespace()).sorted().toList())
          + "): pass -n <namespace>."));
    }
    return found.get(0);
  }

  private Optional<ManagedResource> inNamespace(String name, String ns) {
    try {
      return Optional.ofNullable(client.resources(ManagedResource.class).inNamespace(ns).withName(name).get());
    } catch (KubernetesClientException e) {
      throw refused("read managed resource " + name + " in " + ns, e);
    }
  }

  /** The organization that owns the resource's namespace; one sentence when none does. */
  Organization organizationOf(ManagedResource resource) {
    String ns = resource.getMetadata().getNamespace();
    return organizationOf(ns, organizations()).orElseThrow(() -> new CliException(
        "namespace " + ns + " of managed resource " + resource.getMetadata().getName()
            + " belongs to no organization."));
  }

  static Optional<Condition> ready(CustomResource<?, ? extends TrellisStatus> object) {
    return object.getStatus() == null ? Optional.empty() : object.getStatus().condition(ApiConstants.READY);
  }

  /** "Ready", or "NotReady(Reason)" / "Unknown" as kubectl get's columns would say. */
  static String readiness(CustomResource<?, ? extends TrellisStatus> object) {
    return ready(object).map(c -> c.isTrue() ? "Ready" : "NotReady(" + c.getReason() + ")").orElse("Unknown");
  }
}
