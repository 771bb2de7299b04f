package org.familyview.families;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.familyview.generator.GeneratedExtracts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Family grouping against the generator's truth (families.csv): people are taken as the truth says
 * (truth.csv), so this measures grouping, not matching. Pairwise: of the pairs of people we put in
 * one family today, how many truly live in one household today (precision), and of the true pairs,
 * how many we found (recall). Floors are the figures measured in docs/benchmarks.md, less a margin.
 */
class GroundTruthTests {

  static final LocalDate AS_OF = LocalDate.of(2026, 11, 1);
  static final double PRECISION_FLOOR = 0.99;
  static final double RECALL_FLOOR = 0.95;

  @TempDir Path dir;

  @Test
  void groupsTheGeneratedWorldIntoItsHouseholds() throws IOException {
    // -Dfamilies.people=N measures a larger world (docs/benchmarks.md); the floors hold at 5,000.
    int size = Integer.getInteger("families.people", 5000);
    GeneratedExtracts.write(dir, size, 7);
    Map<String, String> personOf = new HashMap<>();
    for (CSVRecord row : csv(dir.resolve("truth.csv"))) {
      personOf.put(row.get("agency") + " " + row.get("record_id"), row.get("person_id"));
    }
    Map<String, List<Sighting>> sightings = new TreeMap<>();
    Map<String, Map<LocalDate, Integer>> births = new HashMap<>();
    for (String agency : List.of("police", "health", "council", "education")) {
      for (CSVRecord row : csv(dir.resolve(agency).resolve("persons.csv"))) {
        String code = agency.toUpperCase(Locale.ROOT);
        String person = personOf.get(agency + " " + row.get("record_id"));
        if (person == null) {
          continue;
        }
        sightings
            .computeIfAbsent(person, k -> new ArrayList<>())
            .add(
                Sighting.current(
                    code,
                    row.get("record_id"),
                    blankToNull(row.get("address")),
                    blankToNull(row.get("postcode")),
                    blankToNull(row.get("household_id"))));
        String dob = row.get("date_of_birth");
        if (!dob.isBlank() && !dob.equals("1900-01-01")) {
          births
              .computeIfAbsent(person, k -> new HashMap<>())
              .merge(LocalDate.parse(dob), 1, Integer::sum);
        }
      }
    }
    List<Resident> residents = new ArrayList<>();
    sightings.forEach(
        (person, seen) -> residents.add(new Resident(person, likeliest(births.get(person)), seen)));

    long started = System.nanoTime();
    Grouping grouping =
        new FamilyGrouper(FamilyRules.standard()).group(residents, List.of(), AS_OF);
    double seconds = (System.nanoTime() - started) / 1e9;

    Map<String, Set<String>> trueHouseholds = new HashMap<>();
    for (CSVRecord row : csv(dir.resolve("families.csv"))) {
      if (row.get("to").isBlank() && sightings.containsKey(row.get("person_id"))) {
        trueHouseholds
            .computeIfAbsent(row.get("family_id"), k -> new HashSet<>())
            .add(row.get("person_id"));
      }
    }
    Set<String> truePairs = pairs(trueHouseholds.values());
    List<Set<String>> found = new ArrayList<>();
    for (Family family : grouping.families()) {
      Set<String> today = new HashSet<>();
      for (Member member : family.members()) {
        if (member.to() == null) {
          today.add(member.personId());
        }
      }
      found.add(today);
    }
    Set<String> foundPairs = pairs(found);
    long both = foundPairs.stream().filter(truePairs::contains).count();
    double precision = (double) both / foundPairs.size();
    double recall = (double) both / truePairs.size();
    System.out.printf(
        Locale.ROOT,
        "families: %d people, %d families found in %.2f s, %d true pairs, %d found,"
            + " precision %.4f recall %.4f, %d conflicts%n",
        residents.size(),
        grouping.families().size(),
        seconds,
        truePairs.size(),
        foundPairs.size(),
        precision,
        recall,
        grouping.conflicts().size());

    assertThat(precision).isGreaterThanOrEqualTo(PRECISION_FLOOR);
    assertThat(recall).isGreaterThanOrEqualTo(RECALL_FLOOR);
  }

  private static Set<String> pairs(Iterable<Set<String>> groups) {
    Set<String> pairs = new HashSet<>();
    for (Set<String> group : groups) {
      List<String> people = new ArrayList<>(group);
      people.sort(null);
      for (int i = 0; i < people.size(); i++) {
        for (int j = i + 1; j < people.size(); j++) {
          pairs.add(people.get(i) + "|" + people.get(j));
        }
      }
    }
    return pairs;
  }

  private static LocalDate likeliest(Map<LocalDate, Integer> counts) {
    if (counts == null) {
      return null;
    }
    return counts.entrySet().stream()
        .max(
            Map.Entry.<LocalDate, Integer>comparingByValue()
                .thenComparing(Map.Entry.comparingByKey()))
        .map(Map.Entry::getKey)
        .orElse(null);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }

  private static List<CSVRecord> csv(Path file) throws IOException {
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return CSVFormat.RFC4180
          .builder()
          .setHeader()
          .setSkipHeaderRecord(true)
          .get()
          .parse(reader)
          .getRecords();
    }
  }
}
