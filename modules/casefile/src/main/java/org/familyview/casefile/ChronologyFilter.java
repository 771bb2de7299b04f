package org.familyview.casefile;

import java.time.LocalDate;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Which entries a reader asked for. Empty sets mean "all". Undated entries cannot be placed in a
 * period, so a period never hides them: they are listed apart. A redacted entry's type is withheld
 * from its reader, so a type filter cannot select or hide it (that would reveal the type); agency
 * and period still apply.
 */
public record ChronologyFilter(
    Set<String> agencies,
    Set<String> types,
    @Nullable LocalDate from,
    @Nullable LocalDate to,
    Set<String> members) {

  public static final ChronologyFilter ALL =
      new ChronologyFilter(Set.of(), Set.of(), null, null, Set.of());

  public ChronologyFilter {
    agencies = Set.copyOf(agencies);
    types = Set.copyOf(types);
    members = Set.copyOf(members);
  }

  public boolean isEmpty() {
    return agencies.isEmpty() && types.isEmpty() && from == null && to == null && members.isEmpty();
  }

  boolean admitsAgencyAndMember(String agency, String personId) {
    return (agencies.isEmpty() || agencies.contains(agency))
        && (members.isEmpty() || members.contains(personId));
  }

  boolean admitsDate(LocalDate date) {
    return (from == null || !date.isBefore(from)) && (to == null || !date.isAfter(to));
  }

  boolean admitsType(String type) {
    return types.isEmpty() || types.contains(type);
  }

  /** For a reader: "agency police, health; from 2024-01-01". */
  public String describe() {
    if (isEmpty()) {
      return "all entries";
    }
    StringBuilder text = new StringBuilder();
    if (!agencies.isEmpty()) {
      text.append("agency ").append(String.join(", ", new java.util.TreeSet<>(agencies)));
    }
    if (!types.isEmpty()) {
      text.append(text.isEmpty() ? "" : "; ")
          .append("type ")
          .append(String.join(", ", new java.util.TreeSet<>(types)));
    }
    if (from != null) {
      text.append(text.isEmpty() ? "" : "; ").append("from ").append(from);
    }
    if (to != null) {
      text.append(text.isEmpty() ? "" : "; ").append("to ").append(to);
    }
    if (!members.isEmpty()) {
      text.append(text.isEmpty() ? "" : "; ")
          .append("member ")
          .append(String.join(", ", new java.util.TreeSet<>(members)));
    }
    return text.toString();
  }
}
