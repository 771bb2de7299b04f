package org.familyview.pipeline.indexing;

import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
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
import org.familyview.search.events.EventDocument;
import org.familyview.search.families.FamilyDocument;
import org.familyview.search.index.AliasedIndex;
import org.familyview.search.people.PersonDocument;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the three indices are built from, read from PostgreSQL. People: every live person, their
 * records' names, birth dates, postcodes and identifiers, and the family they belong to now (the
 * keyworker's caseload filter searches by family). Families: their current members' names,
 * postcodes and agencies, gathered from the same people. Events: every dated event of a live
 * person. A full build and an incremental run read the people and families the same way, so both
 * make the same documents.
 */
@Component
class IndexSources {

  private static final String EVENT_COLUMNS =
      "select e.agency, e.event_id, r.person_id, e.type, e.role, e.occurred_on, e.sensitivity";

  private final JdbcClient jdbc;

  IndexSources(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Every person and family document of the database now, with their fingerprints. */
  record People(
      Map<String, String> familyOfPerson,
      List<PersonDocument> people,
      Map<String, Long> personFingerprints,
      List<FamilyDocument> families,
      Map<String, Long> familyFingerprints) {}

  People people(Map<String, String> familyOfPerson) {
    Map<String, Builder> people = new LinkedHashMap<>();
    // Current records first and the latest load first: they give the name shown and the postcode.
    jdbc.sql(
            "select p.id, s.agency, s.given_name, s.middle_names, s.family_name, s.aliases,"
                + " s.date_of_birth, s.postcode, s.nhs_number, s.upn, s.pnc_id, s.record_id"
                + " from person p join person_record r on r.person_id = p.id"
                + " join source_person s on s.agency = r.agency and s.record_id = r.record_id"
                + " where p.retired_at is null"
                + " order by p.id, s.current desc, s.loaded_at desc, s.agency, s.record_id")
        .query(
            (org.springframework.jdbc.core.RowCallbackHandler)
                rs -> people.computeIfAbsent(rs.getString(1), Builder::new).add(rs));
    List<PersonDocument> documents = new ArrayList<>(people.size());
    Map<String, Long> personFingerprints = new HashMap<>(people.size() * 2);
    Map<String, FamilyBuilder> groups = new TreeMap<>();
    for (Builder b : people.values()) {
      String familyId = familyOfPerson.get(b.personId);
      PersonDocument document = b.build(familyId);
      documents.add(document);
      // The records a person holds decide which events carry their id, so they are part of what
      // was indexed for them even where the document itself would not change.
      personFingerprints.put(
          b.personId,
          AliasedIndex.fingerprint(
              document.fingerprint()
                  + "|"
                  + String.join(",", b.records.stream().sorted().toList())));
      if (familyId != null) {
        groups.computeIfAbsent(familyId, FamilyBuilder::new).add(b);
      }
    }
    List<FamilyDocument> families = new ArrayList<>(groups.size());
    Map<String, Long> familyFingerprints = new HashMap<>(groups.size() * 2);
    for (FamilyBuilder g : groups.values()) {
      FamilyDocument family = g.build();
      families.add(family);
      familyFingerprints.put(family.familyId(), family.fingerprint());
    }
    return new People(familyOfPerson, documents, personFingerprints, families, familyFingerprints);
  }

  /** Each person's current family (the lowest family id if the data puts them in several). */
  Map<String, String> families() {
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

  /**
   * Every event of a live person, streamed: the fetch size makes PostgreSQL send rows in batches
   * (the caller's transaction keeps the cursor open) rather than all at once. Close the stream.
   */
  Stream<EventDocument> allEvents(Map<String, String> familyOfPerson) {
    return jdbc
        .sql(
            EVENT_COLUMNS
                + " from source_event e"
                + " join person_record r on r.agency = e.agency and r.record_id = e.record_id"
                + " join person p on p.id = r.person_id"
                + " where p.retired_at is null and e.occurred_on is not null")
        .withFetchSize(10_000)
        .query((rs, row) -> event(rs, familyOfPerson))
        .stream();
  }

  /** Every event the people given hold now, as the index should have it. */
  List<EventDocument> eventsOf(Collection<String> personIds, Map<String, String> familyOfPerson) {
    if (personIds.isEmpty()) {
      return List.of();
    }
    return jdbc.sql(
            EVENT_COLUMNS
                + " from person_record r"
                + " join person p on p.id = r.person_id"
                + " join source_event e on e.agency = r.agency and e.record_id = r.record_id"
                + " where r.person_id = any (?) and p.retired_at is null"
                + " and e.occurred_on is not null")
        .param(personIds.toArray(String[]::new))
        .query((rs, row) -> event(rs, familyOfPerson))
        .list();
  }

  /** What the extracts given loaded: the events as the index should have them, and every id. */
  record Loaded(List<EventDocument> indexable, Set<String> ids) {}

  Loaded eventsOfExtracts(Collection<UUID> extracts, Map<String, String> familyOfPerson) {
    List<EventDocument> indexable = new ArrayList<>();
    Set<String> ids = new LinkedHashSet<>();
    if (extracts.isEmpty()) {
      return new Loaded(indexable, ids);
    }
    jdbc.sql(
            EVENT_COLUMNS
                + ", p.id is not null and e.occurred_on is not null from source_event e"
                + " left join person_record r on r.agency = e.agency and r.record_id = e.record_id"
                + " left join person p on p.id = r.person_id and p.retired_at is null"
                + " where e.extract_id = any (?::uuid[])")
        .param(extracts.stream().map(UUID::toString).toArray(String[]::new))
        .query(
            rs -> {
              ids.add(EventDocument.id(rs.getString(1), rs.getString(2)));
              if (rs.getBoolean(8)) {
                indexable.add(event(rs, familyOfPerson));
              }
            });
    return new Loaded(indexable, ids);
  }

  /** The extracts whose events are in source_event now, with how many of them each holds. */
  Map<UUID, Long> eventExtracts() {
    Map<UUID, Long> extracts = new HashMap<>();
    jdbc.sql("select extract_id, count(*) from source_event group by extract_id")
        .query(
            rs -> {
              extracts.put(rs.getObject(1, UUID.class), rs.getLong(2));
            });
    return extracts;
  }

  private static EventDocument event(ResultSet rs, Map<String, String> familyOfPerson)
      throws SQLException {
    return new EventDocument(
        rs.getString(1),
        rs.getString(2),
        rs.getString(3),
        familyOfPerson.get(rs.getString(3)),
        rs.getString(4),
        rs.getString(5),
        rs.getDate(6).toLocalDate(),
        rs.getString(7));
  }

  private static List<String> nonNull(@Nullable String... values) {
    return Arrays.stream(values).filter(v -> v != null && !v.isBlank()).toList();
  }

  private static List<String> aliases(@Nullable Array array) throws SQLException {
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
    final List<String> records = new ArrayList<>();

    Builder(String personId) {
      this.personId = personId;
    }

    void add(ResultSet rs) throws SQLException {
      String agency = rs.getString(2);
      agencies.add(agency.toLowerCase(Locale.ROOT));
      records.add(agency + "/" + rs.getString(12));
      String given = rs.getString(3);
      String middle = rs.getString(4);
      String family = rs.getString(5);
      if (displayName == null && (given != null || family != null)) {
        displayName = String.join(" ", nonNull(given, family));
      }
      names.addAll(nonNull(given, middle, family));
      names.addAll(aliases(rs.getArray(6)));
      if (family != null) {
        familyNames.add(family);
      }
      Date born = rs.getDate(7);
      if (dateOfBirth == null && born != null) {
        dateOfBirth = born.toLocalDate();
      }
      if (postcode == null) {
        postcode = rs.getString(8);
      }
      identifiers.addAll(nonNull(rs.getString(9), rs.getString(10), rs.getString(11)));
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
