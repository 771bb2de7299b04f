package org.familyview.criteria;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.familyview.generator.GenerateForTests;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * How far the shipped 2015 rules agree with the generator's truth (criteria.csv: the six headline
 * problems each household was given). The generator spreads a problem's events over its whole
 * history (3 years), while the rules look back 12 months, so agreement is measured twice: with the
 * shipped windows, and with every window widened to the history, which isolates the rules' event
 * choices and thresholds from the windows. {@code -Dcriteria.agreement.people=N} sizes the world
 * (docs/benchmarks.md records a run).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GeneratorAgreementTests {

  static final LocalDate AS_OF = LocalDate.of(2026, 11, 1);

  /** The 2015 problem ids against the generator's names for them. */
  static final Map<String, String> TRUTH_NAME =
      Map.of(
          "crime", "crime",
          "education", "education",
          "children-who-need-help", "child_safety",
          "financial-exclusion", "housing",
          "domestic-abuse", "domestic_abuse",
          "health", "health");

  record Agreement(Map<String, int[]> perProblem, int[] eligibility, int families, String ruleset) {

    double precision(int[] c) {
      return c[0] + c[1] == 0 ? 1 : (double) c[0] / (c[0] + c[1]);
    }

    double recall(int[] c) {
      return c[0] + c[2] == 0 ? 1 : (double) c[0] / (c[0] + c[2]);
    }

    double accuracy() {
      return (double) (eligibility[0] + eligibility[3]) / families;
    }

    String table() {
      StringBuilder out =
          new StringBuilder(
              String.format(
                  "%s, %d families%n%-24s %9s %9s %6s %6s %6s%n",
                  ruleset, families, "problem", "precision", "recall", "tp", "fp", "fn"));
      perProblem.forEach(
          (id, c) ->
              out.append(
                  String.format(
                      "%-24s %9.3f %9.3f %6d %6d %6d%n",
                      id, precision(c), recall(c), c[0], c[1], c[2])));
      out.append(
          String.format(
              "%-24s %9.3f %9.3f %6d %6d %6d   accuracy %.4f%n",
              "eligible (2 or more)",
              precision(eligibility),
              recall(eligibility),
              eligibility[0],
              eligibility[1],
              eligibility[2],
              accuracy()));
      return out.toString();
    }
  }

  GeneratedWorld world;
  Ruleset shipped;
  Ruleset wholeHistory;

  @BeforeAll
  void generate(@TempDir Path dir) throws Exception {
    String people = System.getProperty("criteria.agreement.people", "3000");
    GenerateForTests.run(
        "--people", people, "--out", dir.toString(), "--seed", "7", "--error-scale", "0");
    world = GeneratedWorld.read(dir);
    Path file = RulesetsTests.shipped().resolve("supporting-families-2015.yaml");
    String yaml = Files.readString(file);
    shipped = Rulesets.parse(file.getFileName().toString(), yaml);
    wholeHistory =
        Rulesets.parse("whole-history.yaml", yaml.replaceAll("within: P\\w+", "within: P3Y"));
  }

  Agreement measure(Ruleset rules) {
    Map<String, int[]> perProblem = new LinkedHashMap<>();
    rules.needs().forEach(n -> perProblem.put(n.id(), new int[3]));
    int[] eligibility = new int[4]; // tp, fp, fn, tn
    for (FamilyCase family : world.families.values()) {
      Evaluation evaluation = Evaluator.evaluate(rules, family, AS_OF);
      Set<String> truth = world.problems.getOrDefault(family.familyId(), Set.of());
      for (NeedResult need : evaluation.needs()) {
        boolean real = truth.contains(TRUTH_NAME.get(need.needId()));
        int[] c = perProblem.get(need.needId());
        if (need.met() && real) {
          c[0]++;
        } else if (need.met()) {
          c[1]++;
        } else if (real) {
          c[2]++;
        }
      }
      boolean eligibleInTruth = truth.size() >= rules.eligibleWith();
      int cell = evaluation.eligible() ? (eligibleInTruth ? 0 : 1) : (eligibleInTruth ? 2 : 3);
      eligibility[cell]++;
    }
    return new Agreement(
        perProblem, eligibility, world.families.size(), rules.name() + " " + rules.version());
  }

  @Test
  void everyTruthProblemHasANeedOfThe2015Rules() {
    assertThat(TRUTH_NAME.keySet())
        .containsExactlyInAnyOrderElementsOf(shipped.needs().stream().map(Need::id).toList());
  }

  @Test
  void withWindowsOverTheWholeHistoryTheRulesFindTheTrueProblems() {
    Agreement agreement = measure(wholeHistory);
    System.out.println("whole-history windows (P3Y)\n" + agreement.table());

    // The rules' event choices and thresholds, with the windows out of the way.
    assertThat(agreement.recall(agreement.eligibility)).isGreaterThan(0.95);
    assertThat(agreement.precision(agreement.eligibility)).isGreaterThan(0.9);
    assertThat(agreement.accuracy()).isGreaterThan(0.98);
  }

  @Test
  void withTheShippedWindowsTheRulesAreStricterThanTheTruth() {
    Agreement shippedAgreement = measure(shipped);
    Agreement whole = measure(wholeHistory);
    System.out.println("shipped windows\n" + shippedAgreement.table());

    // A 12-month look-back can only find fewer needs than a 3-year one, never more.
    assertThat(shippedAgreement.eligibility[0] + shippedAgreement.eligibility[1])
        .isLessThanOrEqualTo(whole.eligibility[0] + whole.eligibility[1]);
    assertThat(shippedAgreement.precision(shippedAgreement.eligibility)).isGreaterThan(0.9);
  }
}
