package org.familyview.pipeline.clustering;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.familyview.linkage.PairKey;
import org.familyview.linkage.ReviewTasks;
import org.familyview.matching.RecordKey;
import org.familyview.matching.score.LinkDecision;
import org.familyview.pipeline.matching.MatchOutput;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Possible-match tasks per pair of people: two people ("P1" with health/1, council/1, police/1;
 * "P2" with education/2, council/2) with three review pairs between them, and one review pair
 * inside P1.
 */
class PairTasksTests {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private static final RecordKey H1 = new RecordKey("health", "1");
  private static final RecordKey C1 = new RecordKey("council", "1");
  private static final RecordKey P1 = new RecordKey("police", "1");
  private static final RecordKey E2 = new RecordKey("education", "2");
  private static final RecordKey C2 = new RecordKey("council", "2");
  private static final RecordKey H3 = new RecordKey("health", "3");

  private static final Map<RecordKey, String> PEOPLE =
      Map.of(H1, "P1", C1, "P1", P1, "P1", E2, "P2", C2, "P2", H3, "P3");

  private static final String WATERFALL =
      "{\"modelVersion\":\"fs1-test\",\"contributions\":[{\"comparison\":\"forename\"}],"
          + "\"matchWeight\":4.5}";

  private static MatchOutput.StagedPair review(RecordKey a, RecordKey b, double weight) {
    return pair(a, b, weight, LinkDecision.REVIEW);
  }

  private static MatchOutput.StagedPair pair(
      RecordKey a, RecordKey b, double weight, LinkDecision decision) {
    return new MatchOutput.StagedPair(
        a,
        b,
        weight,
        1 / (1 + Math.pow(2, -weight)),
        decision,
        MatchOutput.RuleKind.NONE,
        "",
        weight == 4.5 ? WATERFALL : null,
        "fs1-test");
  }

  private static final List<MatchOutput.StagedPair> WORLD =
      List.of(
          review(H1, E2, 1.5),
          review(C2, P1, 4.5),
          review(C1, C2, 3.0),
          review(H1, P1, 6.0), // inside P1
          pair(H3, C1, 2.0, LinkDecision.NO_LINK));

  @Test
  void severalReviewPairsBetweenTwoPeopleAreOneTaskNamingTheStrongestWithTheOthersInItsDetail() {
    PairTasks.PossibleMatches possible =
        PairTasks.possibleMatches(WORLD, Set.of(), List.of(), PEOPLE::get);

    assertThat(possible.tasks()).hasSize(1);
    ReviewTasks.PairTask task = possible.tasks().get(0);
    assertThat(task.kind()).isEqualTo("POSSIBLE_MATCH");
    assertThat(List.of(task.left(), task.right())).containsExactly(C2, P1);
    assertThat(task.matchWeight()).isEqualTo(4.5);
    JsonNode detail = JSON.readTree(task.detail());
    assertThat(detail.get("contributions").size()).as("the waterfall is kept").isEqualTo(1);
    assertThat(detail.get("modelVersion").asString()).isEqualTo("fs1-test");
    JsonNode others = detail.get("otherPairs");
    assertThat(others.size()).isEqualTo(2);
    assertThat(others.get(0).get("left").get("agency").asString()).isEqualTo("council");
    assertThat(others.get(0).get("left").get("recordId").asString()).isEqualTo("1");
    assertThat(others.get(0).get("right").get("agency").asString()).isEqualTo("council");
    assertThat(others.get(0).get("matchWeight").asDouble()).isEqualTo(3.0);
    assertThat(others.get(0).get("matchProbability").asDouble()).isBetween(0.8, 0.9);
    assertThat(others.get(1).get("matchWeight").asDouble()).isEqualTo(1.5);
    assertThat(possible.reviewPairs()).isEqualTo(4);
    assertThat(possible.withinOnePerson()).isEqualTo(1);
    assertThat(possible.pairsOfPeople()).isEqualTo(1);
    assertThat(possible.settled()).isZero();
  }

  @Test
  void aTaskWithNoOtherPairsKeepsItsWeightAndAnEmptyList() {
    PairTasks.PossibleMatches possible =
        PairTasks.possibleMatches(List.of(review(H3, E2, 2.0)), Set.of(), List.of(), PEOPLE::get);

    JsonNode detail = JSON.readTree(possible.tasks().get(0).detail());
    assertThat(detail.get("matchWeight").asDouble()).isEqualTo(2.0);
    assertThat(detail.get("otherPairs").size()).isZero();
  }

  @Test
  void twoPeopleAreRuledOnWhenAStewardRuledOnAnyRecordPairBetweenThem() {
    // The weakest pair, not the one the task would name.
    PairTasks.PossibleMatches ruled =
        PairTasks.possibleMatches(WORLD, Set.of(PairKey.of(E2, H1)), List.of(), PEOPLE::get);
    // A ruling between records now in other people settles nothing here.
    PairTasks.PossibleMatches elsewhere =
        PairTasks.possibleMatches(WORLD, Set.of(PairKey.of(H3, C1)), List.of(), PEOPLE::get);

    assertThat(ruled.tasks()).isEmpty();
    assertThat(ruled.settled()).isEqualTo(1);
    assertThat(elsewhere.tasks()).hasSize(1);
  }

  @Test
  void twoPeopleAnOpenTaskIsAboutGetNoSecondTaskUnderAnotherRecordPair() {
    PairTasks.PossibleMatches open =
        PairTasks.possibleMatches(WORLD, Set.of(), List.of(List.of(H1, E2)), PEOPLE::get);
    PairTasks.PossibleMatches openElsewhere =
        PairTasks.possibleMatches(WORLD, Set.of(), List.of(List.of(H3, E2)), PEOPLE::get);

    assertThat(open.tasks()).isEmpty();
    assertThat(openElsewhere.tasks()).hasSize(1);
  }

  @Test
  void differentPairsOfPeopleAreDifferentTasks() {
    List<MatchOutput.StagedPair> pairs =
        List.of(review(H1, E2, 1.5), review(H3, E2, 2.5), review(H3, P1, 0.5));

    PairTasks.PossibleMatches possible =
        PairTasks.possibleMatches(pairs, Set.of(), List.of(), PEOPLE::get);

    assertThat(possible.tasks())
        .extracting(t -> PairKey.of(t.left(), t.right()))
        .containsExactly(PairKey.of(H3, E2), PairKey.of(H1, E2), PairKey.of(H3, P1));
  }
}
