package org.familyview.extracts;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Fixtures: write a file, read it with the contract's rules, collect the outcomes. */
final class Extracts {

  static final LocalDate EXTRACT_DATE = LocalDate.of(2026, 11, 20);
  static final String PERSONS_HEADER =
      "record_id,given_name,middle_names,family_name,aliases,date_of_birth,sex,address,postcode,"
          + "nhs_number,upn,pnc_id,phone,email,household_id";
  static final String EVENTS_HEADER =
      "event_id,record_id,occurred_at,type,detail,role,summary,sensitivity";

  private Extracts() {}

  static Path write(Path dir, String name, String content) throws IOException {
    return write(dir, name, content.getBytes(StandardCharsets.UTF_8));
  }

  static Path write(Path dir, String name, byte[] content) throws IOException {
    Path file = dir.resolve(name);
    Files.write(file, content);
    return file;
  }

  static FileOpening<PersonRecord> openPersons(Path dir, String content) throws IOException {
    return reader().openPersons(PartnerId.POLICE, write(dir, "persons.csv", content));
  }

  static List<RowOutcome<PersonRecord>> persons(Path dir, String content) throws IOException {
    return drain(openPersons(dir, content));
  }

  static List<RowOutcome<EventRecord>> events(Path dir, String content, String... knownPersons)
      throws IOException {
    Set<String> known = Set.of(knownPersons);
    return drain(
        reader().openEvents(PartnerId.POLICE, write(dir, "events.csv", content), known::contains));
  }

  static ExtractReader reader() {
    return new ExtractReader(Vocabulary.standard(), EXTRACT_DATE);
  }

  static <R extends SourceRecord> List<RowOutcome<R>> drain(FileOpening<R> opening)
      throws IOException {
    if (!(opening instanceof FileOpening.Opened<R> opened)) {
      throw new AssertionError("file rejected: " + opening);
    }
    List<RowOutcome<R>> outcomes = new ArrayList<>();
    try (Rows<R> rows = opened.rows()) {
      rows.forEachRemaining(outcomes::add);
    }
    return outcomes;
  }

  /** A persons row with every column, the given values replacing the defaults by column name. */
  static String personRow(String... columnValuePairs) {
    String[] values = {
      "P1",
      "Amelia",
      "Rose",
      "Smith",
      "",
      "2014-02-28",
      "F",
      "1 High Street",
      "LS6 2AB",
      "9434765919",
      "",
      "",
      "0113 496 0000",
      "amelia@example.org",
      "H1"
    };
    List<String> header = List.of(PERSONS_HEADER.split(","));
    for (int i = 0; i < columnValuePairs.length; i += 2) {
      int index = header.indexOf(columnValuePairs[i]);
      if (index < 0) {
        throw new IllegalArgumentException(columnValuePairs[i]);
      }
      values[index] = columnValuePairs[i + 1];
    }
    return String.join(",", values);
  }

  static String eventRow(String... columnValuePairs) {
    String[] values = {
      "E1", "P1", "2026-03-01", "police.domestic_abuse_incident", "high", "victim", "Call out", ""
    };
    List<String> header = List.of(EVENTS_HEADER.split(","));
    for (int i = 0; i < columnValuePairs.length; i += 2) {
      int index = header.indexOf(columnValuePairs[i]);
      if (index < 0) {
        throw new IllegalArgumentException(columnValuePairs[i]);
      }
      values[index] = columnValuePairs[i + 1];
    }
    return String.join(",", values);
  }
}
