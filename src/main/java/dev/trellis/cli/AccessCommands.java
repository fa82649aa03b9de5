package dev.trellis.cli;

import dev.trellis.api.v1alpha1.AccessRole;
import dev.trellis.api.v1alpha1.ManagedResource;
import dev.trellis.api.v1alpha1.Organization;
import dev.trellis.model.permissions.PermissionCatalogue;
import dev.trellis.reader.Decision;
import dev.trellis.reader.Entry;
import dev.trellis.reader.Grant;
import dev.trellis.reader.Snapshot;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code can-i}, {@code who-can} and {@code why}: answered from the connector's grants document by the connector's
 * own rule, then, for {@code why}, explained from the API objects.
 */
final class AccessCommands {
  /** The resource asked about, its organization, and its connector's document (null when it has no connector). */
  private record Target(ManagedResource resource, Organization org, List<Organization> all, Snapshot document) {
    String name() {
      return resource.getMetadata().getName();
    }
  }

  private final Cli cli;

  AccessCommands(Cli cli) {
    this.cli = cli;
  }

  private Target target(String resourceName, boolean documentRequired) {
    ManagedResource resource = cli.resource(resourceName);
    List<Organization> all = cli.organizations();
    Organization org = cli.organizationOf(resource);
    String connector = resource.getSpec() == null ? null : resource.getSpec().getConnector();
    if (connector == null || connector.isEmpty()) {
      if (documentRequired) {
        throw new CliException("managed resource " + resourceName + " has no connector, so no grants document covers"
            + " it: nobody can act on it through a connector.");
      }
      return new Target(resource, org, all, null);
    }
    Snapshot doc = new Documents(cli.client, cli.err).read(Cli.namespaceOf(org), connector, cli.clock.instant());
    if (doc.resources().stream().noneMatch(r -> r.name().equals(resourceName)) && documentRequired) {
      throw new CliException("managed resource " + resourceName + " is not in the grants document of connector "
          + connector + " (" + Cli.readiness(resource) + "): nobody can act on it through a connector.");
    }
    return new Target(resource, org, all, doc);
  }

  private static void knownPermission(String permission) {
    if (!PermissionCatalogue.contains(permission)) {
      throw new CliException("permission " + permission + " is not in the catalogue (docs/permissions.md).");
    }
  }

  /** can-i: yes (0) or no (1), as {@code kubectl auth can-i}. */
  int canI() {
    String subject = required(1, "subject");
    String permission = required(2, "permission");
    String resourceName = required(3, "resource");
    knownPermission(permission);
    Target t = target(resourceName, true);
    Decision d = t.document().decide(subject, permission, t.name(), cli.clock.instant());
    List<String> why = List.of();
    if (!d.allowed() && cli.options.explainDenied()) {
      why = new Denials(cli).explain(t.org(), t.all(), t.resource(),
          Identities.in(cli, t.org(), t.all(), subject), subject, permission);
    }
    if (cli.options.json()) {
      Map<String, Object> out = decision(t, subject, permission, d);
      if (!d.allowed() && cli.options.explainDenied()) {
        out.put("denied", why);
      }
      cli.json(out);
    } else {
      cli.out.println(d.allowed() ? "yes" : "no");
      why.forEach(line -> cli.out.println("  - " + line));
    }
    return d.allowed() ? 0 : 1;
  }

  /** who-can: every subject the document lets do it, Domain entries with their exceptions. */
  int whoCan() {
    String permission = required(1, "permission");
    String resourceName = required(2, "resource");
    knownPermission(permission);
    Target t = target(resourceName, true);
    List<Entry> holders = t.document().holders(permission, t.name(), cli.clock.instant());
    if (cli.options.json()) {
      Map<String, Object> out = header(t);
      out.put("permission", permission);
      out.put("holders", holders);
      cli.json(out);
      return 0;
    }
    // One row per grant that gives the permission (the role's permissions say which; all grants if roles are unreadable).
    boolean excepts = holders.stream().anyMatch(e -> !e.except().isEmpty());
    Table table = excepts ? new Table("SUBJECT", "KIND", "ORGANIZATION", "ROLE", "SCOPE", "VIA", "EXCEPT")
        : new Table("SUBJECT", "KIND", "ORGANIZATION", "ROLE", "SCOPE", "VIA");
    for (Entry e : holders) {
      List<Grant> giving = e.grants().stream().filter(g -> {
        List<String> perms = rolePermissions(g.role(), e.permissions());
        return perms == null || perms.contains(permission);
      }).toList();
      for (Grant g : giving.isEmpty() ? e.grants() : giving) {
        table.row(e.subject(), e.subjectKind(), e.subjectOrganization(), g.role(), g.scope(), g.via(),
            String.join(",", e.except()));
      }
    }
    if (table.isEmpty()) {
      cli.out.println("Nobody holds " + permission + " on " + t.name() + ".");
    } else {
      table.print(cli.out);
    }
    return 0;
  }

  /** why: every grant behind the subject's access, and with --explain-denied (or no access) what stands in the way. */
  int why() {
    String subject = required(1, "subject");
    String resourceName = required(2, "resource");
    String permission = cli.options.arg(3);
    if (permission != null) {
      knownPermission(permission);
    }
    Target t = target(resourceName, false);
    Instant now = cli.clock.instant();
    List<Identities.Identity> identities = Identities.in(cli, t.org(), t.all(), subject);
    List<Entry> access = new ArrayList<>();
    Optional<Decision> decision = Optional.empty();
    if (t.document() != null) {
      access.addAll(entriesFor(t.document(), subject, t.name()));
      if (permission != null) {
        decision = Optional.of(t.document().decide(subject, permission, t.name(), now));
      }
      boolean named = t.document().entriesOn(t.name()).stream().anyMatch(e -> e.subject().equalsIgnoreCase(subject)
          || e.except().stream().anyMatch(subject::equalsIgnoreCase));
      if (identities.isEmpty() && access.isEmpty() && !named) {
        throw new CliException(subject + " is not known to organization " + t.org().getMetadata().getName()
            + ": no member, partner member or grants entry on " + t.name() + " names it.");
      }
    } else if (identities.isEmpty()) {
      throw new CliException(subject + " is not known to organization " + t.org().getMetadata().getName()
          + ": no member or partner member names it.");
    }
    boolean denied = access.isEmpty() || decision.map(d -> !d.allowed()).orElse(false);
    List<String> reasons = denied || cli.options.explainDenied()
        ? new Denials(cli).explain(t.org(), t.all(), t.resource(), identities, subject, permission) : List.of();
    if (cli.options.json()) {
      Map<String, Object> out = header(t);
      out.put("subject", subject);
      if (permission != null) {
        out.put("permission", permission);
        out.put("allowed", !denied);
      }
      List<Object> entries = new ArrayList<>();
      for (Entry e : access) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("subject", e.subject());
        entry.put("subjectKind", e.subjectKind());
        entry.put("subjectOrganization", e.subjectOrganization());
        entry.put("permissions", e.permissions());
        List<Object> grants = new ArrayList<>();
        for (Grant g : e.grants()) {
          Map<String, Object> grant = new LinkedHashMap<>();
          grant.put("role", g.role());
          grant.put("binding", g.binding());
          grant.put("scope", g.scope());
          grant.put("via", g.via());
          grant.put("expiresAt", g.expiresAt() == null ? null : g.expiresAt().toString());
          grant.put("permissions", rolePermissions(g.role(), e.permissions()));
          grants.add(grant);
        }
        entry.put("grants", grants);
        entries.add(entry);
      }
      out.put("access", entries);
      out.put("denied", reasons);
      cli.json(out);
      return 0;
    }
    String where = t.document() == null ? "organization " + t.org().getMetadata().getName() + ", no connector"
        : "organization " + t.org().getMetadata().getName() + ", connector " + t.document().connector()
            + ", revision " + shortRevision(t.document().revision());
    cli.out.println(subject + " on " + t.name() + " (" + where + ")");
    if (permission != null) {
      cli.out.println((denied ? "no: " : "yes: ") + decision.map(Decision::explanation)
          .orElse(subject + " has no access to " + t.name()));
    }
    for (Entry e : access) {
      cli.out.println("entry: " + e.subject() + " (" + e.subjectKind() + " of " + e.subjectOrganization() + ")"
          + ("Domain".equals(e.subjectKind()) && !e.except().isEmpty() ? " except " + e.except() : ""));
      cli.out.println("permissions: " + String.join(", ", e.permissions()));
      Table table = new Table("ROLE", "BINDING", "SCOPE", "VIA", "EXPIRES", "PERMISSIONS");
      for (Grant g : e.grants()) {
        List<String> perms = rolePermissions(g.role(), e.permissions());
        table.row(g.role(), g.binding(), g.scope(), g.via(), g.expiresAt() == null ? "never" : g.expiresAt(),
            perms == null ? "?" : String.join(",", perms));
      }
      table.print(cli.out);
    }
    if (access.isEmpty() && permission == null) {
      cli.out.println("no access: no entry on " + t.name() + " gives " + subject + " anything.");
    }
    if (!reasons.isEmpty()) {
      cli.out.println(denied ? "why not:" : "also, what grants nothing here:");
      reasons.forEach(line -> cli.out.println("  - " + line));
    } else if (denied) {
      cli.out.println("why not: nothing found in the API objects; the document may not be written yet.");
    }
    return 0;
  }

  /** The entry a connector uses for the subject, as the reader kit finds it (docs/grants-document.md). */
  private static List<Entry> entriesFor(Snapshot doc, String subject, String resource) {
    return doc.entryFor(subject, resource).stream().toList();
  }

  private final Map<String, List<String>> rolePermissionCache = new LinkedHashMap<>();

  /** The role's permissions that the entry holds (the document does not say which grant gave which). */
  private List<String> rolePermissions(String role, List<String> held) {
    List<String> perms = rolePermissionCache.computeIfAbsent(role, r -> {
      try {
        AccessRole found = cli.client.resources(AccessRole.class).withName(r).get();
        return found == null || found.getSpec() == null ? null : found.getSpec().getPermissions();
      } catch (io.fabric8.kubernetes.client.KubernetesClientException e) {
        return null;
      }
    });
    return perms == null ? null : perms.stream().filter(held::contains).sorted().toList();
  }

  private Map<String, Object> header(Target t) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("organization", t.org().getMetadata().getName());
    out.put("resource", t.name());
    if (t.document() != null) {
      out.put("connector", t.document().connector());
      out.put("revision", t.document().revision());
    }
    return out;
  }

  private Map<String, Object> decision(Target t, String subject, String permission, Decision d) {
    Map<String, Object> out = header(t);
    out.put("subject", subject);
    out.put("permission", permission);
    out.put("allowed", d.allowed());
    out.put("rule", d.rule());
    out.put("explanation", d.explanation());
    out.put("entry", d.entry().orElse(null));
    return out;
  }

  private static String shortRevision(String revision) {
    return revision == null || revision.length() < 19 ? revision : revision.substring(0, 19) + "…";
  }

  private String required(int index, String what) {
    String value = cli.options.arg(index);
    if (value == null) {
      throw new CliException("missing " + what + ": see kubectl trellis --help.");
    }
    return value;
  }
}
