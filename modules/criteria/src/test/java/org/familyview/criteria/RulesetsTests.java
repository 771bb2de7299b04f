package org.familyview.criteria;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Period;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RulesetsTests {

  static Path shipped() {
    return Path.of(System.getenv().getOrDefault("FV_CONFIG_DIR", "../../config"), "criteria");
  }

  @Test
  void theShippedRulesetsLoad() {
    Map<String, Ruleset> rulesets = Rulesets.load(shipped());

    assertThat(rulesets).containsOnlyKeys("2022", "2015");
    Ruleset outcomes = rulesets.get("2022");
    assertThat(outcomes.needs()).hasSize(10);
    assertThat(outcomes.eligibleWith()).isEqualTo(3);
    assertThat(outcomes.version()).isNotBlank();
    assertThat(outcomes.needs())
        .extracting(Need::id)
        .containsExactly(
            "education",
            "early-years",
            "health",
            "substance-use",
            "family-relationships",
            "child-safety",
            "crime",
            "domestic-abuse",
            "housing",
            "financial-stability");
    Ruleset problems = rulesets.get("2015");
    assertThat(problems.needs()).hasSize(6);
    assertThat(problems.eligibleWith()).isEqualTo(2);
    assertThat(problems.need("domestic-abuse").orElseThrow().evidence().getFirst().within())
        .isEqualTo(Period.ofMonths(12));
  }

  @Test
  void everyHeadlineOfTheVocabularyIsEvidenceForSomeNeedOf2022() {
    Ruleset outcomes = Rulesets.load(shipped()).get("2022");
    var named =
        outcomes.needs().stream()
            .flatMap(n -> n.evidence().stream())
            .flatMap(e -> e.eventTypes().stream())
            .collect(java.util.stream.Collectors.toSet());

    var typesWithAHeadline =
        org.familyview.extracts.Vocabulary.standard().all().stream()
            .filter(t -> t.criterion() != null)
            .map(org.familyview.extracts.EventType::code)
            // Deliberately not evidence (docs/criteria.md): home education is a parent's right, and
            // a
            // protection plan ending is a step down, not a need.
            .filter(
                code ->
                    !code.equals("education.elective_home_education")
                        && !code.equals("council.child_protection_plan_end"))
            .toList();
    assertThat(typesWithAHeadline).allSatisfy(code -> assertThat(named).contains(code));
  }

  static final String GOOD =
      """
      framework: "2022"
      name: Test
      version: "1"
      eligible-with: 1
      needs:
        - id: domestic-abuse
          label: Safe from domestic abuse
          evidence:
            - events: [police.domestic_abuse_incident]
              within: P12M
      """;

  @Test
  void aMinimalRulesetReadsWithDefaults() {
    Ruleset ruleset = Rulesets.parse("test.yaml", GOOD);

    Evidence evidence = ruleset.needs().getFirst().evidence().getFirst();
    assertThat(evidence.members()).isEqualTo(Members.ANY);
    assertThat(evidence.threshold()).isEqualTo(new Threshold.AtLeastEvents(1));
    assertThat(evidence.description()).isEqualTo("domestic abuse incident");
    assertThat(ruleset.source()).isEqualTo("test.yaml");
  }

  static Stream<Arguments> badRulesets() {
    return Stream.of(
        Arguments.of(
            "events: [police.domestic_abuse_incident]",
            "events: [police.domestic_abus_incident]",
            "sf.yaml: need 'domestic-abuse': evidence 1: events: 'police.domestic_abus_incident' is not an event type of the vocabulary"),
        Arguments.of(
            "within: P12M",
            "within: 12 months",
            "sf.yaml: need 'domestic-abuse': evidence 1: within: '12 months' is not an ISO-8601 period such as P12M or P2Y"),
        Arguments.of(
            "within: P12M",
            "within: P0D",
            "sf.yaml: need 'domestic-abuse': evidence 1: within: 'P0D' must be longer than zero"),
        Arguments.of(
            "within: P12M",
            "within: P12M\n        at-least: 0",
            "sf.yaml: need 'domestic-abuse': evidence 1: at-least: '0' must be a whole number, 1 or more"),
        Arguments.of(
            "within: P12M",
            "within: P12M\n        at-least: 2\n        at-least-members: 2",
            "sf.yaml: need 'domestic-abuse': evidence 1: at-least, at-least-members: give only one threshold"),
        Arguments.of(
            "within: P12M",
            "within: P12M\n        at-least-total: 10",
            "sf.yaml: need 'domestic-abuse': evidence 1: at-least-total: police.domestic_abuse_incident has no count in its detail to add up"),
        Arguments.of(
            "within: P12M",
            "within: P12M\n        members: children",
            "sf.yaml: need 'domestic-abuse': evidence 1: members: 'children' is not one of any, child, adult"),
        Arguments.of(
            "within: P12M",
            "within: P12M\n        roles: [victim, bystander]",
            "sf.yaml: need 'domestic-abuse': evidence 1: roles: 'bystander' is not one of [other, parent, perpetrator, subject, victim, witness]"),
        Arguments.of(
            "within: P12M",
            "within: P12M\n        details: [severe]",
            "sf.yaml: need 'domestic-abuse': evidence 1: details: 'severe' is not a detail value of any of [police.domestic_abuse_incident]"),
        Arguments.of(
            "within: P12M",
            "within: P12M\n        witin: P6M",
            "sf.yaml: need 'domestic-abuse': evidence 1: witin: is not a known field (expected one of [at-least, at-least-for-one-member, at-least-members, at-least-total, description, details, events, members, roles, within])"),
        Arguments.of(
            "id: domestic-abuse",
            "id: Domestic Abuse",
            "sf.yaml: need 'Domestic Abuse': id: must be lower-case words joined by hyphens, e.g. domestic-abuse"),
        Arguments.of(
            "label: Safe from domestic abuse",
            "label: Safe from domestic abuse\n    lable: Safe",
            "sf.yaml: need 'domestic-abuse': lable: is not a known field (expected one of [evidence, id, label])"),
        Arguments.of(
            "eligible-with: 1",
            "eligible-with: 2",
            "sf.yaml: eligible-with: 2 is more than the 1 needs listed, so no family could be eligible"),
        Arguments.of("version: \"1\"\n", "", "sf.yaml: version: is missing"),
        Arguments.of(
            "eligible-with: 1",
            "eligible-with: three",
            "sf.yaml: eligible-with: must be a whole number, 1 or more"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("badRulesets")
  void aBadRulesetIsRefusedNamingFileNeedFieldAndWhy(String from, String to, String problem) {
    String yaml = GOOD.replace(from, to);
    assertThat(yaml).as("the edit applies").isNotEqualTo(GOOD);

    RulesetInvalid invalid =
        catchThrowableOfType(RulesetInvalid.class, () -> Rulesets.parse("sf.yaml", yaml));

    assertThat(invalid).isNotNull();
    assertThat(invalid.problems()).containsExactly(problem);
  }

  @Test
  void everyProblemInEveryFileIsReportedAtOnce(@TempDir Path folder) throws Exception {
    Files.writeString(folder.resolve("a.yaml"), GOOD);
    Files.writeString(folder.resolve("b.yaml"), GOOD.replace("name: Test", "name: Copy"));
    Files.writeString(folder.resolve("c.yaml"), "framework: [unclosed");
    Files.writeString(
        folder.resolve("d.yaml"),
        GOOD.replace("\"2022\"", "\"2015\"")
            .replace("P12M", "P1X")
            .replace("- id: domestic-abuse", "- label2: x\n  - id: domestic-abuse"));

    RulesetInvalid invalid =
        catchThrowableOfType(RulesetInvalid.class, () -> Rulesets.load(folder));

    assertThat(invalid.problems())
        .anySatisfy(
            p -> assertThat(p).isEqualTo("b.yaml: framework: '2022' is already defined by a.yaml"))
        .anySatisfy(p -> assertThat(p).startsWith("c.yaml: not readable YAML"))
        .anySatisfy(p -> assertThat(p).contains("d.yaml: need '#1': id: is missing"))
        .anySatisfy(
            p ->
                assertThat(p)
                    .isEqualTo(
                        "d.yaml: need 'domestic-abuse': evidence 1: within: 'P1X' is not an"
                            + " ISO-8601 period such as P12M or P2Y"));
    assertThat(invalid.getMessage()).contains("b.yaml").contains("d.yaml");
  }

  @Test
  void anEmptyFolderIsAProblemNotAnEmptyResult(@TempDir Path folder) {
    RulesetInvalid invalid =
        catchThrowableOfType(RulesetInvalid.class, () -> Rulesets.load(folder));

    assertThat(invalid.problems()).containsExactly("no criteria rulesets (*.yaml) in " + folder);
  }
}
