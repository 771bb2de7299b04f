package org.familyview.criteria;

import java.util.List;

/**
 * Whether a family has a need, which events show it, and why in plain English.
 *
 * @param needId the need's id
 * @param label the need's headline
 * @param met whether any evidence clause is satisfied
 * @param evidence the ids of the events of the satisfied clauses (or, when not met, of the clause
 *     that came closest), oldest first
 * @param why one or more sentences a keyworker can read aloud
 */
public record NeedResult(
    String needId, String label, boolean met, List<String> evidence, String why) {

  public NeedResult {
    evidence = List.copyOf(evidence);
  }
}
