package org.familyview.extracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.familyview.extracts.Extracts.PERSONS_HEADER;
import static org.familyview.extracts.Extracts.openPersons;
import static org.familyview.extracts.Extracts.personRow;
import static org.familyview.extracts.Extracts.persons;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CsvEdgeCaseTests {

  @TempDir Path dir;

  @ParameterizedTest(name = "line ending {0}")
  @ValueSource(strings = {"\n", "\r\n", "\r"})
  void rowsAfterQuotedLineBreaksGetThePhysicalLineWhereTheyStart(String eol) throws IOException {
    String csv =
        String.join(
                eol,
                "record_id,given_name,family_name,address",
                "P1,Amelia,Smith,\"Flat 2" + eol + "1 High Street" + eol + "Leeds\"",
                "P2,\"Jo, \"\"JJ\"\"\",Brown,",
                "",
                "P3,Sam,Ali,\"a" + eol + eol + "b\"",
                "P4,Li,Wu,")
            + eol;

    var outcomes = persons(dir, csv);

    assertThat(outcomes).extracting(RowOutcome::line).containsExactly(2L, 5L, 7L, 10L);
    var p1 = ((RowOutcome.Accepted<PersonRecord>) outcomes.get(0)).record();
    var p2 = ((RowOutcome.Accepted<PersonRecord>) outcomes.get(1)).record();
    assertThat(p1.address()).isEqualTo("Flat 2 1 High Street Leeds");
    assertThat(p2.givenName()).isEqualTo("Jo, \"JJ\"");
  }

  @Test
  void aByteOrderMarkIsTolerated() throws IOException {
    var outcomes = persons(dir, "\uFEFF" + PERSONS_HEADER + "\r\n" + personRow() + "\r\n");

    assertThat(outcomes).singleElement().isInstanceOf(RowOutcome.Accepted.class);
  }

  @Test
  void aByteOrderMarkBeforeAQuotedHeaderIsTolerated() throws IOException {
    var outcomes = persons(dir, "\uFEFF\"record_id\",\"family_name\"\r\nP1,Smith\r\n");

    assertThat(outcomes).singleElement().isInstanceOf(RowOutcome.Accepted.class);
  }

  @Test
  void columnsMayComeInAnyOrderAndOptionalOnesMayBeAbsent() throws IOException {
    var outcomes = persons(dir, "FAMILY_NAME , record_id\nSmith,P9\n");

    var p = ((RowOutcome.Accepted<PersonRecord>) outcomes.getFirst()).record();
    assertThat(p.recordId()).isEqualTo("P9");
    assertThat(p.familyName()).isEqualTo("Smith");
    assertThat(p.givenName()).isNull();
  }

  @Test
  void emptyFieldsAreMissingValues() throws IOException {
    var outcomes = persons(dir, PERSONS_HEADER + "\nP1,,,Smith,,,,,,,,,,,\n");

    var accepted = (RowOutcome.Accepted<PersonRecord>) outcomes.getFirst();
    assertThat(accepted.warnings()).isEmpty();
    assertThat(accepted.record().givenName()).isNull();
    assertThat(accepted.record().aliases()).isEmpty();
  }

  @Test
  void anUnknownColumnIsAFileWarningAndIgnored() throws IOException {
    var opened =
        (FileOpening.Opened<PersonRecord>)
            openPersons(dir, "record_id,family_name,shoe_size\nP1,Smith,9\n");

    assertThat(opened.fileWarnings())
        .singleElement()
        .satisfies(
            w -> {
              assertThat(w.code()).isEqualTo(ProblemCode.UNKNOWN_COLUMN);
              assertThat(w.field()).isEqualTo("shoe_size");
              assertThat(w.line()).isEqualTo(1);
            });
    assertThat(opened.dataRows()).isEqualTo(1);
    assertThat(Extracts.drain(opened)).singleElement().isInstanceOf(RowOutcome.Accepted.class);
  }

  @Test
  void aRowWithTheWrongNumberOfFieldsIsRejected() throws IOException {
    var outcomes = persons(dir, "record_id,given_name,family_name\nP1,Smith, Jo,Brown\nP2,A,B\n");

    var rejected = (RowOutcome.Rejected<PersonRecord>) outcomes.get(0);
    assertThat(rejected.problem().code()).isEqualTo(ProblemCode.FIELD_COUNT);
    assertThat(outcomes.get(1)).isInstanceOf(RowOutcome.Accepted.class);
  }

  @Test
  void aFileWithOnlyAHeaderHasNoRows() throws IOException {
    assertThat(persons(dir, PERSONS_HEADER + "\n")).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"", "\uFEFF", "\n\n", "  \r\n"})
  void anEmptyFileIsRejectedWhole(String content) throws IOException {
    assertRejected(openPersons(dir, content), ProblemCode.EMPTY_FILE);
  }

  @Test
  void aMissingRequiredColumnRejectsTheWholeFile() throws IOException {
    var opening = openPersons(dir, "given_name,family_name\nAmelia,Smith\n");

    assertRejected(opening, ProblemCode.MISSING_COLUMN);
    assertThat(((FileOpening.FileRejected<PersonRecord>) opening).problem().reason())
        .contains("record_id");
  }

  @Test
  void aFileWithoutAHeaderRowIsRejectedWhole() throws IOException {
    assertRejected(openPersons(dir, personRow() + "\n"), ProblemCode.MISSING_COLUMN);
  }

  @Test
  void aFileWithNeitherNameColumnIsRejectedWhole() throws IOException {
    assertRejected(openPersons(dir, "record_id,sex\nP1,F\n"), ProblemCode.MISSING_COLUMN);
  }

  @Test
  void aColumnTwiceRejectsTheWholeFile() throws IOException {
    assertRejected(
        openPersons(dir, "record_id,family_name,Family_Name\nP1,A,B\n"),
        ProblemCode.DUPLICATE_COLUMN);
  }

  @Test
  void aFileThatIsNotUtf8IsRejectedWholeWithTheLineOfTheFirstBadByte() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.writeBytes((PERSONS_HEADER + "\n" + personRow() + "\n").getBytes(StandardCharsets.UTF_8));
    bytes.writeBytes(
        personRow("record_id", "P2", "given_name", "Zoë").getBytes(StandardCharsets.ISO_8859_1));

    var opening =
        Extracts.reader()
            .openPersons(PartnerId.HEALTH, Extracts.write(dir, "p.csv", bytes.toByteArray()));

    assertRejected(opening, ProblemCode.NOT_UTF8);
    assertThat(((FileOpening.FileRejected<PersonRecord>) opening).problem().line()).isEqualTo(3);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "\u00C3\u0028", // a two-byte lead followed by ASCII
        "\u00ED\u00A0\u0080", // an encoded surrogate
        "\u00C0\u00AF", // an overlong slash
        "\u00F8\u0088\u0080\u0080\u0080" // five-byte form
      })
  void malformedUtf8SequencesAreFound(String latin1) throws IOException {
    byte[] tail = latin1.getBytes(StandardCharsets.ISO_8859_1);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.writeBytes("record_id,family_name\nP1,".getBytes(StandardCharsets.UTF_8));
    bytes.writeBytes(tail);

    assertRejected(
        Extracts.reader()
            .openPersons(PartnerId.HEALTH, Extracts.write(dir, "p.csv", bytes.toByteArray())),
        ProblemCode.NOT_UTF8);
  }

  @Test
  void multiByteUtf8IsRead() throws IOException {
    var outcomes = persons(dir, "record_id,given_name,family_name\nP1,Zoë,Nguyễn 😀\n");

    assertThat(((RowOutcome.Accepted<PersonRecord>) outcomes.getFirst()).record().familyName())
        .isEqualTo("Nguyễn 😀");
  }

  @Test
  void anUnclosedQuoteRejectsTheWholeFileNamingWhereItStarts() throws IOException {
    var opening = openPersons(dir, "record_id,family_name\nP1,Smith\nP2,\"Brown\nP3,Jones\n");

    assertRejected(opening, ProblemCode.MALFORMED_CSV);
    assertThat(((FileOpening.FileRejected<PersonRecord>) opening).problem().line()).isEqualTo(3);
  }

  @Test
  void textAfterAClosingQuoteRejectsTheWholeFile() throws IOException {
    assertRejected(
        openPersons(dir, "record_id,family_name\nP1,\"Smith\"son\n"), ProblemCode.MALFORMED_CSV);
  }

  private static void assertRejected(FileOpening<?> opening, ProblemCode code) {
    assertThat(opening).isInstanceOf(FileOpening.FileRejected.class);
    assertThat(((FileOpening.FileRejected<?>) opening).problem().code()).isEqualTo(code);
  }
}
