package org.familyview.search.events;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.familyview.search.index.AliasedIndex;
import org.jspecify.annotations.Nullable;

/**
 * One event as the events index holds it. The summary stays out: it is free text that may name
 * people and its redaction depends on the reader, which only the chronology (from PostgreSQL)
 * knows.
 *
 * @param eventId the agency's event id, unique within the agency
 * @param role subject, victim, perpetrator, witness, parent or other; absent where the agency gave
 *     none
 * @param familyId the family the person belongs to now, if any
 */
public record EventDocument(
    String agency,
    String eventId,
    String personId,
    @Nullable String familyId,
    String type,
    @Nullable String role,
    LocalDate occurredOn,
    String sensitivity) {

  /** The document's id in the events index: the lower-case agency and the agency's event id. */
  public String id() {
    return id(agency, eventId);
  }

  public static String id(String agency, String eventId) {
    return agency.toLowerCase(Locale.ROOT) + ":" + eventId;
  }

  AliasedIndex.Document document() {
    Map<String, Object> source = new LinkedHashMap<>();
    String agencyKey = agency.toLowerCase(Locale.ROOT);
    source.put("agency", agencyKey);
    source.put("event_id", eventId);
    source.put("person_id", personId);
    if (familyId != null) {
      source.put("family_id", familyId);
    }
    source.put("type", type);
    if (role != null) {
      source.put("role", role);
    }
    source.put("occurred_on", occurredOn.toString());
    source.put("sensitivity", sensitivity);
    return new AliasedIndex.Document(id(), source);
  }
}
