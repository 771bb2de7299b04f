package org.familyview.extracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.familyview.extracts.Extracts.EVENTS_HEADER;
import static org.familyview.extracts.Extracts.eventRow;
import static org.familyview.extracts.Extracts.events;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EventRowRulesTests {

  @TempDir Path dir;

  @Test
  void aGoodRowIsAcceptedWithItsTypeDetailRoleAndDefaultSensitivity() throws IOException {
    var accepted = accepted(eventRow("detail", "HIGH", "role", "Victim"));

    EventRecord e = accepted.record();
    assertThat(accepted.warnings()).isEmpty();
    assertThat(e.eventId()).isEqualTo("E1");
    assertThat(e.recordId()).isEqualTo("P1");
    assertThat(e.occurredOn()).isEqualTo(LocalDate.of(2026, 3, 1));
    assertThat(e.occurredTime()).isNull();
    assertThat(e.type().code()).isEqualTo("police.domestic_abuse_incident");
    assertThat(e.detail()).isEqualTo("high");
    assertThat(e.role()).isEqualTo(EventRole.VICTIM);
    assertThat(e.sensitivity()).isEqualTo(Sensitivity.STANDARD);
    assertThat(e.contentHash()).hasSize(32);
  }

  @ParameterizedTest(name = "type {0} reads as {1}")
  @CsvSource({
    "police.crime, police.crime",
    "crime, police.crime",
    "' Police.Arrest ', police.arrest",
    "missing_person, police.missing_person"
  })
  void typesMayOmitTheAgencyPrefix(String raw, String code) throws IOException {
    assertThat(accepted(eventRow("type", raw, "detail", "")).record().type().code())
        .isEqualTo(code);
  }

  @ParameterizedTest(name = "{0}={1} is rejected: {3}")
  @CsvSource(
      delimiter = '|',
      value = {
        "event_id|''|event_id|MISSING_REQUIRED",
        "record_id|''|record_id|MISSING_REQUIRED",
        "type|''|type|MISSING_REQUIRED",
        "type|police.burglary|type|UNKNOWN_TYPE",
        "type|health.ae_attendance|type|UNKNOWN_TYPE",
        "record_id|P404|record_id|UNKNOWN_PERSON"
      })
  void rowsBreakingARejectRuleAreRejected(
      String column, String value, String field, ProblemCode code) throws IOException {
    var outcomes = events(dir, EVENTS_HEADER + "\n" + eventRow(column, value) + "\n", "P1");

    var rejected = (RowOutcome.Rejected<EventRecord>) outcomes.getFirst();
    assertThat(rejected.problem())
        .extracting(Problem::file, Problem::line, Problem::field, Problem::code)
        .containsExactly("events.csv", 2L, field, code);
    assertThat(rejected.problem().reason()).doesNotContain(value.isEmpty() ? "\u0000" : value);
  }

  @Test
  void theKnownPersonCallbackIsAskedForTheRowsRecordId() throws IOException {
    var outcomes =
        events(
            dir,
            EVENTS_HEADER
                + "\n"
                + eventRow()
                + "\n"
                + eventRow("event_id", "E2", "record_id", "P2"),
            "P2");

    assertThat(outcomes.get(0)).isInstanceOf(RowOutcome.Rejected.class);
    assertThat(outcomes.get(1)).isInstanceOf(RowOutcome.Accepted.class);
  }

  @Test
  void theLaterOfTwoRowsWithTheSameEventIdIsRejected() throws IOException {
    var outcomes =
        events(dir, EVENTS_HEADER + "\n" + eventRow() + "\n" + eventRow("summary", "x"), "P1");

    assertThat(outcomes.get(0)).isInstanceOf(RowOutcome.Accepted.class);
    var rejected = (RowOutcome.Rejected<EventRecord>) outcomes.get(1);
    assertThat(rejected.problem().code()).isEqualTo(ProblemCode.DUPLICATE_ID);
    assertThat(rejected.problem().line()).isEqualTo(3);
  }

  @ParameterizedTest(name = "{0}={1}: {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "detail|extreme|INVALID_VALUE",
        "role|bystander|INVALID_VALUE",
        "occurred_at|01/03/2026|NOT_A_DATE",
        "occurred_at|2026-02-30|IMPOSSIBLE_DATE",
        "occurred_at|''|MISSING_VALUE"
      })
  void badOptionalValuesAreDroppedWithAWarning(String column, String value, ProblemCode code)
      throws IOException {
    var accepted = accepted(eventRow(column, value));

    assertThat(accepted.warnings())
        .singleElement()
        .satisfies(
            w -> {
              assertThat(w.code()).isEqualTo(code);
              assertThat(w.field()).isEqualTo(column);
            });
  }

  @Test
  void anUnknownSensitivityIsReadAsRestricted() throws IOException {
    var accepted = accepted(eventRow("sensitivity", "secret"));

    assertThat(accepted.record().sensitivity()).isEqualTo(Sensitivity.RESTRICTED);
    assertThat(accepted.warnings())
        .extracting(Problem::code)
        .containsExactly(ProblemCode.INVALID_VALUE);
  }

  @Test
  void aLongSummaryIsCutTo2000CharactersWithAWarning() throws IOException {
    var accepted = accepted(eventRow("summary", "a".repeat(2500)));

    assertThat(accepted.record().summary()).hasSize(2000);
    assertThat(accepted.warnings())
        .extracting(Problem::code)
        .containsExactly(ProblemCode.TRUNCATED);
  }

  @Test
  void aDateTimeWithAnOffsetIsConvertedToUkLocalTime() throws IOException {
    var accepted = accepted(eventRow("occurred_at", "2026-07-01T23:30:00Z"));

    assertThat(accepted.record().occurredOn()).isEqualTo(LocalDate.of(2026, 7, 2));
    assertThat(accepted.record().occurredTime()).isEqualTo(LocalTime.of(0, 30));
  }

  @Test
  void aLocalDateTimeIsKeptAsUkTime() throws IOException {
    var accepted = accepted(eventRow("occurred_at", "2026-01-05T09:15"));

    assertThat(accepted.record().occurredTime()).isEqualTo(LocalTime.of(9, 15));
  }

  @ParameterizedTest(name = "{0} takes detail {1} as {2}")
  @CsvSource({
    "police.crime, Offender, offender",
    "education.unauthorised_absence, 04, 4",
    "police.domestic_abuse_incident, medium, medium"
  })
  void detailsAreNormalisedPerType(String type, String detail, String expected) throws IOException {
    var outcomes =
        new ExtractReader(Vocabulary.standard(), Extracts.EXTRACT_DATE)
            .openEvents(
                PartnerId.fromCode(type.substring(0, type.indexOf('.'))).orElseThrow(),
                Extracts.write(
                    dir,
                    "events.csv",
                    EVENTS_HEADER + "\n" + eventRow("type", type, "detail", detail)),
                id -> true);

    var accepted = (RowOutcome.Accepted<EventRecord>) Extracts.drain(outcomes).getFirst();
    assertThat(accepted.record().detail()).isEqualTo(expected);
  }

  @Test
  void aDetailOnATypeThatTakesNoneIsDropped() throws IOException {
    var accepted = accepted(eventRow("type", "police.arrest", "detail", "high"));

    assertThat(accepted.record().detail()).isNull();
    assertThat(accepted.warnings()).extracting(Problem::field).containsExactly("detail");
  }

  private RowOutcome.Accepted<EventRecord> accepted(String row) throws IOException {
    List<RowOutcome<EventRecord>> outcomes = events(dir, EVENTS_HEADER + "\n" + row + "\n", "P1");
    assertThat(outcomes).hasSize(1);
    return (RowOutcome.Accepted<EventRecord>) outcomes.getFirst();
  }
}
