package dev.trellis.reader;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One consistent, verified view of a connector's grants: the primary and all its shards at one revision. Immutable;
 * answers access questions by the rules of docs/grants-document.md ("Reading it: the reader kit").
 */
public final class Snapshot {
  private final String organization;
  private final String orgId;
  private final String connector;
  private final String revision;
  private final String keyId;
  private final boolean verified;
  private final List<Resource> resources;
  private final List<Entry> entries;
  private final Map<String, Resource> resourcesByName = new HashMap<>();
  private final Map<String, List<Entry>> entriesByResource = new HashMap<>();

  Snapshot(String organization, String orgId, String connector, String revision, String keyId, boolean verified,
      List<Resource> resources, List<Entry> entries) {
    this.organization = organization;
    this.orgId = orgId;
    this.connector = connector;
    this.revision = revision;
    this.keyId = keyId;
    this.verified = verified;
    this.resources = List.copyOf(resources);
    this.entries = List.copyOf(entries);
    this.resources.forEach(r -> resourcesByName.put(r.name(), r));
    this.entries.forEach(e -> entriesByResource.computeIfAbsent(e.resource(), k -> new ArrayList<>()).add(e));
    entriesByResource.replaceAll((k, v) -> List.copyOf(v));
  }

  public String organization() {
    return organization;
  }

  /** The organization's stable id; null until it has one. */
  public String orgId() {
    return orgId;
  }

  public String connector() {
    return connector;
  }

  /**
   * The primary's {@code sha256:…}, recomputed by the reader. In v1alpha1 every shard carries it too; in v1alpha2 it
   * is the hash of the primary, which names each shard's own revision, so it changes whenever any shard does.
   */
  public String revision() {
    return revision;
  }

  /** The key that signed the primary; null for an unsigned document read with {@link TrustedKeys#none()}. */
  public String keyId() {
    return keyId;
  }

  /**
   * Whether every signature was checked: the primary's and v1alpha1 shards' (false when read with
   * {@link TrustedKeys#none()}); v1alpha2 shards are not signed, the primary names their revisions.
   */
  public boolean verified() {
    return verified;
  }

  /** The resources, sorted by name. */
  public List<Resource> resources() {
    return resources;
  }

  /** All entries, in document order (by resource, then subject), however the document was cut into ConfigMaps. */
  public List<Entry> entries() {
    return entries;
  }

  /** The entries on {@code resource}, in document order; empty for an unknown resource. */
  public List<Entry> entriesOn(String resource) {
    return entriesByResource.getOrDefault(resource, List.of());
  }

  /** Whether {@code subject} may use {@code permission} on {@code resource} now. */
  public boolean allowed(String subject, String permission, String resource) {
    return decide(subject, permission, resource, Instant.now()).allowed();
  }

  /**
   * Decides for {@code subject} (an e-mail address or a service account's client id): its own entry on the resource
   * if it has one, else the Domain entry of its address's domain unless it is excepted, else nothing; an entry with
   * any expired grant grants nothing.
   */
  public Decision decide(String subject, String permission, String resource, Instant now) {
    if (!resourcesByName.containsKey(resource)) {
      return deny("unknown-resource", null, "Resource " + resource + " is not managed by connector " + connector
          + ".");
    }
    Optional<Entry> own = ownEntry(subject, resource);
    Entry entry;
    String rule;
    if (own.isPresent()) {
      entry = own.get();
      rule = "ServiceAccount".equals(entry.subjectKind()) ? "service-account-entry" : "user-entry";
    } else {
      Optional<Entry> domain = domainEntry(subject, resource);
      if (domain.isEmpty()) {
        return deny("no-entry", null, subject + " has no entry on " + resource
            + (isAddress(subject) ? ", nor does its domain." : "."));
      }
      entry = domain.get();
      if (entry.except().stream().anyMatch(x -> normalize(x).equals(normalize(subject)))) {
        return deny("excepted", entry, subject + " is excepted from the Domain entry " + entry.subject() + " on "
            + resource + " (a disabled member of the domain).");
      }
      rule = "domain-entry";
    }
    List<Grant> expired = entry.grants().stream().filter(g -> !g.inForce(now)).toList();
    if (!expired.isEmpty()) {
      return deny("expired", entry, "The entry of " + entry.subject() + " on " + resource + " has "
          + (expired.size() == entry.grants().size() ? "only expired grants" : expired.size() + " expired grant(s) of "
              + entry.grants().size() + ", and the document does not say which grant gave which permission")
          + ", so it grants nothing until Trellis rewrites it (first expiry " + expired.get(0).expiresAt() + ").");
    }
    if (!entry.permissions().contains(permission)) {
      return deny("permission-not-granted", entry, "The " + describe(rule) + " of " + entry.subject() + " on "
          + resource + " does not grant " + permission + ".");
    }
    return new Decision(true, rule, Optional.of(entry), "The " + describe(rule) + " of " + entry.subject() + " on "
        + resource + " grants " + permission + " (roles " + String.join(", ", entry.grants().stream()
            .map(Grant::role).distinct().toList())
        + ").");
  }

  /**
   * Who can: the entries on {@code resource} that carry {@code permission} and are in force at {@code now}, Domain
   * entries included (their {@code except} says whom they do not cover, and a member's own entry overrides them).
   */
  public List<Entry> holders(String permission, String resource, Instant now) {
    return entriesOn(resource).stream()
        .filter(e -> e.permissions().contains(permission) && e.inForce(now))
        .toList();
  }

  /**
   * The entry a connector goes by for {@code subject} on {@code resource}: its own, else its domain's unless that
   * excepts it; empty when neither (docs/grants-document.md, "Domain subjects"). Its grants may have expired:
   * {@link #decide} says whether it grants anything now.
   */
  public Optional<Entry> entryFor(String subject, String resource) {
    Optional<Entry> own = ownEntry(subject, resource);
    if (own.isPresent()) {
      return own;
    }
    return domainEntry(subject, resource)
        .filter(d -> d.except().stream().noneMatch(x -> normalize(x).equals(normalize(subject))));
  }

  private Optional<Entry> ownEntry(String subject, String resource) {
    if (isAddress(subject)) {
      String wanted = normalize(subject);
      return entriesOn(resource).stream()
          .filter(e -> "User".equals(e.subjectKind()) && normalize(e.subject()).equals(wanted))
          .findFirst();
    }
    return entriesOn(resource).stream()
        .filter(e -> "ServiceAccount".equals(e.subjectKind()) && e.subject().equals(subject))
        .findFirst();
  }

  private Optional<Entry> domainEntry(String subject, String resource) {
    if (!isAddress(subject) || subject.startsWith("*@")) {
      return Optional.empty(); // a Domain subject names everyone of the domain, never one caller
    }
    String wanted = "*@" + normalize(subject.substring(subject.lastIndexOf('@') + 1));
    return entriesOn(resource).stream()
        .filter(e -> "Domain".equals(e.subjectKind()) && normalize(e.subject()).equals(wanted))
        .findFirst();
  }

  /** Addresses compare without regard to case, as Trellis compares member addresses. */
  static String normalize(String address) {
    return address.toLowerCase(Locale.ROOT);
  }

  private static boolean isAddress(String subject) {
    return subject.indexOf('@') >= 0;
  }

  private static String describe(String rule) {
    return switch (rule) {
      case "domain-entry" -> "Domain entry";
      case "service-account-entry" -> "service account entry";
      default -> "own entry";
    };
  }

  private static Decision deny(String rule, Entry entry, String explanation) {
    return new Decision(false, rule, Optional.ofNullable(entry), explanation);
  }

  @Override
  public String toString() {
    return "Snapshot[" + connector + " " + revision + ", " + entries.size() + " entries]";
  }
}
