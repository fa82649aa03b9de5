package dev.trellis.cli;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;

/**
 * {@code kubectl trellis}: Trellis's kubectl plugin. A plain {@code main} (no Quarkus) over the project's API
 * classes and model, so that the plugin reads objects exactly as the operator writes them. See docs/cli.md.
 */
public final class KubectlTrellis {
  static final String USAGE = """
      kubectl trellis: Trellis organizations, access and partnerships from the command line.

      Commands:
        tree [org]                             an organization's folders, projects, resources and connectors, with
                                               Ready and reason, and its tenant tree; without org, every organization
        why <subject> <resource> [permission]  every grant behind a subject's access, and what stands in the way
                                               (--explain-denied: also when access is granted)
        can-i <subject> <permission> <resource>  yes (exit 0) or no (exit 1), as the resource's connector decides
        who-can <permission> <resource>        every subject the connector lets do it
        switch [customer-org]                  the customers you can switch to; with one, a kubeconfig context
                                               trellis-<customer-org> in its namespace, made current (--dry-run)
        whoami                                 your username, members, role bindings and partnerships

      Flags (as kubectl's): --kubeconfig FILE, --context NAME, -n NAMESPACE, --as USER, -o json
      A subject is an e-mail address (alice@mrpaints.com) or a service account's client ID (mrpaints/backup-robot).
      A resource is a ManagedResource name, looked up in -n or the context's namespace, else in every namespace.
      """;

  private KubectlTrellis() {}

  public static void main(String[] args) {
    int code = run(args, System.out, System.err, System.getenv());
    System.out.flush();
    System.exit(code);
  }

  /**
   * Runs one command line with the kubeconfig that {@code env} designates (KUBECONFIG, HOME) and returns the exit
   * code: 0 done (can-i: yes), 1 an error, reported as one sentence on {@code err} (can-i: no).
   */
  public static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env) {
    Options options;
    try {
      options = Options.parse(args);
    } catch (CliException e) {
      err.println("error: " + e.getMessage());
      return 1;
    }
    if (options.help() || options.args().isEmpty() || options.arg(0).equals("help")) {
      out.print(USAGE);
      return options.args().isEmpty() && !options.help() ? 1 : 0;
    }
    try {
      Path kubeconfig = Kubeconfigs.file(options, env);
      var config = Kubeconfigs.config(kubeconfig, options);
      try (KubernetesClient client = new KubernetesClientBuilder().withConfig(config).build()) {
        Cli cli = new Cli(client, options, out, err, kubeconfig, Kubeconfigs.contextNamespace(kubeconfig, options),
            java.time.Clock.systemUTC());
        return dispatch(cli);
      }
    } catch (CliException e) {
      err.println("error: " + e.getMessage());
      return 1;
    } catch (KubernetesClientException e) {
      err.println("error: " + Cli.refused("complete the request", e).getMessage());
      return 1;
    } catch (RuntimeException e) {
      // A bug of the plugin: still one line, with the stack trace only when asked for.
      err.println("error: the plugin failed unexpectedly (" + e + "); set TRELLIS_PLUGIN_DEBUG=1 for details.");
      if (env.containsKey("TRELLIS_PLUGIN_DEBUG")) {
        e.printStackTrace(err);
      }
      return 1;
    }
  }

  private static int dispatch(Cli cli) {
    String command = cli.options.arg(0);
    return switch (command) {
      case "tree" -> new TreeCommand(cli).run();
      case "why" -> new AccessCommands(cli).why();
      case "can-i" -> new AccessCommands(cli).canI();
      case "who-can" -> new AccessCommands(cli).whoCan();
      case "switch" -> new PeopleCommands(cli).switchTo();
      case "whoami" -> new PeopleCommands(cli).whoami();
      default -> throw new CliException("unknown command " + command + ": use tree, why, can-i, who-can, switch or"
          + " whoami (kubectl trellis --help).");
    };
  }
}
