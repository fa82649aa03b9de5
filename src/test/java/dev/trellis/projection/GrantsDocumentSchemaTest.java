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
import dev.trellis.model.snapshot.BindingNode;
import dev.trellis.model.snapshot.MemberNode;
import dev.trellis.model.snapshot.ScopeRef;
import dev.trellis.model.snapshot.SubjectRef;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Rendered documents (whole, split primary and shards) conform to config/schema/grants-document.schema.json. */
class GrantsDocumentSchemaTest {
  static final Path SCHEMA = Path.of("config", "schema", "grants-document.schema.json");
  static final ObjectMapper JSON = new ObjectMapper();

  static JsonSchema schema() throws Exception {
    return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
        .getSchema(Files.readString(SCHEMA));
  }

  static List<String> rendered() {
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
    var doc = GrantResolver.resolve(snap, Instant.parse("2026-06-01T00:00:00Z")).documents().get("conn");
    List<String> out = new ArrayList<>(GrantsProjector.project(doc).configMaps().values());
    out.addAll(GrantsProjector.project(doc, 1500).configMaps().values());
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
  }
}
