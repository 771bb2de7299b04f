package org.familyview.linktool;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.familyview.extracts.DeliveredPerson;
import org.familyview.extracts.ExtractReader;
import org.familyview.extracts.FileOpening;
import org.familyview.extracts.PersonColumn;
import org.familyview.extracts.Problem;
import org.familyview.extracts.ProblemCode;
import org.familyview.extracts.RowOutcome;
import org.familyview.extracts.Rows;
import org.familyview.extracts.Vocabulary;
import org.familyview.matching.SourceRecord;

/**
 * Reads person extracts with the contract's own reader ({@link ExtractReader}), values as
 * delivered: the matcher's standardiser judges them (a non-UK postcode or an impossible date of
 * birth still carries evidence). Stricter than the nightly load in one way: a file the load would
 * accept with a warning or a rejected row is an error here, named by file and line, because a
 * benchmark or an offline link on part of a file is not what was asked for.
 */
final class PersonExtracts {

  /** The person-extract header, in the contract's order. */
  static final List<String> COLUMNS =
      java.util.Arrays.stream(PersonColumn.values()).map(PersonColumn::header).toList();

  // Persons are read as delivered: no value is judged against the extract date.
  private static final ExtractReader READER =
      new ExtractReader(Vocabulary.standard(), LocalDate.MAX);

  private PersonExtracts() {}

  static List<SourceRecord> read(String agency, Path file) {
    return read(agency, file, record -> record);
  }

  /**
   * Reads an extract and converts each record as it is read, so that a caller who only needs the
   * converted form (the standardised record) never holds the whole file's raw rows.
   */
  static <T> List<T> read(String agency, Path file, Function<SourceRecord, T> convert) {
    if (!Files.isReadable(file)) {
      throw new ExtractRejected(file + ": cannot read the file (does it exist?)");
    }
    try {
      return switch (READER.openPersonsAsDelivered(file)) {
        case FileOpening.FileRejected<DeliveredPerson> rejected ->
            throw rejected(file, rejected.problem());
        case FileOpening.Opened<DeliveredPerson> opened -> {
          refuseUnknownColumns(file, opened.fileWarnings());
          yield rows(agency, file, opened.rows(), convert);
        }
      };
    } catch (IOException | UncheckedIOException e) {
      throw new ExtractRejected(file + ": not readable as CSV: " + e.getMessage());
    }
  }

  private static <T> List<T> rows(
      String agency, Path file, Rows<DeliveredPerson> rows, Function<SourceRecord, T> convert)
      throws IOException {
    try (rows) {
      List<T> records = new ArrayList<>();
      while (rows.hasNext()) {
        switch (rows.next()) {
          case RowOutcome.Accepted<DeliveredPerson> accepted ->
              records.add(convert.apply(toRecord(agency, accepted.record())));
          case RowOutcome.Rejected<DeliveredPerson> rejected ->
              throw rejected(file, rejected.problem());
        }
      }
      return records;
    }
  }

  private static void refuseUnknownColumns(Path file, List<Problem> warnings) {
    List<String> unknown =
        warnings.stream()
            .filter(w -> w.code() == ProblemCode.UNKNOWN_COLUMN)
            .map(w -> String.valueOf(w.field()))
            .toList();
    if (!unknown.isEmpty()) {
      throw new ExtractRejected(file + ":1: unknown columns " + unknown + "; expected " + COLUMNS);
    }
  }

  private static ExtractRejected rejected(Path file, Problem problem) {
    return new ExtractRejected(file + ":" + problem.line() + ": " + problem.reason());
  }

  private static SourceRecord toRecord(String agency, DeliveredPerson p) {
    return new SourceRecord(
        agency,
        p.recordId(),
        p.givenName(),
        p.middleNames(),
        p.familyName(),
        p.aliases(),
        p.dateOfBirth(),
        p.sex(),
        p.address(),
        p.postcode(),
        p.nhsNumber(),
        p.upn(),
        p.pncId(),
        p.phone(),
        p.email(),
        p.householdId());
  }
}
