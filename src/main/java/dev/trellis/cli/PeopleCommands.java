package dev.trellis.cli;

import dev.trellis.api.v1alpha1.Member;
import dev.trellis.api.v1alpha1.MemberSpec;
import dev.trellis.api.v1alpha1.Organization;
import dev.trellis.api.v1alpha1.OrganizationPartnership;
import dev.trellis.api.v1alpha1.PartnerAccess;
import dev.trellis.api.v1alpha1.PartnershipAcceptance;
import dev.trellis.api.v1alpha1.PartnershipPhase;
import dev.trellis.api.v1alpha1.RoleBinding;
import io.fabric8.kubernetes.api.model.authentication.SelfSubjectReview;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code whoami} and {@code switch}: the requester (the Kubernetes username the API server sees, matched to Members
 * by e-mail as Trellis's admission does) and the customer organizations it can switch context to (seed 000).
 */
final class PeopleCommands {
  /** A member the requester is, with its organization. */
  record Membership(Organization organization, Member member) {
    String org() {
      return organization.getMetadata().getName();
    }
  }

  /** A customer the requester may switch to, through which of its memberships and partnerships. */
  record Customer(String organization, String namespace, String partnership, String member, String partner) {}

  private final Cli cli;

  PeopleCommands(Cli cli) {
    this.cli = cli;
  }

  /** The username from a SelfSubjectReview; --as, else the kubeconfig's user, when the API server refuses it. */
  String username() {
    try {
      SelfSubjectReview review = cli.client.authentication().v1().selfSubjectReviews().create(new SelfSubjectReview());
      if (review != null && review.getStatus() != null && review.getStatus().getUserInfo() != null) {
        return review.getStatus().getUserInfo().getUsername();
      }
    } catch (KubernetesClientException e) {
      // An older or locked-down API server: fall back to what the kubeconfig says.
    }
    if (cli.options.as() != null) {
      return cli.options.as();
    }
    String user = cli.client.getConfiguration().getUsername();
    if (user != null) {
      return user;
    }
    var context = cli.client.getConfiguration().getCurrentContext();
    if (context != null && context.getContext() != null && context.getContext().getUser() != null) {
      return context.getContext().getUser();
    }
    throw new CliException("cannot tell who you are: the API server refused a SelfSubjectReview and the kubeconfig"
        + " names no user.");
  }

  /** The user members whose e-mail is the username, in every organization. */
  List<Membership> memberships(String username, List<Organization> all) {
    List<Member> members = new ArrayList<>();
    try {
      members.addAll(cli.client.resources(Member.class).inAnyNamespace().list().getItems());
    } catch (KubernetesClientException e) {
      if (e.getCode() != 403) {
        throw Cli.refused("list members (to find yours)", e);
      }
      // No cluster-wide read: the organizations' namespaces that the requester may read (its own, as a rule).
      for (Organization org : all) {
        try {
          members.addAll(cli.client.resources(Member.class).inNamespace(Cli.namespaceOf(org)).list().getItems());
        } catch (KubernetesClientException forbidden) {
          if (forbidden.getCode() != 403) {
            throw Cli.refused("list members in " + Cli.namespaceOf(org), forbidden);
          }
        }
      }
    }
    List<Membership> out = new ArrayList<>();
    for (Member m : members) {
      if (m.getSpec() != null && m.getSpec().getType() == MemberSpec.Type.User && m.getSpec().getEmail() != null
          && m.getSpec().getEmail().toLowerCase(Locale.ROOT).equals(username.toLowerCase(Locale.ROOT))) {
        cli.organizationOf(m.getMetadata().getNamespace(), all).ifPresent(o -> out.add(new Membership(o, m)));
      }
    }
    out.sort(java.util.Comparator.comparing(Membership::org));
    return out;
  }

  /** Customers with an Established partnership whose acceptance, in the member's organization, lists the member. */
  List<Customer> customers(List<Membership> memberships, List<Organization> all) {
    List<Customer> out = new ArrayList<>();
    for (Membership ms : memberships) {
      if (!isActive(ms.member())) {
        continue;
      }
      for (PartnershipAcceptance a : cli.list(PartnershipAcceptance.class, Cli.namespaceOf(ms.organization()))) {
        if (a.getStatus() == null || a.getStatus().getPhase() != PartnershipPhase.Established
            || a.getSpec() == null || a.getSpec().getMembers() == null
            || !a.getSpec().getMembers().contains(ms.member().getMetadata().getName())) {
          continue;
        }
        String customer = a.getStatus().getCustomerOrganization();
        all.stream().filter(o -> o.getMetadata().getName().equals(customer)).findFirst().ifPresent(o -> out.add(
            new Customer(customer, Cli.namespaceOf(o), a.getSpec().getPartnership(),
                ms.member().getMetadata().getName(), ms.org())));
      }
    }
    out.sort(java.util.Comparator.comparing(Customer::organization));
    return out;
  }

  private static boolean isActive(Member m) {
    return (m.getSpec() == null || !Boolean.TRUE.equals(m.getSpec().getDisabled()))
        && Cli.ready(m).map(c -> c.isTrue()).orElse(false);
  }

  int switchTo() {
    String username = username();
    List<Organization> all = cli.organizations();
    List<Customer> customers = customers(memberships(username, all), all);
    String wanted = cli.options.arg(1);
    if (wanted == null) {
      if (cli.options.json()) {
        cli.json(Map.of("username", username, "customers", customers));
      } else if (customers.isEmpty()) {
        cli.out.println("No customer organization to switch to: no Established partnership includes " + username + ".");
      } else {
        Table t = new Table("CUSTOMER", "NAMESPACE", "PARTNERSHIP", "AS", "CONTEXT");
        customers
            .forEach(c -> t.row(c.organization(), c.namespace(), c.partnership(), c.member() + " of " + c.partner(),
                "trellis-" + c.organization()));
        t.print(cli.out);
      }
      return 0;
    }
    if (all.stream().noneMatch(o -> o.getMetadata().getName().equals(wanted))) {
      throw new CliException("organization " + wanted + " does not exist.");
    }
    Customer customer = customers.stream().filter(c -> c.organization().equals(wanted)).findFirst()
        .orElseThrow(() -> new CliException(username + " cannot switch to " + wanted + ": no Established partnership"
            + " of " + wanted + " with your organization includes you."));
    String name = "trellis-" + customer.organization();
    String yaml =
        Kubeconfigs.useContext(cli.kubeconfig, cli.options, name, customer.namespace(), !cli.options.dryRun());
    if (cli.options.dryRun()) {
      cli.out.print(yaml);
    } else {
      cli.out.println("Switched to context \"" + name + "\" (namespace " + customer.namespace() + ", as "
          + customer.member() + " of " + customer.partner() + " through partnership " + customer.partnership()
          + ") in " + cli.kubeconfig + ".");
    }
    return 0;
  }

  int whoami() {
    String username = username();
    List<Organization> all = cli.organizations();
    List<Membership> memberships = memberships(username, all);
    List<Customer> customers = customers(memberships, all);
    List<Map<String, Object>> members = new ArrayList<>();
    List<Map<String, Object>> bindings = new ArrayList<>();
    List<Map<String, Object>> access = new ArrayList<>();
    List<Map<String, Object>> partnerships = new ArrayList<>();
    for (Membership ms : memberships) {
      Member m = ms.member();
      var ready = Cli.ready(m);
      members.add(row("organization", ms.org(), "member", m.getMetadata().getName(),
          "phase", m.getStatus() == null || m.getStatus().getPhase() == null ? null : m.getStatus().getPhase().name(),
          "disabled", m.getSpec() != null && Boolean.TRUE.equals(m.getSpec().getDisabled()),
          "ready", Cli.readiness(m), "reason", ready.map(c -> c.getReason()).orElse(null)));
      for (RoleBinding b : cli.list(RoleBinding.class, Cli.namespaceOf(ms.organization()))) {
        if (b.getSpec() != null && b.getSpec().getSubject() != null
            && b.getSpec().getSubject().getKind() == dev.trellis.api.v1alpha1.Subject.Kind.Member
            && m.getMetadata().getName().equals(b.getSpec().getSubject().getName())) {
          bindings
              .add(row("organization", ms.org(), "binding", b.getMetadata().getName(), "role", b.getSpec().getRole(),
                  "scope", Denials.scope(b.getSpec().getScope()), "expiresAt", b.getSpec().getExpiresAt(),
                  "ready", Cli.readiness(b)));
        }
      }
      if (m.getStatus() != null) {
        for (PartnerAccess pa : m.getStatus().getPartnerAccess()) {
          access.add(row("customer", pa.getOrganization(), "partnership", pa.getPartnership(), "member",
              m.getMetadata().getName(), "roles",
              pa.getRoles().stream().map(r -> r.getRole() + "@" + r.getScope()).toList()));
        }
      }
      if (ms.organization().getStatus() != null) {
        for (OrganizationPartnership p : ms.organization().getStatus().getPartnerships()) {
          partnerships.add(row("organization", ms.org(), "side", p.getSide() == null ? null : p.getSide().name(),
              "partnership", p.getPartnership(), "counterpart", p.getCounterpart(),
              "phase", p.getPhase() == null ? null : p.getPhase().name()));
        }
      }
    }
    if (cli.options.json()) {
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("username", username);
      out.put("members", members);
      out.put("roleBindings", bindings);
      out.put("partnerAccess", access);
      out.put("switchableCustomers", customers);
      out.put("partnerships", partnerships);
      cli.json(out);
      return 0;
    }
    cli.out.println("username: " + username);
    if (members.isEmpty()) {
      cli.out.println("No Member of any organization has this e-mail address.");
      return 0;
    }
    section("members", members, "organization", "member", "phase", "disabled", "ready", "reason");
    section("role bindings", bindings, "organization", "binding", "role", "scope", "expiresAt", "ready");
    section("as a partner member: customers", access, "customer", "partnership", "member", "roles");
    section("partnerships of your organizations", partnerships, "organization", "side", "partnership", "counterpart",
        "phase");
    if (!customers.isEmpty()) {
      cli.out.println();
      cli.out.println("switch to: " + String.join(", ", customers.stream().map(Customer::organization).toList())
          + " (kubectl trellis switch <customer>)");
    }
    return 0;
  }

  private void section(String title, List<Map<String, Object>> rows, String... columns) {
    cli.out.println();
    if (rows.isEmpty()) {
      cli.out.println(title + ": none");
      return;
    }
    cli.out.println(title + ":");
    String[] headers = new String[columns.length];
    for (int i = 0; i < columns.length; i++) {
      headers[i] = columns[i].replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
    }
    Table t = new Table(headers);
    for (Map<String, Object> r : rows) {
      Object[] cells = new Object[columns.length];
      for (int i = 0; i < columns.length; i++) {
        Object v = r.get(columns[i]);
        cells[i] = v instanceof List<?> l ? String.join(",", l.stream().map(Object::toString).toList()) : v;
      }
      t.row(cells);
    }
    t.print(cli.out);
  }

  private static Map<String, Object> row(Object... keyValues) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      out.put((String) keyValues[i], keyValues[i + 1]);
    }
    return out;
  }
}
