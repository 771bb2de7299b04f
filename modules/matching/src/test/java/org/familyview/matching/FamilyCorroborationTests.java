package org.familyview.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.familyview.matching.block.CandidatePairs;
import org.familyview.matching.score.LinkDecision;
import org.familyview.matching.score.PairScorer;
import org.familyview.matching.score.RuleOutcome;
import org.familyview.matching.standardise.StandardisedRecord;
import org.familyview.matching.standardise.Standardiser;
import org.junit.jupiter.api.Test;

class FamilyCorroborationTests {

  private static final String LEEDS = "4 Mill Lane, Leeds";
  private static final String BRADFORD = "77 Manor Road, Bradford";

  private final Standardiser standardiser = Standardiser.standard();

  private StandardisedRecord person(String id, String forename, String born, String address) {
    return standardiser.standardise(
        SourceRecord.builder(id.substring(0, 1), id)
            .name(forename, "Hirst")
            .born(born)
            .address(address)
            .build());
  }

  /** Every pair given is an uncorroborated review pair unless {@code linked} says otherwise. */
  private static LinkDecision[] promote(
      List<StandardisedRecord> records, long[] pairs, LinkDecision... decisions) {
    FamilyCorroboration.promote(
        records,
        pairs,
        decisions,
        i -> decisions[i] == LinkDecision.LINK ? RuleOutcome.NONE : PairScorer.UNCORROBORATED);
    return decisions;
  }

  @Test
  void aMotherAndSonMatchingBetweenTheSameTwoAddressesAreAFamilyThatMoved() {
    List<StandardisedRecord> records =
        List.of(
            person("c1", "Sarah", "1980-03-02", LEEDS),
            person("c2", "Jack", "2010-06-11", LEEDS),
            person("p1", "Sarah", "1980-03-02", BRADFORD),
            person("p2", "Jack", "2010-06-11", BRADFORD));
    long[] pairs = {CandidatePairs.pair(0, 2), CandidatePairs.pair(1, 3)};
    assertThat(promote(records, pairs, LinkDecision.REVIEW, LinkDecision.REVIEW))
        .containsExactly(LinkDecision.LINK, LinkDecision.LINK);
  }

  @Test
  void aLinkedFamilyMemberCorroboratesAReviewPair() {
    List<StandardisedRecord> records =
        List.of(
            person("c1", "Sarah", "1980-03-02", LEEDS),
            person("c2", "Jack", "2010-06-11", LEEDS),
            person("p1", "Sarah", "1980-03-02", BRADFORD),
            person("p2", "Jack", "2010-06-11", BRADFORD));
    long[] pairs = {CandidatePairs.pair(0, 2), CandidatePairs.pair(1, 3)};
    assertThat(promote(records, pairs, LinkDecision.LINK, LinkDecision.REVIEW))
        .containsExactly(LinkDecision.LINK, LinkDecision.LINK);
  }

  @Test
  void aNamesakeAloneOrTheSamePersonTwiceIsStillAReviewTask() {
    List<StandardisedRecord> records =
        List.of(
            person("c1", "Sarah", "1980-03-02", LEEDS),
            person("h1", "Sarah", "1980-03-02", LEEDS),
            person("p1", "Sarah", "1980-03-02", BRADFORD),
            person("p2", "Jack", "2010-06-11", "9 Elm Row, Wakefield"));
    long[] pairs = {
      CandidatePairs.pair(0, 2), CandidatePairs.pair(1, 2), CandidatePairs.pair(1, 3)
    };
    assertThat(
            promote(records, pairs, LinkDecision.REVIEW, LinkDecision.REVIEW, LinkDecision.NO_LINK))
        .as("the second pair is the same Sarah again, not another member of her family")
        .containsExactly(LinkDecision.REVIEW, LinkDecision.REVIEW, LinkDecision.NO_LINK);
  }
}
