package dev.trellis.model.validation;

import static dev.trellis.model.Grants.subjectsOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.trellis.model.OrgBuilder;
import dev.trellis.model.Reasons;
import dev.trellis.model.grants.GrantResolver;
import dev.trellis.model.grants.Resolution;
import dev.trellis.model.snapshot.ScopeRef;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AssociationValidatorTest {
  static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");

  static OrgBuilder base() {
    return OrgBuilder.org("mrpaints")
        .folder("eu", "").project("london", "eu")
        .user("lea").user("root")
        .bind("lea-london", "operation-support-analyst", "lea", ScopeRef.project("london"))
        .bind("root-org", "organization-admin", "root", ScopeRef.organization());
  }

  @Test
  void missingProjectIsReportedAndTheValidAssociationKeepsWorking() {
    Resolution r = GrantResolver.resolve(base()
        .connector("conn", List.of("london"), List.of())
        .resource("ontap", "conn", List.of("london", "gone", "also-gone"), List.of())
        .build(), NOW);

    var v = r.verdicts().resources().get("ontap");
    assertThat(v.ready()).isFalse();
    assertThat(v.usable()).isTrue();
    assertThat(v.reason()).isEqualTo(Reasons.PROJECT_NOT_FOUND);
    assertThat(v.message()).contains("\"also-gone\", \"gone\"").contains("spec.projects");
    assertThat(subjectsOf(r, "ontap")).containsExactly("lea@mrpaints.com", "root@mrpaints.com");
    assertThat(r.documents().get("conn").resources().get(0).projects()).containsExactly("london");
  }

  @Test
  void missingFolderIsReportedAndIgnored() {
    Resolution r = GrantResolver.resolve(base()
        .connector("conn", List.of("london"), List.of("gone"))
        .resource("ontap", "conn", List.of("london"), List.of("nope"))
        .build(), NOW);

    assertThat(r.verdicts().resources().get("ontap").reason()).isEqualTo(Reasons.FOLDER_NOT_FOUND);
    assertThat(r.verdicts().connectors().get("conn").reason()).isEqualTo(Reasons.FOLDER_NOT_FOUND);
    assertThat(r.verdicts().connectors().get("conn").usable()).isTrue();
    assertThat(subjectsOf(r, "ontap")).contains("lea@mrpaints.com");
  }

  @Test
  void connectorWithAMissingProjectStillServesItsValidProjects() {
    Resolution r = GrantResolver.resolve(base()
        .connector("conn", List.of("london", "gone"), List.of())
        .resource("ontap", "conn", List.of("london"), List.of())
        .build(), NOW);

    assertThat(r.verdicts().connectors().get("conn").reason()).isEqualTo(Reasons.PROJECT_NOT_FOUND);
    assertThat(subjectsOf(r, "ontap")).contains("lea@mrpaints.com");
  }

  @Test
  void resourceWithAMissingConnectorAppearsNowhere() {
    Resolution r = GrantResolver.resolve(base()
        .connector("conn", List.of("london"), List.of())
        .resource("ontap", "conn-gone", List.of("london"), List.of())
        .build(), NOW);

    var v = r.verdicts().resources().get("ontap");
    assertThat(v.reason()).isEqualTo(Reasons.CONNECTOR_NOT_FOUND);
    assertThat(v.usable()).isFalse();
    assertThat(r.documents().get("conn").resources()).isEmpty();
    assertThat(subjectsOf(r, "ontap")).isEmpty();
  }

  @Test
  void resourceWithoutAConnectorIsValidButInNoDocument() {
    Resolution r = GrantResolver.resolve(base()
        .connector("conn", List.of("london"), List.of())
        .resource("ontap", null, List.of("london"), List.of())
        .build(), NOW);

    assertThat(r.verdicts().resources().get("ontap").ready()).isTrue();
    assertThat(r.documents().get("conn").resources()).isEmpty();
  }

  @Test
  void duplicateAssociationIsReportedAndCountsOnce() {
    Resolution r = GrantResolver.resolve(base()
        .connector("conn", List.of("london", "london"), List.of())
        .resource("ontap", "conn", List.of("london", "london"), List.of())
        .build(), NOW);

    assertThat(r.verdicts().resources().get("ontap").reason()).isEqualTo(Reasons.DUPLICATE_ASSOCIATION);
    assertThat(r.verdicts().connectors().get("conn").reason()).isEqualTo(Reasons.DUPLICATE_ASSOCIATION);
    assertThat(r.documents().get("conn").resources().get(0).projects()).containsExactly("london");
    assertThat(r.documents().get("conn").entries()).filteredOn(e -> e.subject().startsWith("lea"))
        .singleElement().satisfies(e -> assertThat(e.grants()).hasSize(1));
  }
}
