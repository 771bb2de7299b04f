package org.familyview.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --partners by-authority}, the demo's seven partners: the families living in Southshire now
 * are held by health-south, council-south and education-south, everyone else by the first
 * authority's partners, the police by one force for both; every record is in exactly one partner's
 * file and the truth names that partner; and the world is otherwise the one the four-partner
 * default writes, record for record, so the matcher's figures on the default still hold.
 */
class PartnersByAuthorityTests {

  private static final List<String> SPLIT = List.of("health", "council", "education");
  private static final List<String> SEVEN =
      List.of(
          "police",
          "health",
          "health-south",
          "council",
          "council-south",
          "education",
          "education-south");
  private static final Pattern RECORD_ID = Pattern.compile("[A-Z]{2}\\d+");

  @TempDir static Path dir;
  static Path four;
  static Path seven;

  @BeforeAll
  static void generateTheSameWorldBothWays() throws IOException {
    GeneratorOptions options = GeneratorOptions.defaults(2500, dir.resolve("four"));
    four = options.out();
    new Generator(options).run();
    seven = dir.resolve("seven");
    new Generator(
            new GeneratorOptions(
                    options.people(),
                    seven,
                    options.seed(),
                    options.asOf(),
                    options.historyYears(),
                    options.eventScale(),
                    options.troubledRate(),
                    options.invalidRows(),
                    options.profiles())
                .byAuthority(true))
        .run();
  }

  @Test
  void theCommandLineSplitsOnlyWhenAskedAndRejectsAnyOtherValue() {
    PrintStream quiet = new PrintStream(new ByteArrayOutputStream());
    List<String> problems = new ArrayList<>();
    String[] base = {"--people", "10", "--out", "x"};
    assertThat(GeneratorCommand.parse(base, problems, quiet).orElseThrow().byAuthority()).isFalse();
    String[] split = {"--people", "10", "--out", "x", "--partners", "by-authority"};
    assertThat(GeneratorCommand.parse(split, problems, quiet).orElseThrow().byAuthority()).isTrue();
    String[] v1 = {"--people", "10", "--out", "x", "--partners=v1"};
    assertThat(GeneratorCommand.parse(v1, problems, quiet).orElseThrow().byAuthority()).isFalse();
    assertThat(problems).isEmpty();

    GeneratorCommand.parse(
        new String[] {"--people", "10", "--out", "x", "--partners", "seven"}, problems, quiet);
    assertThat(problems).containsExactly("--partners must be v1 or by-authority, not seven");
  }

  @Test
  void theDefaultWritesVersionOnesFourPartnersOnly() {
    assertThat(four.resolve("police")).isDirectory();
    for (String kind : SPLIT) {
      assertThat(four.resolve(kind)).isDirectory();
      assertThat(four.resolve(kind + "-south")).doesNotExist();
    }
  }

  @Test
  void everyRecordIsInExactlyOnePartnersFileAndTheTruthNamesThatPartner() throws IOException {
    Map<String, String> fileOf = new HashMap<>();
    for (String partner : SEVEN) {
      for (String id : recordIds(seven.resolve(partner).resolve("persons.csv"))) {
        assertThat(fileOf.put(id, partner)).as("record %s in two files", id).isNull();
      }
    }
    Map<String, String> truthOf = new HashMap<>();
    for (String[] row : table(seven, "truth.csv")) {
      assertThat(truthOf.put(row[1], row[0])).as("record %s twice in the truth", row[1]).isNull();
    }
    assertThat(truthOf).isEqualTo(fileOf);
    for (String kind : SPLIT) {
      assertThat(truthOf).containsValue(kind).containsValue(kind + "-south");
    }
    assertThat(truthOf).doesNotContainValue("police-south");
  }

  @Test
  void theSouthFilesHoldOnlySouthshireFamiliesAndTheNorthFilesNone() throws IOException {
    Map<String, String> authorityOf = currentAuthorityOfEachPerson(seven);
    int checked = 0;
    for (String[] truth : table(seven, "truth.csv")) {
      String authority = authorityOf.get(truth[2]);
      if (truth[0].equals("police") || authority == null) {
        continue;
      }
      assertThat(authority)
          .as("%s record %s of %s", truth[0], truth[1], truth[2])
          .isEqualTo(truth[0].endsWith("-south") ? "southshire" : "northshire");
      checked++;
    }
    assertThat(checked).as("records of people with a current household").isGreaterThan(1000);
  }

  @Test
  void eachSouthPartnersEventsNameItsOwnRecords() throws IOException {
    for (String kind : SPLIT) {
      for (String partner : List.of(kind, kind + "-south")) {
        Set<String> records =
            new HashSet<>(recordIds(seven.resolve(partner).resolve("persons.csv")));
        List<String> events = rows(seven.resolve(partner).resolve("events.csv"));
        assertThat(events).as(partner).isNotEmpty();
        for (String event : events) {
          String[] fields = event.split(",", 3);
          if (RECORD_ID.matcher(fields[0]).matches()) {
            assertThat(records).as("%s event %s", partner, fields[0]).contains(fields[1]);
          }
        }
      }
    }
  }

  @Test
  void theSplitMovesRecordsBetweenFilesAndChangesNothingElse() throws IOException {
    assertThat(lines(seven.resolve("police").resolve("persons.csv")))
        .isEqualTo(lines(four.resolve("police").resolve("persons.csv")));
    for (String kind : SPLIT) {
      for (String file : List.of("persons.csv", "events.csv")) {
        List<String> both = new ArrayList<>(rows(seven.resolve(kind).resolve(file)));
        both.addAll(rows(seven.resolve(kind + "-south").resolve(file)));
        assertThat(both)
            .as("%s %s", kind, file)
            .containsExactlyInAnyOrderElementsOf(rows(four.resolve(kind).resolve(file)));
      }
    }
    for (String same : List.of("families.csv", "addresses.csv", "authorities.csv")) {
      assertThat(lines(seven.resolve(same))).as(same).isEqualTo(lines(four.resolve(same)));
    }
  }

  /** Each person's authority: that of the household they live in now (none if they left all). */
  private static Map<String, String> currentAuthorityOfEachPerson(Path world) throws IOException {
    Map<String, String> familyAuthority = new HashMap<>();
    for (String[] row : table(world, "authorities.csv")) {
      familyAuthority.put(row[0], row[1]);
    }
    Map<String, String> personAuthority = new HashMap<>();
    for (String[] stay : table(world, "families.csv")) {
      if (stay[4].isEmpty()) {
        personAuthority.put(stay[1], familyAuthority.get(stay[0]));
      }
    }
    return personAuthority;
  }

  private static List<String> recordIds(Path persons) throws IOException {
    List<String> ids = new ArrayList<>();
    for (String row : rows(persons)) {
      String first = row.substring(0, Math.max(0, row.indexOf(',')));
      if (RECORD_ID.matcher(first).matches()) {
        ids.add(first);
      }
    }
    return ids;
  }

  private static List<String[]> table(Path world, String name) throws IOException {
    List<String[]> table = new ArrayList<>();
    for (String row : rows(world.resolve(name))) {
      table.add(row.split(",", -1));
    }
    return table;
  }

  /** The file's lines after its header. */
  private static List<String> rows(Path file) throws IOException {
    List<String> lines = lines(file);
    return lines.subList(1, lines.size());
  }

  private static List<String> lines(Path file) throws IOException {
    return Files.readAllLines(file);
  }
}
