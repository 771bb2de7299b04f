package org.familyview.frontdoor.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Every mistake in a rules file is named at once, with file, rule and field. */
class ConcernRulesTests {

  @Test
  void everyProblemIsReportedAtOnce() {
    String yaml =
        """
        ruleset: test
        name: Broken rules
        version: "1"
        rules:
          - id: Bad_Id
            label: an unknown event
            rag: PURPLE
            events: [police.teleportation]
            within: twelve months
            at-least: 0
            colour: red
          - id: needs-authorities
            label: a move without authorities
            rag: AMBER
            within: P1M
            moved-between-authorities: true
        """;
    assertThatThrownBy(() -> ConcernRules.parse("broken.yaml", yaml))
        .isInstanceOf(ConcernRulesInvalid.class)
        .satisfies(
            e ->
                assertThat(((ConcernRulesInvalid) e).problems())
                    .contains(
                        "broken.yaml: rule 'Bad_Id': id: must be lower-case words joined by hyphens",
                        "broken.yaml: rule 'Bad_Id': rag: must be RED, AMBER or GREEN, not 'PURPLE'",
                        "broken.yaml: rule 'Bad_Id': events: 'police.teleportation' is not an event"
                            + " type of the vocabulary",
                        "broken.yaml: rule 'Bad_Id': within: 'twelve months' is not a period like P12M",
                        "broken.yaml: rule 'Bad_Id': at-least: must be 1 or more",
                        "broken.yaml: rule 'needs-authorities': moved-between-authorities needs"
                            + " authorities")
                    .anyMatch(
                        p ->
                            p.startsWith(
                                "broken.yaml: rule 'Bad_Id': colour: is not a known key")));
  }

  @Test
  void aRuleExplainsItselfInWords() {
    ConcernRule.Ruleset r =
        ConcernRules.parse(
            "ok.yaml",
            """
            ruleset: ok
            name: ok
            version: "1"
            rules:
              - id: da
                label: domestic abuse
                rag: AMBER
                events: [police.domestic_abuse_incident]
                within: P12M
                at-least: 3
                household-with-child: true
            """);
    assertThat(r.rules().getFirst().explain())
        .isEqualTo(
            "3 or more of police.domestic_abuse_incident within P12M, at a household with a child");
  }
}
