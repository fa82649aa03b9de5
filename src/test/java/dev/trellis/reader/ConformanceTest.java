package dev.trellis.reader;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every case of config/schema/conformance through the reader kit; and two deliberately wrong readers, to show the
 * suite catches what matters: each must fail at least the case named.
 */
class ConformanceTest {

  @TestFactory
  Stream<DynamicTest> theKitPassesEveryCase() throws Exception {
    List<Conformance.Case> cases = Conformance.load(Conformance.DIR);
    assertThat(cases).extracting(Conformance.Case::name).contains("plain", "split", "stale-shard", "domain-except",
        "service-account", "expired", "tampered-shard", "unknown-key", "revision-mismatch", "v2-plain", "v2-sharded",
        "v2-parts", "v2-stale-shard", "v2-shard-revision-mismatch", "v2-shard-as-primary", "v2-forged-shard",
        "v2-signed-shards", "v2-duplicate-resource", "v2-entry-without-resource");
    return cases.stream().map(c -> DynamicTest.dynamicTest(c.name(),
        () -> assertThat(Conformance.run(c, Conformance.kit())).as(c.description()).isEmpty()));
  }

  @Test
  void aReaderIgnoringExceptFailsTheDomainCase() throws Exception {
    assertThat(failed(ignoringExcept())).contains("domain-except");
  }

  @Test
  void aReaderTrustingShardsUnverifiedFailsTheTamperedShardCases() throws Exception {
    assertThat(failed(trustingShards())).contains("tampered-shard", "unknown-key", "v2-shard-revision-mismatch");
  }

  @Test
  void aReaderRequiringSignedV1alpha2ShardsFailsTheShardedCases() throws Exception {
    assertThat(failed(requiringShardSignatures())).contains("v2-sharded", "v2-parts", "v2-signed-shards");
  }

  @Test
  void aReaderTakingAnyGenuinePartForTheWholeFailsTheShardAsPrimaryCase() throws Exception {
    assertThat(failed(ignoringKind())).contains("v2-shard-as-primary");
  }

  private static List<String> failed(Conformance.Reader reader) throws Exception {
    List<String> names = new ArrayList<>();
    for (Conformance.Case c : Conformance.load(Conformance.DIR)) {
      if (!Conformance.run(c, reader).isEmpty()) {
        names.add(c.name());
      }
    }
    return names;
  }

  /** Wrong: a Domain entry applies to every address of the domain, excepted or not. */
  private static Conformance.Reader ignoringExcept() {
    Conformance.Reader kit = Conformance.kit();
    return (primary, configMaps, keysJson, now) -> {
      Conformance.View view = kit.read(primary, configMaps, keysJson, now);
      Map<String, Map<String, String>> shards = new LinkedHashMap<>(configMaps);
      Snapshot s = GrantsReader.assemble(shards.remove(primary), shards, TrustedKeys.parse(keysJson), now);
      return (subject, permission, resource, at) -> {
        Decision d = s.decide(subject, permission, resource, at);
        if (d.rule().equals("excepted")) {
          boolean granted = d.entry().map(e -> e.permissions().contains(permission)).orElse(false);
          return new Conformance.Answer(granted, granted ? "domain-entry" : "permission-not-granted");
        }
        return view.decide(subject, permission, resource, at);
      };
    };
  }

  /**
   * Wrong: checks the primary's signature, then takes the shards' entries on the strength of their revision alone,
   * without verifying their signatures or recomputing the revision.
   */
  private static Conformance.Reader trustingShards() {
    return (primary, configMaps, keysJson, now) -> {
      try {
        TrustedKeys keys = TrustedKeys.parse(keysJson);
        Map<String, String> data = configMaps.get(primary);
        String json = data.get(GrantsReader.DATA_KEY);
        Document p = Document.parse("the primary", json);
        keys.verify("the primary", p.keyId(), json, data.get(GrantsReader.SIGNATURE_KEY), now);
        List<Resource> resources = new ArrayList<>(p.resources());
        List<Entry> entries = new ArrayList<>(p.entries());
        for (Document.ShardRef ref : Optional.ofNullable(p.shards()).orElse(List.of())) {
          Document shard = Document.parse(ref.name(), configMaps.get(ref.name()).get(GrantsReader.DATA_KEY));
          String expected = p.v1alpha2() ? ref.revision() : p.revision();
          if (!shard.revision().equals(expected)) {
            throw new Conformance.Refused("INCONSISTENT", ref.name());
          }
          resources.addAll(shard.resources());
          entries.addAll(shard.entries());
        }
        if (p.shards() == null && !Canonical.ownRevision(p).equals(p.revision())) {
          throw new Conformance.Refused("REVISION_MISMATCH", "unsplit document");
        }
        Snapshot s = new Snapshot(p.organization(), p.orgId(), p.connector(), p.revision(), p.keyId(), true,
            resources, entries);
        return (subject, permission, resource, at) -> {
          Decision d = s.decide(subject, permission, resource, at);
          return new Conformance.Answer(d.allowed(), d.rule());
        };
      } catch (GrantsException e) {
        throw new Conformance.Refused(e.reason().name(), e.getMessage());
      }
    };
  }

  /** Wrong: reads as the kit does, but also requires each v1alpha2 shard to be signed with a trusted key. */
  private static Conformance.Reader requiringShardSignatures() {
    Conformance.Reader kit = Conformance.kit();
    return (primary, configMaps, keysJson, now) -> {
      Conformance.View view = kit.read(primary, configMaps, keysJson, now);
      try {
        TrustedKeys keys = TrustedKeys.parse(keysJson);
        for (var cm : configMaps.entrySet()) {
          String json = cm.getValue().get(GrantsReader.DATA_KEY);
          Document d = Document.parse(cm.getKey(), json);
          if (Document.SHARD_KIND.equals(d.kind())) {
            keys.verify(cm.getKey(), d.keyId(), json, cm.getValue().get(GrantsReader.SIGNATURE_KEY), now);
          }
        }
      } catch (GrantsException e) {
        throw new Conformance.Refused(e.reason().name(), e.getMessage());
      }
      return view;
    };
  }

  /**
   * Wrong: takes a v1alpha2 primary of any kind, so that a genuine shard (signed, its own revision right) passes for
   * the whole document; otherwise reads as the kit does.
   */
  private static Conformance.Reader ignoringKind() {
    Conformance.Reader kit = Conformance.kit();
    return (primary, configMaps, keysJson, now) -> {
      Map<String, String> data = configMaps.get(primary);
      String json = data.get(GrantsReader.DATA_KEY);
      Document p = Document.parse("the primary", json);
      if (!Document.SHARD_KIND.equals(p.kind())) {
        return kit.read(primary, configMaps, keysJson, now);
      }
      try {
        TrustedKeys.parse(keysJson).verify("the primary", p.keyId(), json, data.get(GrantsReader.SIGNATURE_KEY), now);
      } catch (GrantsException e) {
        throw new Conformance.Refused(e.reason().name(), e.getMessage());
      }
      if (!Canonical.ownRevision(p).equals(p.revision())) {
        throw new Conformance.Refused("REVISION_MISMATCH", "the shard taken for the primary");
      }
      Snapshot s = new Snapshot(p.organization(), p.orgId(), p.connector(), p.revision(), p.keyId(), true,
          p.resources(), p.entries());
      return (subject, permission, resource, at) -> {
        Decision d = s.decide(subject, permission, resource, at);
        return new Conformance.Answer(d.allowed(), d.rule());
      };
    };
  }

  @Test
  void theRunnerReportsWhatDiffers() {
    Conformance.Case c = new Conformance.Case("x", "x", "p", Map.of(), "{\"keys\":[]}", Instant.EPOCH, "MISSING",
        List.of());
    assertThat(Conformance.run(c, Conformance.kit())).isEmpty();
    assertThat(Conformance.run(c, (p, cms, k, now) -> (s, perm, r, at) -> new Conformance.Answer(true, "x")))
        .singleElement().asString().contains("expected MISSING");
  }
}
