package org.familyview.matching.score;

import static org.assertj.core.api.Assertions.assertThat;

import org.familyview.matching.SourceRecord;
import org.familyview.matching.compare.ComparisonSet;
import org.familyview.matching.standardise.StandardisedRecord;
import org.familyview.matching.standardise.Standardiser;
import org.junit.jupiter.api.Test;

class DecisiveRulesTests {

  private final ComparisonSet comparisons = ComparisonSet.standard();
  private final DecisiveRules rules = new DecisiveRules(comparisons);
  private final Standardiser standardiser = Standardiser.standard();

  private RuleOutcome judge(SourceRecord left, SourceRecord right) {
    StandardisedRecord l = standardiser.standardise(left);
    StandardisedRecord r = standardiser.standardise(right);
    int[] levels = new int[comparisons.size()];
    comparisons.compare(l, r, levels);
    return rules.apply(l, r, levels);
  }

  private static SourceRecord.Builder child(String agency, String id) {
    return SourceRecord.builder(agency, id)
        .born("2014-02-28")
        .address("12 High Street Leeds")
        .postcode("LS1 4AB");
  }

  @Test
  void differentValidNhsNumbersAreNeverOnePerson() {
    RuleOutcome outcome =
        judge(
            child("health", "1").name("Amy", "Hall").nhsNumber("9434765919").build(),
            child("council", "2").name("Amy", "Hall").nhsNumber("4010232137").build());
    assertThat(outcome).isInstanceOf(RuleOutcome.CannotLink.class);
  }

  @Test
  void theSameNhsNumberWithACompatibleBirthDateIsDecisive() {
    RuleOutcome outcome =
        judge(
            child("health", "1").name("Amy", "Hall").nhsNumber("9434765919").build(),
            SourceRecord.builder("police", "2")
                .name("Aimee", "Smith")
                .born("2014-28-02")
                .nhsNumber("943 476 5919")
                .build());
    assertThat(outcome).isInstanceOf(RuleOutcome.MustLink.class);
  }

  @Test
  void theSameNhsNumberWithAnIncompatibleBirthDateIsLeftToTheScore() {
    RuleOutcome outcome =
        judge(
            child("health", "1").name("Amy", "Hall").nhsNumber("9434765919").build(),
            SourceRecord.builder("police", "2").born("1970-06-01").nhsNumber("9434765919").build());
    assertThat(outcome).isInstanceOf(RuleOutcome.NoRule.class);
  }

  @Test
  void twinsOfDifferentSexAreKeptApart() {
    RuleOutcome outcome =
        judge(
            child("education", "1").name("Oliver", "Hall").sex("M").build(),
            child("health", "2").name("Amelia", "Hall").sex("F").build());
    assertThat(outcome)
        .isInstanceOfSatisfying(
            RuleOutcome.CannotLink.class, c -> assertThat(c.reason()).contains("twins"));
  }

  @Test
  void twinsInOneHouseholdOfOneAgencyAreKeptApart() {
    RuleOutcome outcome =
        judge(
            child("education", "1").name("Oliver", "Hall").household("H7").build(),
            child("education", "2").name("Harry", "Hall").household("H7").build());
    assertThat(outcome).isInstanceOf(RuleOutcome.CannotLink.class);
  }

  @Test
  void twinsWithDifferentUpnsAreKeptApart() {
    RuleOutcome outcome =
        judge(
            child("education", "1").name("Oliver", "Hall").upn(upn("801200114001")).build(),
            child("council", "2").name("Harry", "Hall").upn(upn("801200114002")).build());
    assertThat(outcome).isInstanceOf(RuleOutcome.CannotLink.class);
  }

  private static String upn(String twelve) {
    return org.familyview.identifiers.Upn.withCheckLetter(twelve).toString();
  }

  @Test
  void aNicknameIsNotATwin() {
    RuleOutcome outcome =
        judge(
            child("education", "1").name("William", "Hall").sex("M").household("H7").build(),
            child("education", "2").name("Bill", "Hall").sex("F").household("H7").build());
    assertThat(outcome).isInstanceOf(RuleOutcome.NoRule.class);
  }

  @Test
  void aDifferentForenameAloneIsNotEnoughToCallThemTwins() {
    RuleOutcome outcome =
        judge(
            child("police", "1").name("Oliver", "Hall").build(),
            child("health", "2").name("Harry", "Hall").build());
    assertThat(outcome).isInstanceOf(RuleOutcome.NoRule.class);
  }

  @Test
  void twinsWhoseMiddleNamesShareNoInitialAreTwoPeople() {
    RuleOutcome outcome =
        judge(
            child("council", "1")
                .name("Noah", "Davies")
                .middleNames("Harry Kwame")
                .sex("M")
                .build(),
            child("police", "2").name("Oscar", "Davies").middleNames("Mary").sex("M").build());
    assertThat(outcome).isInstanceOf(RuleOutcome.CannotLink.class);
  }

  @Test
  void aDifferentForenameWithTheSameMiddleNameInitialIsLeftToTheScore() {
    RuleOutcome outcome =
        judge(
            child("council", "1").name("Noah", "Davies").middleNames("Harry").sex("M").build(),
            child("police", "2").name("Oscar", "Davies").middleNames("Hary").sex("M").build());
    assertThat(outcome).isInstanceOf(RuleOutcome.NoRule.class);
    assertThat(
            judge(
                child("council", "1").name("Noah", "Davies").middleNames("Harry").sex("M").build(),
                child("police", "2").name("Oscar", "Davies").sex("M").build()))
        .as("a middle name missing on one side says nothing")
        .isInstanceOf(RuleOutcome.NoRule.class);
  }
}
