package org.familyview.frontdoor.rules;

import java.util.List;
import org.familyview.frontdoor.Contact;

/**
 * A rule that fired for a family: the events it fired on, the key that makes it fire once for them,
 * and why, in words.
 *
 * @param evidenceKey what makes this firing news: the newest qualifying event ({@code
 *     agency/event}), or the household moved into ({@code household/id})
 */
public record Firing(
    ConcernRule rule,
    String version,
    String familyId,
    List<Contact.EvidenceEvent> evidence,
    String evidenceKey,
    String why) {

  public Firing {
    evidence = List.copyOf(evidence);
  }
}
