package org.familyview.casefile;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One line of a chronology as its reader may see it. A redacted entry keeps its place, agency,
 * date, sensitivity and provenance; its type, role and summary are withheld and {@code notice} says
 * whom to ask.
 *
 * @param household who lived in the family's household(s) on the entry's date (family chronologies)
 */
public record ChronologyEntry(
    @Nullable LocalDate date,
    @Nullable LocalTime time,
    String agency,
    @Nullable String type,
    @Nullable String typeLabel,
    @Nullable String role,
    @Nullable String summary,
    String sensitivity,
    boolean significant,
    boolean redacted,
    @Nullable String notice,
    String personId,
    String personName,
    Provenance provenance,
    List<HouseholdOnDate> household) {

  public ChronologyEntry {
    household = List.copyOf(household);
  }

  /** The household a family event happened in, and who lived there that day. */
  public record HouseholdOnDate(
      String householdId, @Nullable String postcode, List<Resident> residents) {
    public HouseholdOnDate {
      residents = List.copyOf(residents);
    }
  }

  public record Resident(String personId, String name) {}

  /** {@code 2024-03-01} or {@code 2024-03-01T14:30} as the agency recorded it; null if undated. */
  public @Nullable String occurredAt() {
    if (date == null) {
      return null;
    }
    return time == null ? date.toString() : date + "T" + time;
  }

  public String shownText() {
    return redacted ? (notice == null ? "" : notice) : (summary == null ? "" : summary);
  }
}
