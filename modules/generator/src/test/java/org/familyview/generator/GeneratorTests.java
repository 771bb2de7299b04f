package org.familyview.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.familyview.extracts.PartnerId;
import org.familyview.extracts.PersonRecord;
import org.familyview.extracts.Problem;
import org.familyview.extracts.ProblemCode;
import org.familyview.identifiers.NhsNumber;
import org.familyview.identifiers.PncId;
import org.familyview.identifiers.Upn;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GeneratorTests {

  static final int PEOPLE = 6000;

  @TempDir static Path shared;
  static GeneratedWorld world;

  @BeforeAll
  static void generateOnce() throws IOException {
    world = GeneratedWorld.generate(GeneratorOptions.defaults(PEOPLE, shared.resolve("default")));
  }

  @Test
  void theSameSeedGivesIdenticalFilesAndAnotherSeedDoesNot(@TempDir Path dir) throws IOException {
    GeneratorOptions a = withSeed(GeneratorOptions.defaults(800, dir.resolve("a")), 42);
    GeneratorOptions b = withSeed(GeneratorOptions.defaults(800, dir.resolve("b")), 42);
    GeneratorOptions c = withSeed(GeneratorOptions.defaults(800, dir.resolve("c")), 43);
    new Generator(a).run();
    new Generator(b).run();
    new Generator(c).run();

    List<Path> files = files(dir.resolve("a"));
    assertThat(files).hasSize(16);
    for (Path file : files) {
      Path relative = dir.resolve("a").relativize(file);
      assertThat(Files.mismatch(file, dir.resolve("b").resolve(relative)))
          .as(relative.toString())
          .isEqualTo(-1L);
    }
    assertThat(Files.mismatch(dir.resolve("a/truth.csv"), dir.resolve("c/truth.csv")))
        .isNotEqualTo(-1L);
  }

  @Test
  void byDefaultEveryRowLoadsAndTheOnlyWarningsAreTheDeliberateErrors() {
    assertThat(world.rejects).isEmpty();
    assertThat(world.warnings)
        .extracting(Problem::code)
        .isSubsetOf(
            ProblemCode.PLACEHOLDER, ProblemCode.INVALID_NHS_NUMBER, ProblemCode.INVALID_UPN);
    assertThat(world.persons.size()).isGreaterThan(PEOPLE);
    assertThat(world.events.size()).isGreaterThan(PEOPLE);
  }

  @Test
  void withoutErrorsEveryRowLoadsCleanly(@TempDir Path dir) throws IOException {
    GeneratorOptions clean = GeneratorOptions.defaults(2000, dir);
    clean = withProfiles(clean, scaledProfiles(0));

    GeneratedWorld cleanWorld = GeneratedWorld.generate(clean);

    assertThat(cleanWorld.rejects).isEmpty();
    assertThat(cleanWorld.warnings).isEmpty();
  }

  @Test
  void everyIdentifierWrittenValidatesExceptTheDeliberatelyMistypedOnes() throws IOException {
    long nhsWarnings =
        world.warnings.stream().filter(w -> w.code() == ProblemCode.INVALID_NHS_NUMBER).count();
    long upnWarnings =
        world.warnings.stream().filter(w -> w.code() == ProblemCode.INVALID_UPN).count();
    // idtypo rates are at most 0.5% per record.
    assertThat(nhsWarnings + upnWarnings).isLessThan(world.persons.size() / 100);
    for (PersonRecord p : world.persons) {
      if (p.nhsNumber() != null) {
        assertThat(NhsNumber.isValid(p.nhsNumber().digits())).isTrue();
        assertThat(p.nhsNumber().digits()).startsWith("99");
      }
    }
    assertThat(world.persons)
        .filteredOn(p -> p.agency().equals(PartnerId.HEALTH))
        .filteredOn(p -> p.nhsNumber() != null)
        .hasSizeGreaterThan(
            world.persons.stream().filter(p -> p.agency().equals(PartnerId.HEALTH)).toList().size()
                * 9
                / 10);
    assertThat(world.persons)
        .filteredOn(p -> p.upn() != null)
        .allSatisfy(
            p -> {
              assertThat(p.agency()).isEqualTo(PartnerId.EDUCATION);
              assertThat(Upn.isValid(p.upn().value())).isTrue();
            })
        .isNotEmpty();
    assertThat(world.persons)
        .filteredOn(p -> p.pncId() != null)
        .allSatisfy(
            p -> {
              assertThat(p.agency()).isEqualTo(PartnerId.POLICE);
              assertThat(PncId.isValid(p.pncId().value())).isTrue();
            })
        .isNotEmpty();
    assertThat(world.persons)
        .filteredOn(p -> p.postcode() == null)
        .hasSizeLessThan(world.persons.size() / 20);
  }

  @Test
  void errorsListsTheDeliberateErrorsOfRealRecordsAndTheReaderSeesThem() throws IOException {
    Set<String> records =
        world.persons.stream()
            .map(p -> p.agency().code() + "/" + p.recordId())
            .collect(Collectors.toSet());
    List<String[]> errors = world.table("errors.csv");
    assertThat(errors).allSatisfy(e -> assertThat(records).contains(e[0] + "/" + e[1]));
    Set<String> kinds = errors.stream().map(e -> e[2]).collect(Collectors.toSet());
    assertThat(kinds).contains("typo", "nickname", "oldname", "stale", "duplicate", "placeholder");
    long placeholders = errors.stream().filter(e -> e[2].equals("placeholder")).count();
    long placeholderWarnings =
        world.warnings.stream().filter(w -> w.code() == ProblemCode.PLACEHOLDER).count();
    assertThat(placeholderWarnings).isEqualTo(placeholders);
    long mistyped = errors.stream().filter(e -> e[2].equals("idtypo")).count();
    long checkWarnings =
        world.warnings.stream()
            .filter(
                w ->
                    w.code() == ProblemCode.INVALID_NHS_NUMBER
                        || w.code() == ProblemCode.INVALID_UPN)
            .count();
    assertThat(checkWarnings).isEqualTo(mistyped);
  }

  @Test
  void truthCoversEveryRecordAndNamesAPersonOfTheFamilies() throws IOException {
    Set<String> truthKeys = new HashSet<>();
    Map<String, String> personOf = new HashMap<>();
    for (String[] row : world.table("truth.csv")) {
      assertThat(truthKeys.add(row[0] + "/" + row[1])).as("unique %s/%s", row[0], row[1]).isTrue();
      personOf.put(row[0] + "/" + row[1], row[2]);
    }
    Set<String> recordKeys =
        world.persons.stream()
            .map(p -> p.agency().code() + "/" + p.recordId())
            .collect(Collectors.toSet());
    assertThat(truthKeys).isEqualTo(recordKeys);
    Set<String> familyPeople =
        world.table("families.csv").stream().map(r -> r[1]).collect(Collectors.toSet());
    assertThat(familyPeople).containsAll(personOf.values());
    assertThat(familyPeople).hasSize(PEOPLE);
  }

  @Test
  void theWorldHasTheFeaturesMatchingMustCopeWith() throws IOException {
    Map<String, Long> recordsPerPerson =
        world.table("truth.csv").stream()
            .collect(Collectors.groupingBy(r -> r[0] + "/" + r[2], Collectors.counting()));
    assertThat(recordsPerPerson.values()).as("duplicates inside one agency").contains(2L);
    assertThat(world.persons)
        .as("hyphenated surnames")
        .anyMatch(p -> p.familyName() != null && p.familyName().contains("-"));
    assertThat(world.persons).as("aliases from name changes").anyMatch(p -> !p.aliases().isEmpty());
    assertThat(world.persons)
        .as("surnames with apostrophes")
        .anyMatch(p -> p.familyName() != null && p.familyName().contains("'"));
    List<String[]> families = world.table("families.csv");
    assertThat(families).as("ex-partners who left a household").anyMatch(r -> !r[4].isEmpty());
    assertThat(twins(families)).as("twins").isGreaterThan(0);
    Map<String, Long> addressesPerFamily =
        world.table("addresses.csv").stream()
            .collect(Collectors.groupingBy(r -> r[0], Collectors.counting()));
    assertThat(addressesPerFamily.values()).as("households that moved").contains(1L, 2L, 3L);
    Set<String> agenciesPerPerson = new HashSet<>();
    Map<String, Set<String>> agencies = new HashMap<>();
    for (String[] row : world.table("truth.csv")) {
      agencies.computeIfAbsent(row[2], k -> new HashSet<>()).add(row[0]);
    }
    agencies.values().forEach(s -> agenciesPerPerson.add(Integer.toString(s.size())));
    assertThat(agenciesPerPerson).as("people in one to four agencies").contains("1", "2", "3");
  }

  @Test
  void someFamiliesMeetSupportingFamiliesCriteriaAndTheirEventsShowIt() throws IOException {
    List<String[]> criteria = world.table("criteria.csv");
    Set<String> kinds = criteria.stream().map(r -> r[1]).collect(Collectors.toSet());
    assertThat(kinds)
        .contains("domestic_abuse", "education", "crime", "health", "housing", "child_safety");
    long troubledFamilies = criteria.stream().map(r -> r[0]).distinct().count();
    long families = world.table("families.csv").stream().map(r -> r[0]).distinct().count();
    assertThat(troubledFamilies).isBetween(families / 50, families / 4);
    Set<String> types = world.events.stream().map(e -> e.type().code()).collect(Collectors.toSet());
    assertThat(types)
        .contains(
            "police.domestic_abuse_incident",
            "education.unauthorised_absence",
            "council.child_protection_plan_start",
            "health.mental_health_referral",
            "council.notice_seeking_possession",
            "police.arrest");
    assertThat(world.events)
        .filteredOn(e -> e.type().code().equals("police.domestic_abuse_incident"))
        .allSatisfy(e -> assertThat(e.detail()).isIn("standard", "medium", "high"));
  }

  @Test
  void injectedInvalidRowsAreExactlyTheRowsTheReaderRejects(@TempDir Path dir) throws IOException {
    GeneratorOptions broken = GeneratorOptions.defaults(1500, dir);
    broken =
        new GeneratorOptions(
            broken.people(),
            broken.out(),
            9,
            broken.asOf(),
            broken.historyYears(),
            broken.eventScale(),
            broken.troubledRate(),
            0.02,
            broken.profiles());

    GeneratedWorld brokenWorld = GeneratedWorld.generate(broken);

    Set<String> expected =
        brokenWorld.table("invalid.csv").stream()
            .map(r -> r[0] + "/" + r[1] + ":" + r[2])
            .collect(Collectors.toSet());
    assertThat(expected).hasSizeGreaterThan(10);
    assertThat(brokenWorld.rejectedLines).isEqualTo(expected);
  }

  @Test
  void theCommandLineExplainsItselfAndListsEveryUsageError() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    assertThat(
            GeneratorCommand.run(
                new String[] {"--help"}, new PrintStream(out), new PrintStream(err)))
        .isZero();
    assertThat(out.toString()).contains("--people", "--error", "--invalid-rows");

    int status =
        GeneratorCommand.run(
            new String[] {"--people", "lots", "--error", "police.speling=0.1", "--bogus", "1"},
            new PrintStream(out),
            new PrintStream(err));
    assertThat(status).isEqualTo(2);
    assertThat(err.toString())
        .contains(
            "--people must be a whole number",
            "--out is required",
            "unknown error kind",
            "unknown option --bogus");
  }

  @Test
  void errorFlagsChangeTheProfiles() {
    var options =
        GeneratorCommand.parse(
                new String[] {
                  "--people=10",
                  "--out",
                  "x",
                  "--error-scale=2",
                  "--error",
                  "typo=0.5",
                  "--error=police.nickname=0.9"
                },
                new java.util.ArrayList<>(),
                new PrintStream(new ByteArrayOutputStream()))
            .orElseThrow();

    assertThat(options.profiles().get(PartnerId.HEALTH).rate(ErrorKind.TYPO)).isEqualTo(0.5);
    assertThat(options.profiles().get(PartnerId.POLICE).rate(ErrorKind.NICKNAME)).isEqualTo(0.9);
    assertThat(options.profiles().get(PartnerId.HEALTH).rate(ErrorKind.NICKNAME))
        .isEqualTo(ErrorProfile.defaults(PartnerId.HEALTH).rate(ErrorKind.NICKNAME) * 2);
  }

  private static long twins(List<String[]> families) {
    return families.stream()
        .filter(r -> r[2].equals("child"))
        .collect(Collectors.groupingBy(r -> r[0] + "/" + r[3], Collectors.counting()))
        .values()
        .stream()
        .filter(n -> n >= 2)
        .count();
  }

  private static List<Path> files(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(Files::isRegularFile).sorted().toList();
    }
  }

  private static GeneratorOptions withSeed(GeneratorOptions o, long seed) {
    return new GeneratorOptions(
        o.people(),
        o.out(),
        seed,
        o.asOf(),
        o.historyYears(),
        o.eventScale(),
        o.troubledRate(),
        o.invalidRows(),
        o.profiles());
  }

  private static GeneratorOptions withProfiles(GeneratorOptions o, Map<PartnerId, ErrorProfile> p) {
    return new GeneratorOptions(
        o.people(),
        o.out(),
        o.seed(),
        o.asOf(),
        o.historyYears(),
        o.eventScale(),
        o.troubledRate(),
        o.invalidRows(),
        p);
  }

  private static Map<PartnerId, ErrorProfile> scaledProfiles(double factor) {
    Map<PartnerId, ErrorProfile> profiles = new LinkedHashMap<>();
    for (PartnerId agency : PartnerId.V1) {
      profiles.put(agency, ErrorProfile.defaults(agency).scaled(factor));
    }
    return profiles;
  }
}
