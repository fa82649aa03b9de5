package dev.trellis.projection;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.trellis.model.OrgBuilder;
import dev.trellis.model.grants.GrantResolver;
import dev.trellis.model.grants.GrantsDocument;
import dev.trellis.model.snapshot.BindingNode;
import dev.trellis.model.snapshot.MemberNode;
import dev.trellis.model.snapshot.ScopeRef;
import dev.trellis.model.snapshot.SubjectRef;
import dev.trellis.projection.GrantsProjector.Format;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Rendered documents conform to config/schema/grants-document.schema.json: v1alpha1 (whole, split primary and shards)
 * and v1alpha2 (whole, primary, shards and parts).
 */
class GrantsDocumentSchemaTest {
  static final Path SCHEMA = Path.of("config", "schema", "grants-document.schema.json");
  static final ObjectMapper JSON = new ObjectMapper();

  static JsonSchema schema() throws Exception {
    return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
        .getSchema(Files.readString(SCHEMA));
  }

  static GrantsDocument document() {
    var snap = OrgBuilder.org("mrpaints")
        .folder("eu", "").project("london", "eu")
        .connector("conn", List.of("london"), List.of("eu"))
        .resource("ontap-1", "conn", List.of("london"), List.of("eu"))
        .resource("ontap-2", "conn", List.of("london"), List.of())
        .user("root").user("lea").member(MemberNode.serviceAccount("bot"))
        .bind("root-org", "organization-admin", "root", ScopeRef.organization())
        .bind("lea-eu", "super-viewer", "lea", ScopeRef.folder("eu"), Instant.parse("2030-01-01T00:00:00Z"))
        .bind(new BindingNode("bot-london", "operation-support-analyst", SubjectRef.member("bot"),
            ScopeRef.project("london"), null))
        // Single sign-on: Domain entries with an except list, and default roles in a member's own entries.
        .member(MemberNode.user("gone", "gone@mrpaints.com").withDisabled(true))
        .bind("lea-obs", "observability-administrator", "lea", ScopeRef.organization())
        .access(new dev.trellis.model.snapshot.AccessPolicy(true, List.of("mrpaints.com"),
            List.of("observability-guest", "reporting-user"),
            dev.trellis.api.v1alpha1.DomainRestrictionSpec.Mode.None, List.of()))
        .build();
    return GrantResolver.resolve(snap, Instant.parse("2026-06-01T00:00:00Z")).documents().get("conn");
  }

  static List<String> rendered() {
    GrantsDocument doc = document();
    List<String> out = new ArrayList<>(GrantsProjector.project(doc).configMaps().values());
    out.addAll(GrantsProjector.project(doc, 1500).configMaps().values());
    return out;
  }

  /** v1alpha2: the whole document, then a primary and its shards, then a bucket continued in parts. */
  static List<String> renderedV1alpha2() {
    GrantsDocument doc = document();
    String keyId = "ed25519-0123456789abcdef";
    List<String> out = new ArrayList<>(GrantsProjector.project(doc, GrantsProjector.DEFAULT_LIMIT_BYTES, keyId,
        Format.V1ALPHA2, 4).configMaps().values());
    out.addAll(GrantsProjector.project(doc, GrantsProjector.DEFAULT_LIMIT_BYTES, keyId, Format.V1ALPHA2, 1)
        .configMaps().values());
    out.addAll(GrantsProjector.project(doc, 1500, keyId, Format.V1ALPHA2, 4).configMaps().values());
    return out;
  }

  @Test
  void renderedDocumentsConformToTheSchema() throws Exception {
    JsonSchema schema = schema();
    List<String> docs = rendered();
    assertThat(docs).hasSizeGreaterThan(2);
    assertThat(docs.get(0)).contains("\"subjectKind\":\"Domain\"").contains("\"except\":[\"gone@mrpaints.com\"]")
        .contains("\"binding\":null");
    for (String json : docs) {
      Set<ValidationMessage> errors = schema.validate(JSON.readTree(json));
      assertThat(errors).as(json).isEmpty();
    }
  }

  @Test
  void renderedV1alpha2DocumentsConformToTheSchema() throws Exception {
    JsonSchema schema = schema();
    List<String> docs = renderedV1alpha2();
    assertThat(docs.get(0)).startsWith("{\"apiVersion\":\"iam.trellis.dev/v1alpha2\",\"kind\":\"GrantsDocument\"")
        .doesNotContain("\"shards\"");
    assertThat(docs.get(1)).contains("\"resources\":[],\"entries\":[],\"shards\":[{\"name\":");
    assertThat(docs).anyMatch(d -> d.contains("\"kind\":\"GrantsDocumentShard\"") && d.contains("\"resources\":[]"))
        .anyMatch(d -> d.contains("\"kind\":\"GrantsDocumentShard\"") && d.contains("\"except\":[\"gone@"));
    for (String json : docs) {
      Set<ValidationMessage> errors = schema.validate(JSON.readTree(json));
      assertThat(errors).as(json).isEmpty();
    }
  }

  @Test
  void schemaRejectsPartsOfOneFormatShapedAsTheOther() throws Exception {
    JsonSchema schema = schema();
    List<String> v2 = renderedV1alpha2();
    String primary = v2.stream().filter(d -> d.contains("\"shards\"")).findFirst().orElseThrow();
    String shard = v2.stream().filter(d -> d.contains("GrantsDocumentShard")).findFirst().orElseThrow();
    String v1Primary = rendered().stream().filter(d -> d.contains("\"shards\"")).findFirst().orElseThrow();
    List<String> wrong = List.of(
        // v1alpha2 primary naming shards by name alone, and a v1alpha1 primary naming them with revisions
        primary.replaceAll("\\{\"name\":(\"[^\"]*\"),\"revision\":\"[^\"]*\"}", "$1"),
        primary.replace("iam.trellis.dev/v1alpha2", "iam.trellis.dev/v1alpha1"),
        // a shard object with another key, or without its revision
        primary.replaceFirst("\\{\"name\":", "{\"extra\":1,\"name\":"),
        primary.replaceFirst(",\"revision\":\"sha256:[0-9a-f]{64}\"}", "}"),
        // a primary with shards holding entries; a shard naming shards
        primary.replace("\"entries\":[]", "\"entries\":" + entries(shard)),
        shard.replaceFirst("}$", ",\"shards\":[]}"),
        // a shard kind in v1alpha1
        shard.replace("iam.trellis.dev/v1alpha2", "iam.trellis.dev/v1alpha1"),
        v1Primary.replace("\"kind\":\"GrantsDocument\"", "\"kind\":\"GrantsDocumentShard\""));
    for (String json : wrong) {
      assertThat(schema.validate(JSON.readTree(json))).as(json).isNotEmpty();
    }
  }

  private static String entries(String json) throws Exception {
    return JSON.readTree(json).get("entries").toString();
  }

  @Test
  void schemaRejectsADocumentWithoutRevision() throws Exception {
    JsonNode doc = JSON.readTree(rendered().get(0));
    ((com.fasterxml.jackson.databind.node.ObjectNode) doc).remove("revision");
    assertThat(schema().validate(doc)).isNotEmpty();
  }

  @Test
  void schemaRequiresExactlyTheKeysTheRendererWritesInOrder() throws Exception {
    JsonNode schema = JSON.readTree(SCHEMA.toFile());
    List<String> required = new ArrayList<>();
    schema.get("required").forEach(n -> required.add(n.asText()));
    List<String> keys = new ArrayList<>();
    JSON.readTree(rendered().get(0)).fieldNames().forEachRemaining(keys::add);
    assertThat(keys).containsExactlyElementsOf(required);
    // v1alpha2: a signed document names its key after revision; shards are not signed; a primary's shards last.
    List<String> signed = new ArrayList<>(required);
    signed.add(signed.indexOf("revision") + 1, "keyId");
    List<String> v2 = renderedV1alpha2();
    List<String> wholeKeys = new ArrayList<>();
    JSON.readTree(v2.get(0)).fieldNames().forEachRemaining(wholeKeys::add);
    assertThat(wholeKeys).containsExactlyElementsOf(signed);
    List<String> shardKeys = new ArrayList<>();
    JSON.readTree(v2.get(2)).fieldNames().forEachRemaining(shardKeys::add);
    assertThat(shardKeys).as(v2.get(2)).containsExactlyElementsOf(required);
    List<String> primaryKeys = new ArrayList<>();
    JSON.readTree(v2.get(1)).fieldNames().forEachRemaining(primaryKeys::add);
    signed.add("shards");
    assertThat(primaryKeys).containsExactlyElementsOf(signed);
  }
}
