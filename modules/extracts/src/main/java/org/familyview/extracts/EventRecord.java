package org.familyview.extracts;

import java.time.LocalDate;
import java.time.LocalTime;
import org.jspecify.annotations.Nullable;

/**
 * A normalised event row of {@code events.csv}.
 *
 * @param occurredOn the date, or null when the row had none or an unreadable one
 * @param occurredTime the UK local time when the row gave a date-time (offsets are converted to
 *     Europe/London), otherwise null
 * @param type the event type from the agency's vocabulary
 * @param detail the type's qualifier in normal form ("high", "victim", "4"), or null
 */
public record EventRecord(
    PartnerId agency,
    String eventId,
    String recordId,
    long line,
    @Nullable LocalDate occurredOn,
    @Nullable LocalTime occurredTime,
    EventType type,
    @Nullable String detail,
    @Nullable EventRole role,
    @Nullable String summary,
    Sensitivity sensitivity,
    String contentHash)
    implements SourceRecord {

  @Override
  public String id() {
    return eventId;
  }
}
