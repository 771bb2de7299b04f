package org.familyview.criteria;

import java.time.Period;
import java.util.List;
import java.util.Set;

/**
 * One way a need can be met: events of these types (optionally only with these details and in these
 * roles), about these family members, within the look-back window ending on the evaluation date,
 * and enough of them.
 *
 * @param description what the clause means, in the words an authority would use; shown in the why
 * @param eventTypes the event type codes that count, e.g. {@code police.domestic_abuse_incident}
 * @param details the detail values that count; empty means any
 * @param roles the person's roles in the event that count; empty means any
 * @param members whose events count, by age on the event date
 * @param within the look-back window from the evaluation date
 * @param threshold how much matching evidence is needed
 */
public record Evidence(
    String description,
    List<String> eventTypes,
    Set<String> details,
    Set<String> roles,
    Members members,
    Period within,
    Threshold threshold) {

  public Evidence {
    eventTypes = List.copyOf(eventTypes);
    details = Set.copyOf(details);
    roles = Set.copyOf(roles);
  }
}
