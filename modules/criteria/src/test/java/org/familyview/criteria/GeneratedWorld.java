package org.familyview.criteria;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * A world written by the generator, read back with its truth: the true households as families
 * (families.csv), each record's true person (truth.csv), every agency's events, and the Supporting
 * Families problems each household truly has (criteria.csv). Linkage is taken from the truth, so
 * what is measured is the rules, not the matcher.
 */
final class GeneratedWorld {

  static final String[] AGENCIES = {"police", "health", "council", "education"};

  final Map<String, FamilyCase> families = new LinkedHashMap<>();
  final Map<String, Set<String>> problems = new HashMap<>();

  static GeneratedWorld read(Path dir) throws IOException {
    GeneratedWorld world = new GeneratedWorld();
    Map<String, String> personOf = new HashMap<>();
    for (CSVRecord r : csv(dir.resolve("truth.csv"))) {
      personOf.put(r.get("agency") + "/" + r.get("record_id"), r.get("person_id"));
    }
    Map<String, LocalDate> born = new HashMap<>();
    Map<String, List<FamilyEvent>> eventsOf = new HashMap<>();
    for (String agency : AGENCIES) {
      for (CSVRecord r : csv(dir.resolve(agency).resolve("persons.csv"))) {
        String person = personOf.get(agency + "/" + r.get("record_id"));
        String dob = r.get("date_of_birth");
        if (person != null && !dob.isEmpty()) {
          born.putIfAbsent(person, LocalDate.parse(dob));
        }
      }
      for (CSVRecord r : csv(dir.resolve(agency).resolve("events.csv"))) {
        String person = personOf.get(agency + "/" + r.get("record_id"));
        String when = r.get("occurred_at");
        if (person == null || when.length() < 10) {
          continue;
        }
        eventsOf
            .computeIfAbsent(person, p -> new ArrayList<>())
            .add(
                new FamilyEvent(
                    agency + "/" + r.get("event_id"),
                    person,
                    // The contract lets an agency drop its own prefix; the load restores it.
                    org.familyview.extracts.Vocabulary.standard()
                        .find(
                            org.familyview.extracts.PartnerId.fromCode(agency).orElseThrow(),
                            r.get("type"))
                        .map(org.familyview.extracts.EventType::code)
                        .orElse(r.get("type")),
                    r.get("detail").isEmpty() ? null : r.get("detail").toLowerCase(),
                    r.get("role").isEmpty() ? null : r.get("role").toLowerCase(),
                    LocalDate.parse(when.substring(0, 10))));
      }
    }
    Map<String, Map<String, FamilyMember>> members = new LinkedHashMap<>();
    for (CSVRecord r : csv(dir.resolve("families.csv"))) {
      String person = r.get("person_id");
      LocalDate from = r.get("from").isEmpty() ? null : LocalDate.parse(r.get("from"));
      LocalDate to = r.get("to").isEmpty() ? null : LocalDate.parse(r.get("to"));
      Map<String, FamilyMember> family =
          members.computeIfAbsent(r.get("family_id"), f -> new LinkedHashMap<>());
      FamilyMember earlier = family.get(person);
      if (earlier != null) {
        to =
            earlier.to() == null || to == null
                ? null
                : (to.isAfter(earlier.to()) ? to : earlier.to());
        from = earlier.from();
      }
      family.put(
          person,
          new FamilyMember(person, born.get(person), r.get("role").equals("child"), from, to));
    }
    members.forEach(
        (id, people) -> {
          List<FamilyEvent> events = new ArrayList<>();
          Set<String> seen = new HashSet<>();
          for (String person : people.keySet()) {
            if (seen.add(person)) {
              events.addAll(eventsOf.getOrDefault(person, List.of()));
            }
          }
          world.families.put(id, new FamilyCase(id, List.copyOf(people.values()), events));
        });
    for (CSVRecord r : csv(dir.resolve("criteria.csv"))) {
      world
          .problems
          .computeIfAbsent(r.get("family_id"), f -> new HashSet<>())
          .add(r.get("criterion"));
    }
    return world;
  }

  private static List<CSVRecord> csv(Path file) throws IOException {
    try (Reader in = Files.newBufferedReader(file)) {
      return CSVFormat.RFC4180
          .builder()
          .setHeader()
          .setSkipHeaderRecord(true)
          .get()
          .parse(in)
          .getRecords();
    }
  }
}
