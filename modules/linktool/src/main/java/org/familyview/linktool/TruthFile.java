package org.familyview.linktool;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.familyview.matching.RecordKey;
import org.jspecify.annotations.Nullable;

/**
 * Reads a labelled truth file, {@code agency,record_id,cluster} (or person_id in place of cluster,
 * as the generator writes it). Not part of the extract contract: benchmarks only.
 */
final class TruthFile {

  private static final CSVFormat FORMAT =
      CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).get();

  private TruthFile() {}

  static Map<RecordKey, String> read(Path file) {
    // Straight into a hash map: a copy from the ordered map held both, twice a million keys.
    return read(file, new HashMap<>());
  }

  /** The truth in the file's order. */
  static Map<RecordKey, String> readInOrder(Path file) {
    return read(file, new LinkedHashMap<>());
  }

  private static Map<RecordKey, String> read(Path file, Map<RecordKey, String> truth) {
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

  private static @Nullable String value(CSVRecord row, String column) {
    if (!row.isMapped(column)) {
      return null;
    }
    String v = row.get(column);
    return v == null || v.isEmpty() ? null : v;
  }
}
