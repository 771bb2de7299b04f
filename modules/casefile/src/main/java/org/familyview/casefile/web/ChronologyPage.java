package org.familyview.casefile.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import org.familyview.casefile.CasePartners;
import org.familyview.casefile.Chronology;
import org.familyview.casefile.ChronologyEntry;
import org.familyview.casefile.Provenance;
import org.jspecify.annotations.Nullable;

/**
 * The chronology as the page shows it to a person reading a big family: one entry per incident (the
 * police's victim and perpetrator records of one call-out are one entry naming both), newest first
 * unless asked otherwise, optionally only the significant ones, with a summary of counts by partner
 * and year for the top of the page. The API and the PDF keep the per-record chronology; this
 * grouping is for reading only and every record's provenance stays listed under its entry.
 *
 * <p>Who lived in the household on each entry's date is listed once per make-up, under the entries
 * ({@link #households}), and each entry links to its make-up: a 200-entry family's page used to
 * repeat the same nine names two hundred times (issue 18, docs/portal.md "The chronology page").
 *
 * <p>A redacted record is never grouped with another: grouping would tell its reader that it has
 * the same (withheld) type as its neighbour.
 */
public record ChronologyPage(
    List<Incident> entries,
    int datedRecords,
    boolean newestFirst,
    boolean significantOnly,
    int significantCount,
    Summary summary,
    List<TypeOption> types,
    List<Household> households) {

  /** Up to this many most recent years get a column of their own; older ones share "earlier". */
  static final int YEARS_SHOWN = 6;

  /** One thing that happened, and each person's part in it. */
  public record Incident(ChronologyEntry entry, List<Part> parts, List<ChronologyEntry> records) {

    public boolean isNew(@Nullable Instant since) {
      return since != null
          && records.stream().anyMatch(r -> r.provenance().loadedAt().isAfter(since));
    }

    /** How many lived in the household(s) that day, for the collapsed line. */
    public int householdSize() {
      return entry.household().stream().mapToInt(h -> h.residents().size()).sum();
    }

    /** "Jolene Tagg (victim), Dean Marsh (perpetrator)" as the template lists them. */
    public String people() {
      return String.join(", ", parts.stream().map(Part::describe).toList());
    }
  }

  /**
   * One make-up of the household(s) the entries happened in, the dates of the first and last entry
   * that happened in it, and how many did; numbered from 1 in date order for the page's anchors.
   */
  public record Household(
      int number,
      List<ChronologyEntry.HouseholdOnDate> places,
      LocalDate from,
      LocalDate to,
      int entries) {

    public int size() {
      return places.stream().mapToInt(h -> h.residents().size()).sum();
    }

    /** "Jolene Tagg, Kai Tagg (LS6 1AA); Dean Marsh (LS7 2BB)". */
    public String residents() {
      return String.join(
          "; ",
          places.stream()
              .map(
                  h ->
                      String.join(
                              ", ",
                              h.residents().stream().map(ChronologyEntry.Resident::name).toList())
                          + (h.postcode() == null ? "" : " (" + h.postcode() + ")"))
              .toList());
    }
  }

  public record Part(String personId, String name, @Nullable String role) {
    String describe() {
      return role == null ? name : name + " (" + role + ")";
    }
  }

  /** Counts by partner (rows) and year (columns, newest first; the last may be "earlier"). */
  public record Summary(List<String> columns, List<Row> rows, int total) {}

  public record Row(String partner, List<Integer> counts, int total) {}

  public record TypeOption(String code, String label) {}

  static ChronologyPage of(
      Chronology chronology, boolean newestFirst, boolean significantOnly, List<String> chosen) {
    return of(chronology, newestFirst, significantOnly, chosen, CasePartners.v1());
  }

  /**
   * @param partners whose names and order the summary's rows take
   */
  static ChronologyPage of(
      Chronology chronology,
      boolean newestFirst,
      boolean significantOnly,
      List<String> chosen,
      CasePartners partners) {
    List<Incident> incidents = incidents(chronology.events());
    int significant = (int) incidents.stream().filter(i -> i.entry().significant()).count();
    List<Incident> shown =
        significantOnly
            ? incidents.stream().filter(i -> i.entry().significant()).toList()
            : incidents;
    if (newestFirst) {
      shown = shown.reversed();
    }
    return new ChronologyPage(
        List.copyOf(shown),
        chronology.events().size(),
        newestFirst,
        significantOnly,
        significant,
        summary(chronology, partners),
        types(chronology, chosen),
        households(incidents));
  }

  /** The distinct household make-ups of the entries, in date order, each with its span. */
  static List<Household> households(List<Incident> incidents) {
    Map<List<ChronologyEntry.HouseholdOnDate>, List<LocalDate>> dates = new LinkedHashMap<>();
    for (Incident i : incidents) {
      if (!i.entry().household().isEmpty()) {
        dates
            .computeIfAbsent(i.entry().household(), h -> new ArrayList<>())
            .add(Objects.requireNonNull(i.entry().date()));
      }
    }
    List<Household> households = new ArrayList<>(dates.size());
    dates.forEach(
        (places, on) ->
            households.add(
                new Household(
                    households.size() + 1, places, on.getFirst(), on.getLast(), on.size())));
    return List.copyOf(households);
  }

  /** The make-up an entry happened in, for its link to the shared list; null if none recorded. */
  public @Nullable Household household(Incident incident) {
    List<ChronologyEntry.HouseholdOnDate> places = incident.entry().household();
    return places.isEmpty()
        ? null
        : households.stream().filter(h -> h.places().equals(places)).findFirst().orElse(null);
  }

  /**
   * One record's provenance in one line, with the load time as people write it: "police record R1,
   * event E1; extract ... (events.csv line 2), loaded 3 Mar 2025, 14:05; linked: ...".
   */
  public String provenance(ChronologyEntry record) {
    Provenance p = record.provenance();
    return p.agency()
        + " record "
        + p.recordId()
        + ", event "
        + p.eventId()
        + "; extract "
        + p.extractId()
        + " ("
        + p.file()
        + " line "
        + p.line()
        + "), loaded "
        + org.familyview.portal.web.Readable.UK.dateTime(p.loadedAt())
        + (p.current() ? "" : "; no longer in the agency's latest extract")
        + "; linked: "
        + p.link().describe();
  }

  /** Groups records of the same occurrence; the input is in date order and so is the output. */
  static List<Incident> incidents(List<ChronologyEntry> dated) {
    Map<Object, List<ChronologyEntry>> groups = new LinkedHashMap<>();
    for (ChronologyEntry e : dated) {
      Object key =
          e.redacted()
              ? e.provenance()
              : List.of(
                  e.agency(),
                  Objects.requireNonNull(e.date()),
                  Objects.toString(e.time(), ""),
                  Objects.toString(e.type(), ""),
                  Objects.toString(e.summary(), ""));
      groups.computeIfAbsent(key, k -> new ArrayList<>()).add(e);
    }
    List<Incident> incidents = new ArrayList<>(groups.size());
    for (List<ChronologyEntry> records : groups.values()) {
      incidents.add(new Incident(records.getFirst(), parts(records), List.copyOf(records)));
    }
    return incidents;
  }

  private static List<Part> parts(List<ChronologyEntry> records) {
    Map<String, Part> parts = new LinkedHashMap<>();
    for (ChronologyEntry r : records) {
      parts.putIfAbsent(r.personId(), new Part(r.personId(), r.personName(), roleLabel(r.role())));
    }
    return List.copyOf(parts.values());
  }

  /** VICTIM or "victim" as recorded, as a reader says it; SUBJECT says nothing and is left out. */
  static @Nullable String roleLabel(@Nullable String role) {
    if (role == null || role.isBlank() || role.equalsIgnoreCase("subject")) {
      return null;
    }
    return role.strip().toLowerCase(Locale.ROOT).replace('_', ' ');
  }

  static Summary summary(Chronology chronology, CasePartners partners) {
    TreeSet<Integer> years = new TreeSet<>(Comparator.reverseOrder());
    Map<String, Map<Integer, Integer>> counts = new TreeMap<>();
    for (ChronologyEntry e : chronology.events()) {
      int year = Objects.requireNonNull(e.date()).getYear();
      years.add(year);
      counts.computeIfAbsent(e.agency(), a -> new TreeMap<>()).merge(year, 1, Integer::sum);
    }
    for (ChronologyEntry e : chronology.undated()) {
      counts.computeIfAbsent(e.agency(), a -> new TreeMap<>());
    }
    List<Integer> own = years.stream().limit(YEARS_SHOWN).toList();
    boolean earlier = years.size() > YEARS_SHOWN;
    List<String> columns = new ArrayList<>(own.stream().map(String::valueOf).toList());
    if (earlier) {
      columns.add("Earlier");
    }
    List<Row> rows = new ArrayList<>();
    for (String agency : partners.inOrder(counts.keySet())) {
      Map<Integer, Integer> byYear = counts.get(agency);
      List<Integer> cells = new ArrayList<>();
      own.forEach(y -> cells.add(byYear.getOrDefault(y, 0)));
      if (earlier) {
        int rest = own.isEmpty() ? 0 : own.getLast();
        cells.add(
            byYear.entrySet().stream()
                .filter(y -> y.getKey() < rest)
                .mapToInt(Map.Entry::getValue)
                .sum());
      }
      rows.add(
          new Row(
              partners.name(agency),
              cells,
              byYear.values().stream().mapToInt(Integer::intValue).sum()));
    }
    return new Summary(columns, rows, chronology.events().size());
  }

  /** The event types on show (and any chosen), by label, for the filter's list. */
  static List<TypeOption> types(Chronology chronology, List<String> chosen) {
    Map<String, String> labels = new TreeMap<>();
    for (ChronologyEntry e : chronology.events()) {
      if (e.type() != null) {
        labels.putIfAbsent(e.type(), Objects.toString(e.typeLabel(), e.type()));
      }
    }
    for (ChronologyEntry e : chronology.undated()) {
      if (e.type() != null) {
        labels.putIfAbsent(e.type(), Objects.toString(e.typeLabel(), e.type()));
      }
    }
    chosen.forEach(c -> labels.putIfAbsent(c, c));
    return labels.entrySet().stream()
        .map(l -> new TypeOption(l.getKey(), l.getValue()))
        .sorted(Comparator.comparing(TypeOption::label))
        .toList();
  }

  /** Entries with a record loaded after {@code since}. */
  public long newCount(@Nullable Instant since) {
    return entries.stream().filter(i -> i.isNew(since)).count();
  }

  /** The filter in words, with labels instead of codes: "partner Police; what happened ...". */
  static String describe(
      org.familyview.casefile.ChronologyFilter filter,
      List<TypeOption> types,
      Map<String, String> memberNames) {
    return describe(filter, types, memberNames, CasePartners.v1());
  }

  static String describe(
      org.familyview.casefile.ChronologyFilter filter,
      List<TypeOption> types,
      Map<String, String> memberNames,
      CasePartners partners) {
    if (filter.isEmpty()) {
      return "all entries";
    }
    Map<String, String> labels = new java.util.HashMap<>();
    types.forEach(t -> labels.put(t.code(), t.label()));
    List<String> parts = new ArrayList<>();
    if (!filter.agencies().isEmpty()) {
      parts.add(
          "partner "
              + String.join(
                  ", ", partners.inOrder(filter.agencies()).stream().map(partners::name).toList()));
    }
    if (!filter.types().isEmpty()) {
      parts.add(
          "what happened: "
              + String.join(
                  ", ",
                  new TreeSet<>(filter.types())
                      .stream().map(t -> labels.getOrDefault(t, t)).toList()));
    }
    if (filter.from() != null) {
      parts.add("from " + org.familyview.portal.web.Readable.UK.date(filter.from()));
    }
    if (filter.to() != null) {
      parts.add("to " + org.familyview.portal.web.Readable.UK.date(filter.to()));
    }
    if (!filter.members().isEmpty()) {
      parts.add(
          "member "
              + String.join(
                  ", ",
                  new TreeSet<>(filter.members())
                      .stream().map(m -> memberNames.getOrDefault(m, m)).toList()));
    }
    return String.join("; ", parts);
  }

  /** The newest dated entry's date, for the summary line. */
  public @Nullable LocalDate latest() {
    return entries.isEmpty()
        ? null
        : newestFirst ? entries.getFirst().entry().date() : entries.getLast().entry().date();
  }
}
