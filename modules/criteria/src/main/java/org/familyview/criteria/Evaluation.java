package org.familyview.criteria;

import java.time.LocalDate;
import java.util.List;

/**
 * A family's result under one ruleset on one day.
 *
 * @param familyId the family
 * @param framework the framework id
 * @param version the ruleset version that produced it
 * @param evaluatedOn the evaluation date the look-back windows end on
 * @param needs every need of the ruleset, met or not, in the ruleset's order
 * @param eligible whether at least {@code eligibleWith} needs are met
 * @param why the eligibility in one sentence
 */
public record Evaluation(
    String familyId,
    String framework,
    String version,
    LocalDate evaluatedOn,
    List<NeedResult> needs,
    boolean eligible,
    String why) {

  public Evaluation {
    needs = List.copyOf(needs);
  }

  public List<NeedResult> met() {
    return needs.stream().filter(NeedResult::met).toList();
  }
}
