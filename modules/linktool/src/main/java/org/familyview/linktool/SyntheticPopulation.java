package org.familyview.linktool;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.familyview.generator.SyntheticWorlds;
import org.familyview.matching.RecordKey;
import org.familyview.matching.SourceRecord;

/**
 * A synthetic population of exactly N person records with its truth, for the matcher's benchmarks
 * and tests: a world from the project's generator ({@link SyntheticWorlds}: households, twins,
 * nicknames, typing errors, stale addresses, duplicates, at {@code corruption} times each agency's
 * standard error rates), read back as {@code link} reads extracts, and cut to the first N records
 * of its truth (family by family, so at most one family is cut short).
 *
 * @param records the records, agency by agency in file order
 * @param truth which record is which person
 */
public record SyntheticPopulation(List<SourceRecord> records, Map<RecordKey, String> truth) {

  /** The agencies, as named in the folders and in the truth. */
  public static final List<String> AGENCIES = List.of("police", "health", "council", "education");

  public SyntheticPopulation {
    records = List.copyOf(records);
    truth = Map.copyOf(truth);
  }

  /** Generates the population in a temporary folder, which is removed afterwards. */
  public static SyntheticPopulation generate(long seed, double corruption, int records) {
    try {
      Path work = Files.createTempDirectory("familyview-population");
      try {
        return generate(seed, corruption, records, work);
      } finally {
        delete(work);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static SyntheticPopulation generate(long seed, double corruption, int records, Path work)
      throws IOException {
    if (records < 1) {
      throw new IllegalArgumentException("--records must be at least 1");
    }
    long people = SyntheticWorlds.peopleFor(records);
    long written = SyntheticWorlds.write(people, seed, corruption, work);
    while (written < records) {
      // Too few: grow the world in proportion, with a margin, and make it again.
      people = (long) Math.ceil(people * 1.1 * records / Math.max(1, written));
      delete(work);
      written = SyntheticWorlds.write(people, seed, corruption, work);
    }
    Map<RecordKey, String> truth =
        firstRows(TruthFile.readInOrder(work.resolve("truth.csv")), records);
    List<SourceRecord> kept = new ArrayList<>(records);
    for (String agency : AGENCIES) {
      for (SourceRecord r :
          PersonExtracts.read(agency, work.resolve(agency).resolve("persons.csv"))) {
        if (truth.containsKey(r.key())) {
          kept.add(r);
        }
      }
    }
    return new SyntheticPopulation(kept, truth);
  }

  /**
   * Reads a population written by {@link #write} (or by {@code bench generate}) back: the
   * persons.csv of each agency folder present, and truth.csv.
   */
  public static SyntheticPopulation read(Path dir) {
    List<SourceRecord> records = new ArrayList<>();
    for (String agency : AGENCIES) {
      Path persons = dir.resolve(agency).resolve("persons.csv");
      if (Files.exists(persons)) {
        records.addAll(PersonExtracts.read(agency, persons));
      }
    }
    return new SyntheticPopulation(records, TruthFile.read(dir.resolve("truth.csv")));
  }

  private static Map<RecordKey, String> firstRows(Map<RecordKey, String> inOrder, int records) {
    Map<RecordKey, String> first = new LinkedHashMap<>();
    for (Map.Entry<RecordKey, String> e : inOrder.entrySet()) {
      if (first.size() == records) {
        break;
      }
      first.put(e.getKey(), e.getValue());
    }
    return first;
  }

  /**
   * Writes {@code DIR/{agency}/persons.csv} in the extract contract and {@code DIR/truth.csv}
   * ({@code agency,record_id,person_id}).
   */
  public void write(Path out) throws IOException {
    Map<String, List<SourceRecord>> byAgency = new LinkedHashMap<>();
    for (SourceRecord r : records) {
      byAgency.computeIfAbsent(r.agency(), a -> new ArrayList<>()).add(r);
    }
    for (Map.Entry<String, List<SourceRecord>> e : byAgency.entrySet()) {
      Path dir = Files.createDirectories(out.resolve(e.getKey()));
      writePersons(dir.resolve("persons.csv"), e.getValue());
    }
    try (CSVPrinter csv =
        new CSVPrinter(
            Files.newBufferedWriter(out.resolve("truth.csv")),
            CSVFormat.DEFAULT.builder().setHeader("agency", "record_id", "person_id").get())) {
      for (SourceRecord r : records) {
        csv.printRecord(r.agency(), r.recordId(), truth.get(r.key()));
      }
    }
  }

  private static void writePersons(Path file, List<SourceRecord> records) throws IOException {
    try (CSVPrinter csv =
        new CSVPrinter(
            Files.newBufferedWriter(file),
            CSVFormat.DEFAULT
                .builder()
                .setHeader(PersonExtracts.COLUMNS.toArray(String[]::new))
                .get())) {
      for (SourceRecord r : records) {
        csv.printRecord(
            r.recordId(),
            r.givenName(),
            r.middleNames(),
            r.familyName(),
            String.join(";", r.aliases()),
            r.dateOfBirth(),
            r.sex(),
            r.address(),
            r.postcode(),
            r.nhsNumber(),
            r.upn(),
            r.pncId(),
            r.phone(),
            r.email(),
            r.householdId());
      }
    }
  }

  private static void delete(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
