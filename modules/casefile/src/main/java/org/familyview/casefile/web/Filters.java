package org.familyview.casefile.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.familyview.casefile.Agencies;
import org.familyview.casefile.ChronologyFilter;
import org.jspecify.annotations.Nullable;

/** The chronology filters as typed into a query string, read and checked at the web edge. */
final class Filters {

  record Parsed(ChronologyFilter filter, List<String> errors) {}

  private Filters() {}

  static Parsed parse(
      @Nullable List<String> agency,
      @Nullable List<String> type,
      @Nullable String from,
      @Nullable String to,
      @Nullable List<String> member) {
    return parse(agency, type, from, to, member, Agencies.ALL);
  }

  /**
   * @param partners the partner codes an {@code agency} filter may name: the configured partners
   */
  static Parsed parse(
      @Nullable List<String> agency,
      @Nullable List<String> type,
      @Nullable String from,
      @Nullable String to,
      @Nullable List<String> member,
      List<String> partners) {
    List<String> errors = new ArrayList<>();
    Set<String> agencies = new LinkedHashSet<>();
    for (String a : values(agency)) {
      String code = a.toLowerCase(Locale.ROOT);
      if (partners.contains(code)) {
        agencies.add(code);
      } else {
        errors.add("agency must be one of " + String.join(", ", partners) + ", not '" + a + "'");
      }
    }
    LocalDate start = date("from", from, errors);
    LocalDate end = date("to", to, errors);
    if (start != null && end != null && end.isBefore(start)) {
      errors.add("to is before from");
    }
    return new Parsed(
        new ChronologyFilter(
            agencies, Set.copyOf(values(type)), start, end, Set.copyOf(values(member))),
        errors);
  }

  private static List<String> values(@Nullable List<String> raw) {
    if (raw == null) {
      return List.of();
    }
    // Both ?agency=police&agency=health and ?agency=police,health are accepted.
    List<String> values = new ArrayList<>();
    for (String r : raw) {
      for (String part : r.split(",")) {
        if (!part.isBlank()) {
          values.add(part.strip());
        }
      }
    }
    return values;
  }

  private static @Nullable LocalDate date(String name, @Nullable String text, List<String> errors) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(text.strip());
    } catch (DateTimeParseException e) {
      errors.add(name + " must be a date like 2024-03-01");
      return null;
    }
  }
}
