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
import java.util.UUID;
import org.familyview.pipeline.PipelineStage;
import org.familyview.search.people.PeopleIndex;
import org.familyview.search.people.PersonDocument;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Rebuilds the people index from every live person, their records' names, birth dates, postcodes
 * and identifiers, and the family they belong to now (the keyworker's caseload filter searches by
 * family). The new index replaces the old one in one alias swap, so a search never sees half of it.
 */
@Component
class IndexingStage implements PipelineStage {

  private final JdbcClient jdbc;
  private final PeopleIndex index;

  IndexingStage(JdbcClient jdbc, PeopleIndex index) {
    this.jdbc = jdbc;
    this.index = index;
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
    try {
      long indexed = index.rebuild(documents.stream());
      return new Counts(people.size(), indexed);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
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
