package dev.trellis.cli;

import java.util.ArrayList;
import java.util.List;

/** The command line: kubectl's global flags (--kubeconfig, --context, -n, --as, -o) and the plugin's own. */
public record Options(List<String> args, String kubeconfig, String context, String namespace, String as,
    boolean json, boolean dryRun, boolean explainDenied, boolean help) {

  /** Parses flags anywhere on the line, as kubectl does; {@code --flag value} and {@code --flag=value}. */
  public static Options parse(String[] argv) {
    List<String> args = new ArrayList<>();
    String kubeconfig = null;
    String context = null;
    String namespace = null;
    String as = null;
    boolean json = false;
    boolean dryRun = false;
    boolean explainDenied = false;
    boolean help = false;
    for (int i = 0; i < argv.length; i++) {
      String arg = argv[i];
      String name = arg;
      String value = null;
      int eq = arg.indexOf('=');
      if (arg.startsWith("-") && eq > 0) {
        name = arg.substring(0, eq);
        value = arg.substring(eq + 1);
      } else if (arg.startsWith("-o") && arg.length() > 2 || arg.startsWith("-n") && arg.length() > 2) {
        // kubectl's short forms -ojson and -norg-mrpaints.
        name = arg.substring(0, 2);
        value = arg.substring(2);
      }
      switch (name) {
        case "--kubeconfig", "--context", "-n", "--namespace", "--as", "-o", "--output" -> {
          if (value == null) {
            if (i + 1 >= argv.length) {
              throw new CliException("flag " + name + " needs a value.");
            }
            value = argv[++i];
          }
          switch (name) {
            case "--kubeconfig" -> kubeconfig = value;
            case "--context" -> context = value;
            case "-n", "--namespace" -> namespace = value;
            case "--as" -> as = value;
            default -> {
              if (!value.equals("json")) {
                throw new CliException("output format " + value + " is not supported: use -o json, or no -o for"
                    + " tables.");
              }
              json = true;
            }
          }
        }
        case "--dry-run" -> dryRun = value == null || !value.equals("false") && !value.equals("none");
        case "--explain-denied" -> explainDenied = true;
        case "-h", "--help" -> help = true;
        default -> {
          if (arg.startsWith("-") && arg.length() > 1) {
            throw new CliException("unknown flag " + arg + ": see kubectl trellis --help.");
          }
          args.add(arg);
        }
      }
    }
    return new Options(List.copyOf(args), kubeconfig, context, namespace, as, json, dryRun, explainDenied, help);
  }

  /** The positional argument at {@code index}, or null. */
  public String arg(int index) {
    return index < args.size() ? args.get(index) : null;
  }
}
