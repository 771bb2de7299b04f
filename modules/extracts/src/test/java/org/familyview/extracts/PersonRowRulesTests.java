package org.familyview.extracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.familyview.extracts.Extracts.PERSONS_HEADER;
import static org.familyview.extracts.Extracts.personRow;
import static org.familyview.extracts.Extracts.persons;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PersonRowRulesTests {

  @TempDir Path dir;

  @Test
  void aGoodRowIsAcceptedWithNormalisedValuesAndNoWarnings() throws IOException {
    var outcome =
        single(
            personRow(
                "given_name",
                "  Amelia ",
                "postcode",
                "ls62ab",
                "nhs_number",
                "943 476 5919",
                "aliases",
                "Amy Smith; Amelia Jones ;",
                "email",
                "Amelia@Example.org"));

    var accepted = (RowOutcome.Accepted<PersonRecord>) outcome;
    PersonRecord p = accepted.record();
    assertThat(accepted.warnings()).isEmpty();
    assertThat(p.recordId()).isEqualTo("P1");
    assertThat(p.line()).isEqualTo(2);
    assertThat(p.agency()).isEqualTo(PartnerId.POLICE);
    assertThat(p.givenName()).isEqualTo("Amelia");
    assertThat(p.aliases()).containsExactly("Amy Smith", "Amelia Jones");
    assertThat(p.dateOfBirth()).isEqualTo(LocalDate.of(2014, 2, 28));
    assertThat(p.sex()).isEqualTo(Sex.F);
    assertThat(p.postcode().unit()).isEqualTo("LS6 2AB");
    assertThat(p.nhsNumber().digits()).isEqualTo("9434765919");
    assertThat(p.email()).isEqualTo("amelia@example.org");
    assertThat(p.householdId()).isEqualTo("H1");
  }

  @ParameterizedTest(name = "{0}={1} is rejected: {3}")
  @CsvSource(
      delimiter = '|',
      value = {
        "record_id|''|record_id|MISSING_REQUIRED",
        "record_id|'   '|record_id|MISSING_REQUIRED",
        "given_name|''|''|NO_NAME"
      })
  void rowsMissingWhatIsRequiredAreRejected(
      String column, String value, String field, ProblemCode code) throws IOException {
    String row =
        column.equals("given_name")
            ? personRow("given_name", "", "middle_names", "", "family_name", "")
            : personRow(column, value);

    var rejected = (RowOutcome.Rejected<PersonRecord>) single(row);

    assertThat(rejected.problem().code()).isEqualTo(code);
    assertThat(rejected.problem().field()).isEqualTo(field.isEmpty() ? null : field);
    assertThat(rejected.problem().line()).isEqualTo(2);
    assertThat(rejected.problem().file()).isEqualTo("persons.csv");
  }

  @Test
  void aRowWhoseOnlyNamesArePlaceholdersHasNoNameAndIsRejected() throws IOException {
    var outcome = single(personRow("given_name", "BABY", "family_name", "UNKNOWN"));

    assertThat(((RowOutcome.Rejected<PersonRecord>) outcome).problem().code())
        .isEqualTo(ProblemCode.NO_NAME);
  }

  @Test
  void aRowWithOnlyAFamilyNameIsAccepted() throws IOException {
    assertThat(single(personRow("given_name", ""))).isInstanceOf(RowOutcome.Accepted.class);
  }

  @Test
  void theLaterOfTwoRowsWithTheSameRecordIdIsRejectedNamingTheFirstLine() throws IOException {
    var outcomes =
        persons(
            dir,
            PERSONS_HEADER
                + "\n"
                + personRow()
                + "\n"
                + personRow("record_id", "P2")
                + "\n"
                + personRow("given_name", "Other")
                + "\n");

    assertThat(outcomes.get(0)).isInstanceOf(RowOutcome.Accepted.class);
    assertThat(outcomes.get(1)).isInstanceOf(RowOutcome.Accepted.class);
    var duplicate = (RowOutcome.Rejected<PersonRecord>) outcomes.get(2);
    assertThat(duplicate.problem().code()).isEqualTo(ProblemCode.DUPLICATE_ID);
    assertThat(duplicate.problem().line()).isEqualTo(4);
    assertThat(duplicate.problem().reason()).contains("line 2");
  }

  @ParameterizedTest(name = "{0}={1} is dropped with {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "date_of_birth|2023-02-30|IMPOSSIBLE_DATE",
        "date_of_birth|2027-01-01|IMPOSSIBLE_DATE",
        "date_of_birth|1880-05-01|IMPOSSIBLE_DATE",
        "date_of_birth|28/02/2014|NOT_A_DATE",
        "date_of_birth|1900-01-01|PLACEHOLDER",
        "postcode|90210|INVALID_POSTCODE",
        "postcode|ZZ99 3VZ|PLACEHOLDER",
        "nhs_number|9434765918|INVALID_NHS_NUMBER",
        "nhs_number|0000000000|PLACEHOLDER",
        "upn|A801200005001|INVALID_UPN",
        "pnc_id|79/163001C|INVALID_PNC_ID",
        "email|amelia.example.org|INVALID_EMAIL",
        "email|N/A|PLACEHOLDER",
        "sex|Female|INVALID_VALUE",
        "given_name|UNKNOWN|PLACEHOLDER",
        "middle_names|TBC|PLACEHOLDER",
        "address|NOT KNOWN|PLACEHOLDER"
      })
  void badOptionalValuesAreDroppedWithAWarningThatDoesNotRepeatThem(
      String column, String value, ProblemCode code) throws IOException {
    var outcome = single(personRow(column, value));

    var accepted = (RowOutcome.Accepted<PersonRecord>) outcome;
    assertThat(accepted.warnings())
        .singleElement()
        .satisfies(
            w -> {
              assertThat(w.code()).isEqualTo(code);
              assertThat(w.field()).isEqualTo(column);
              assertThat(w.line()).isEqualTo(2);
              assertThat(w.reason()).startsWith(column).doesNotContain(value);
            });
    assertThat(fieldValue(accepted.record(), column)).isNull();
  }

  @Test
  void contentHashIgnoresLinesSpacingAndIdentifierFormattingButNotValues() throws IOException {
    var outcomes =
        persons(
            dir,
            PERSONS_HEADER
                + "\n\n"
                + personRow("postcode", "ls6 2ab", "nhs_number", "943-476-5919")
                + "\n"
                + personRow("record_id", "P2")
                + "\n");
    var again = persons(dir, PERSONS_HEADER + "\n" + personRow("given_name", " Amelia  ") + "\n");
    var changed =
        persons(dir, PERSONS_HEADER + "\n" + personRow("address", "2 High Street") + "\n");

    String first = hash(outcomes.get(0));
    assertThat(first).hasSize(32).matches("[0-9a-f]+");
    assertThat(hash(again.get(0))).isEqualTo(first);
    assertThat(hash(changed.get(0))).isNotEqualTo(first);
    assertThat(hash(outcomes.get(1))).isNotEqualTo(first);
  }

  private RowOutcome<PersonRecord> single(String row) throws IOException {
    List<RowOutcome<PersonRecord>> outcomes = persons(dir, PERSONS_HEADER + "\n" + row + "\n");
    assertThat(outcomes).hasSize(1);
    return outcomes.getFirst();
  }

  private static String hash(RowOutcome<PersonRecord> outcome) {
    return ((RowOutcome.Accepted<PersonRecord>) outcome).record().contentHash();
  }

  private static Object fieldValue(PersonRecord p, String column) {
    return switch (column) {
      case "date_of_birth" -> p.dateOfBirth();
      case "postcode" -> p.postcode();
      case "nhs_number" -> p.nhsNumber();
      case "upn" -> p.upn();
      case "pnc_id" -> p.pncId();
      case "email" -> p.email();
      case "sex" -> p.sex();
      case "given_name" -> p.givenName();
      case "middle_names" -> p.middleNames();
      case "address" -> p.address();
      default -> throw new IllegalArgumentException(column);
    };
  }
}
