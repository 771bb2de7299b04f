package org.familyview.matching.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.familyview.matching.RecordKey;
import org.familyview.matching.SourceRecord;
import org.jspecify.annotations.Nullable;

/** Reads person extracts in the contract, and truth files, with errors that say file:line why. */
final class PersonExtractReader {

  static final List<String> COLUMNS =
      List.of(
          "record_id",
          "given_name",
          "middle_names",
          "family_name",
          "aliases",
          "date_of_birth",
          "sex",
          "address",
          "postcode",
          "nhs_number",
          "upn",
          "pnc_id",
          "phone",
          "email",
          "household_id");

  private static final CSVFormat FORMAT =
      CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).get();

  private PersonExtractReader() {}

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
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CSVParser parser = FORMAT.parse(in)) {
      List<String> header = parser.getHeaderNames();
      if (!header.contains("record_id")) {
        throw new ExtractRejected(
            file + ":1: no record_id column; expected the person-extract header " + COLUMNS);
      }
      List<String> unknown = header.stream().filter(h -> !COLUMNS.contains(h)).toList();
      if (!unknown.isEmpty()) {
        throw new ExtractRejected(
            file + ":1: unknown columns " + unknown + "; expected " + COLUMNS);
      }
      List<T> records = new ArrayList<>();
      Set<String> seen = new HashSet<>();
      for (CSVRecord row : parser) {
        long line = parser.getCurrentLineNumber();
        if (!row.isConsistent()) {
          throw new ExtractRejected(
              file + ":" + line + ": " + row.size() + " fields, the header has " + header.size());
        }
        String id = value(row, "record_id");
        if (id == null) {
          throw new ExtractRejected(file + ":" + line + ": record_id is empty");
        }
        if (!seen.add(id)) {
          throw new ExtractRejected(file + ":" + line + ": record_id repeats an earlier row");
        }
        records.add(convert.apply(toRecord(agency, id, row)));
      }
      return records;
    } catch (IOException | java.io.UncheckedIOException e) {
      throw new ExtractRejected(file + ": not readable as CSV: " + e.getMessage());
    }
  }

  private static SourceRecord toRecord(String agency, String id, CSVRecord row) {
    String aliases = value(row, "aliases");
    return new SourceRecord(
        agency,
        id,
        value(row, "given_name"),
        value(row, "middle_names"),
        value(row, "family_name"),
        aliases == null
            ? List.of()
            : Arrays.stream(aliases.split(";"))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList(),
        value(row, "date_of_birth"),
        value(row, "sex"),
        value(row, "address"),
        value(row, "postcode"),
        value(row, "nhs_number"),
        value(row, "upn"),
        value(row, "pnc_id"),
        value(row, "phone"),
        value(row, "email"),
        value(row, "household_id"));
  }

  private static @Nullable String value(CSVRecord row, String column) {
    if (!row.isMapped(column)) {
      return null;
    }
    String v = row.get(column);
    return v == null || v.isEmpty() ? null : v;
  }

  /** Reads {@code agency,record_id,cluster} (or person_id in place of cluster). */
  static Map<RecordKey, String> readTruth(Path file) {
    if (!Files.isReadable(file)) {
      throw new ExtractRejected(file + ": cannot read the truth file (does it exist?)");
    }
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CSVParser parser = FORMAT.parse(in)) {
      List<String> header = parser.getHeaderNames();
      String clusterColumn = header.contains("cluster") ? "cluster" : "person_id";
      if (!header.contains("agency")
          || !header.contains("record_id")
          || !header.contains(clusterColumn)) {
        throw new ExtractRejected(file + ":1: expected the header agency,record_id,cluster");
      }
      Map<RecordKey, String> truth = new HashMap<>();
      for (CSVRecord row : parser) {
        String agency = value(row, "agency");
        String id = value(row, "record_id");
        String cluster = value(row, clusterColumn);
        if (agency == null || id == null || cluster == null) {
          throw new ExtractRejected(
              file
                  + ":"
                  + parser.getCurrentLineNumber()
                  + ": agency, record_id and cluster are all required");
        }
        truth.put(new RecordKey(agency, id), cluster);
      }
      return truth;
    } catch (IOException | java.io.UncheckedIOException e) {
      throw new ExtractRejected(file + ": not readable as CSV: " + e.getMessage());
    }
  }
}
