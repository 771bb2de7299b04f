package org.familyview.pipeline.indexing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Array;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;
import org.familyview.pipeline.PipelineStage;
import org.familyview.search.events.EventDocument;
import org.familyview.search.events.EventsIndex;
import org.familyview.search.families.FamiliesIndex;
import org.familyview.search.families.FamilyDocument;
import org.familyview.search.people.PeopleIndex;
import org.familyview.search.people.PersonDocument;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Rebuilds the people, families and events indices. People: every live person, their records'
 * names, birth dates, postcodes and identifiers, and the family they belong to now (the keyworker's
 * caseload filter searches by family). Families: their current members' names, postcodes and
 * agencies, gathered from the same people. Events: every event of a live person, streamed from
 * PostgreSQL straight into bulk requests. Each new index replaces the old one in one alias swap, so
 * a search never sees half of it; a failure before the swap leaves yesterday's index in place.
 */
@Component
class IndexingStage implements PipelineStage {

  private static final Logger log = LoggerFactory.getLogger(IndexingStage.class);

  private final JdbcClient jdbc;
  private final PeopleIndex index;
  private final FamiliesIndex familiesIndex;
  private final EventsIndex eventsIndex;

  IndexingStage(
      JdbcClient jdbc, PeopleIndex index, FamiliesIndex familiesIndex, EventsIndex eventsIndex) {
    this.jdbc = jdbc;
    this.index = index;
    this.familiesIndex = familiesIndex;
    this.eventsIndex = eventsIndex;
  }

  @Override
  public String name() {
    return "indexing";
  }

  @Override
  public Counts run(UUID runId) {
    Map<String, String> families = families();
    Map<String, Builder> people = new LinkedHashMap<>();
    // Current records first and the latest load first: they give the name shown and the postcode.
    jdbc.sql(
            "select p.id, s.agency, s.given_name, s.middle_names, s.family_name, s.aliases,"
                + " s.date_of_birth, s.postcode, s.nhs_number, s.upn, s.pnc_id"
                + " from person p join person_record r on r.person_id = p.id"
                + " join source_person s on s.agency = r.agency and s.record_id = r.record_id"
                + " where p.retired_at is null"
                + " order by p.id, s.current desc, s.loaded_at desc, s.agency, s.record_id")
        .query(
            rs -> {
              Builder person = people.computeIfAbsent(rs.getString(1), Builder::new);
              person.agencies.add(rs.getString(2).toLowerCase(Locale.ROOT));
              String given = rs.getString(3);
              String middle = rs.getString(4);
              String family = rs.getString(5);
              if (person.displayName == null && (given != null || family != null)) {
                person.displayName = String.join(" ", nonNull(given, family));
              }
              person.names.addAll(nonNull(given, middle, family));
              person.names.addAll(aliases(rs.getArray(6)));
              if (family != null) {
                person.familyNames.add(family);
              }
              Date born = rs.getDate(7);
              if (person.dateOfBirth == null && born != null) {
                person.dateOfBirth = born.toLocalDate();
              }
              if (person.postcode == null) {
                person.postcode = rs.getString(8);
              }
              person.identifiers.addAll(
                  nonNull(rs.getString(9), rs.getString(10), rs.getString(11)));
            });
    List<PersonDocument> documents = new ArrayList<>(people.size());
    for (Builder b : people.values()) {
      documents.add(b.build(families.get(b.personId)));
    }
    Map<String, FamilyBuilder> groups = new TreeMap<>();
    for (Builder b : people.values()) {
      String familyId = families.get(b.personId);
      if (familyId != null) {
        groups.computeIfAbsent(familyId, FamilyBuilder::new).add(b);
      }
    }
    try {
      long started = System.nanoTime();
      long indexed = index.rebuild(documents.stream());
      documents = List.of();
      long peopleDone = System.nanoTime();
      long familiesIndexed =
          familiesIndex.rebuild(groups.values().stream().map(FamilyBuilder::build));
      groups.clear();
      long familiesDone = System.nanoTime();
      long eventsIndexed = indexEvents(families);
      long eventsDone = System.nanoTime();
      log.info(
          "Indexed {} people in {} ms, {} families in {} ms, {} events in {} ms",
          indexed,
          (peopleDone - started) / 1_000_000,
          familiesIndexed,
          (familiesDone - peopleDone) / 1_000_000,
          eventsIndexed,
          (eventsDone - familiesDone) / 1_000_000);
      return new Counts(people.size(), indexed + familiesIndexed + eventsIndexed);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Streams every event of a live person into the events index; the fetch size makes PostgreSQL
   * send rows in batches (the step's transaction keeps the cursor open) rather than all at once.
   */
  private long indexEvents(Map<String, String> families) throws IOException {
    try (Stream<EventDocument> events =
        jdbc
            .sql(
                "select e.agency, e.event_id, r.person_id, e.type, e.role, e.occurred_on,"
                    + " e.sensitivity from source_event e"
                    + " join person_record r on r.agency = e.agency and r.record_id = e.record_id"
                    + " join person p on p.id = r.person_id"
                    + " where p.retired_at is null and e.occurred_on is not null")
            .withFetchSize(10_000)
            .query(
                (rs, row) ->
                    new EventDocument(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        families.get(rs.getString(3)),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getDate(6).toLocalDate(),
                        rs.getString(7)))
            .stream()) {
      return eventsIndex.rebuild(events);
    }
  }

  /** Each person's current family (the lowest family id if the data puts them in several). */
  private Map<String, String> families() {
    Map<String, String> families = new HashMap<>();
    jdbc.sql(
            "select m.person_id, min(m.family_id) from family_member m"
                + " join family f on f.id = m.family_id"
                + " where f.retired_at is null and (m.to_date is null or m.to_date >= current_date)"
                + " group by m.person_id")
        .query(
            rs -> {
              families.put(rs.getString(1), rs.getString(2));
            });
    return families;
  }

  private static List<String> nonNull(@Nullable String... values) {
    return Arrays.stream(values).filter(v -> v != null && !v.isBlank()).toList();
  }

  private static List<String> aliases(@Nullable Array array) throws java.sql.SQLException {
    return array == null
        ? List.of()
        : Arrays.stream((Object[]) array.getArray()).map(String::valueOf).toList();
  }

  private static final class FamilyBuilder {
    final String familyId;
    final Set<String> memberIds = new TreeSet<>();
    final List<String> names = new ArrayList<>();
    final Set<String> familyNames = new LinkedHashSet<>();
    final Set<String> postcodes = new LinkedHashSet<>();
    final Set<String> agencies = new TreeSet<>();

    FamilyBuilder(String familyId) {
      this.familyId = familyId;
    }

    void add(Builder person) {
      memberIds.add(person.personId);
      names.addAll(person.names);
      familyNames.addAll(person.familyNames);
      if (person.postcode != null) {
        postcodes.add(person.postcode);
      }
      agencies.addAll(person.agencies);
    }

    FamilyDocument build() {
      return new FamilyDocument(familyId, memberIds, names, familyNames, postcodes, agencies);
    }
  }

  private static final class Builder {
    final String personId;
    @Nullable String displayName;
    final Set<String> names = new LinkedHashSet<>();
    final Set<String> familyNames = new LinkedHashSet<>();
    @Nullable LocalDate dateOfBirth;
    @Nullable String postcode;
    final Set<String> identifiers = new LinkedHashSet<>();
    final Set<String> agencies = new LinkedHashSet<>();

    Builder(String personId) {
      this.personId = personId;
    }

    PersonDocument build(@Nullable String familyId) {
      return new PersonDocument(
          personId,
          displayName == null ? personId : displayName,
          List.copyOf(names),
          List.copyOf(familyNames),
          dateOfBirth,
          postcode,
          identifiers,
          familyId,
          agencies);
    }
  }
}
