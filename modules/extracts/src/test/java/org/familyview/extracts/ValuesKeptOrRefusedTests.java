package org.familyview.extracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.familyview.extracts.Extracts.EVENTS_HEADER;
import static org.familyview.extracts.Extracts.PERSONS_HEADER;
import static org.familyview.extracts.Extracts.eventRow;
import static org.familyview.extracts.Extracts.events;
import static org.familyview.extracts.Extracts.personRow;
import static org.familyview.extracts.Extracts.persons;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15, finding 8: a value is stored as the partner wrote it, refused with a reason, or changed
 * with a warning that says so; never changed without a word. Each normalisation is in the contract.
 */
class ValuesKeptOrRefusedTests {

  @TempDir Path dir;

  @Test
  void aRecordIdWithALineBreakIsRejectedRatherThanSquashedIntoAnotherId() throws IOException {
    List<RowOutcome<PersonRecord>> outcomes =
        persons(
            dir,
            PERSONS_HEADER
                + "\n"
                + personRow("record_id", "\"P\n1\"")
                + "\n"
                + personRow("record_id", "P 1")
                + "\n");

    assertThat(outcomes).hasSize(2);
    Problem problem = ((RowOutcome.Rejected<PersonRecord>) outcomes.get(0)).problem();
    assertThat(problem.file()).isEqualTo("persons.csv");
    assertThat(problem.line()).isEqualTo(2);
    assertThat(problem.field()).isEqualTo("record_id");
    assertThat(problem.code()).isEqualTo(ProblemCode.CONTROL_CHARACTER);
    assertThat(problem.reason())
        .isEqualTo(
            "record_id contains a line break, tab or other control character; identifiers are"
                + " stored exactly, so the row is rejected");
    var other = (RowOutcome.Accepted<PersonRecord>) outcomes.get(1);
    assertThat(other.record().recordId()).isEqualTo("P 1");
    assertThat(other.record().line()).isEqualTo(4);
  }

  @Test
  void aTabOrAnyOtherControlCharacterInARecordIdIsRejected() throws IOException {
    for (String id : List.of("P\t1", "P\u00011", "P\u007f1", "P\u20281")) {
      var outcome = persons(dir, PERSONS_HEADER + "\n" + personRow("record_id", id) + "\n");
      assertThat(((RowOutcome.Rejected<PersonRecord>) outcome.getFirst()).problem().code())
          .as("record_id with U+%04X", (int) id.charAt(1))
          .isEqualTo(ProblemCode.CONTROL_CHARACTER);
    }
  }

  @Test
  void innerSpacesOfARecordIdAreKeptExactlySoTwoIdsNeverBecomeOne() throws IOException {
    List<RowOutcome<PersonRecord>> outcomes =
        persons(
            dir,
            PERSONS_HEADER
                + "\n"
                + personRow("record_id", "P  1")
                + "\n"
                + personRow("record_id", "P 1")
                + "\n");

    assertThat(outcomes)
        .map(o -> ((RowOutcome.Accepted<PersonRecord>) o).record().recordId())
        .containsExactly("P  1", "P 1");
  }

  @Test
  void spacesAroundARecordIdAreRemovedWithAWarningAndACollisionIsRejected() throws IOException {
    List<RowOutcome<PersonRecord>> outcomes =
        persons(
            dir,
            PERSONS_HEADER
                + "\n"
                + personRow("record_id", " P1 ")
                + "\n"
                + personRow("record_id", "P1")
                + "\n");

    var trimmed = (RowOutcome.Accepted<PersonRecord>) outcomes.get(0);
    assertThat(trimmed.record().recordId()).isEqualTo("P1");
    assertThat(trimmed.warnings())
        .singleElement()
        .satisfies(
            w -> {
              assertThat(w.field()).isEqualTo("record_id");
              assertThat(w.code()).isEqualTo(ProblemCode.TRIMMED);
            });
    assertThat(((RowOutcome.Rejected<PersonRecord>) outcomes.get(1)).problem().code())
        .isEqualTo(ProblemCode.DUPLICATE_ID);
  }

  @Test
  void aControlCharacterInANameBecomesASpaceWithAWarning() throws IOException {
    for (String name : List.of("Ame\u0001lia", "\"Ame\nlia\"", "Ame\tlia")) {
      var accepted =
          (RowOutcome.Accepted<PersonRecord>)
              persons(dir, PERSONS_HEADER + "\n" + personRow("given_name", name) + "\n").getFirst();
      assertThat(accepted.record().givenName()).isEqualTo("Ame lia");
      assertThat(accepted.warnings())
          .singleElement()
          .satisfies(
              w -> {
                assertThat(w.field()).isEqualTo("given_name");
                assertThat(w.code()).isEqualTo(ProblemCode.CONTROL_CHARACTER);
                assertThat(w.reason()).contains("kept with a space in its place");
              });
    }
  }

  @Test
  void anAddressOverSeveralLinesIsOneLineWithoutAWarningButOtherControlsAreWarnedOf()
      throws IOException {
    var multiLine =
        (RowOutcome.Accepted<PersonRecord>)
            persons(
                    dir,
                    PERSONS_HEADER
                        + "\n"
                        + personRow("address", "\"1 High Street\r\nLeeds\"")
                        + "\n")
                .getFirst();
    assertThat(multiLine.record().address()).isEqualTo("1 High Street Leeds");
    assertThat(multiLine.warnings()).isEmpty();

    var bell =
        (RowOutcome.Accepted<PersonRecord>)
            persons(dir, PERSONS_HEADER + "\n" + personRow("address", "1 High\u0007Street") + "\n")
                .getFirst();
    assertThat(bell.record().address()).isEqualTo("1 High Street");
    assertThat(bell.warnings())
        .extracting(Problem::code)
        .containsExactly(ProblemCode.CONTROL_CHARACTER);
  }

  @Test
  void aHouseholdIdWithALineBreakIsDroppedWithAWarning() throws IOException {
    var accepted =
        (RowOutcome.Accepted<PersonRecord>)
            persons(dir, PERSONS_HEADER + "\n" + personRow("household_id", "\"H\n1\"") + "\n")
                .getFirst();
    assertThat(accepted.record().householdId()).isNull();
    assertThat(accepted.warnings())
        .extracting(Problem::field, Problem::code)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("household_id", ProblemCode.CONTROL_CHARACTER));
  }

  @Test
  void aSummaryIsKeptExactlyWithItsLineBreaksAndSurroundingSpaces() throws IOException {
    String summary = "  Line one\r\nLine two\n\n  indented\t";
    var accepted = event(eventRow("summary", "\"" + summary + "\""));

    assertThat(accepted.record().summary()).isEqualTo(summary);
    assertThat(accepted.warnings()).isEmpty();
  }

  @Test
  void aNulInASummaryBecomesASpaceWithAWarning() throws IOException {
    var accepted = event(eventRow("summary", "Call\u0000out"));

    assertThat(accepted.record().summary()).isEqualTo("Call out");
    assertThat(accepted.warnings())
        .extracting(Problem::code)
        .containsExactly(ProblemCode.CONTROL_CHARACTER);
  }

  @Test
  void anEventIdOrAnEventsRecordIdWithALineBreakIsRejected() throws IOException {
    List<RowOutcome<EventRecord>> outcomes =
        events(
            dir,
            EVENTS_HEADER
                + "\n"
                + eventRow("event_id", "\"E\n1\"")
                + "\n"
                + eventRow("event_id", "E2", "record_id", "\"P\r\n1\"")
                + "\n",
            "P1",
            "P 1");

    assertThat(outcomes)
        .map(o -> ((RowOutcome.Rejected<EventRecord>) o).problem())
        .extracting(Problem::line, Problem::field, Problem::code)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(2L, "event_id", ProblemCode.CONTROL_CHARACTER),
            org.assertj.core.groups.Tuple.tuple(4L, "record_id", ProblemCode.CONTROL_CHARACTER));
  }

  private RowOutcome.Accepted<EventRecord> event(String row) throws IOException {
    List<RowOutcome<EventRecord>> outcomes = events(dir, EVENTS_HEADER + "\n" + row + "\n", "P1");
    assertThat(outcomes).hasSize(1);
    return (RowOutcome.Accepted<EventRecord>) outcomes.getFirst();
  }
}
