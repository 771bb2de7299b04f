package org.familyview.pipeline;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.familyview.linktool.SyntheticPopulation;
import org.familyview.matching.SourceRecord;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Loads source_person rows straight from the matcher's synthetic population (households, typing
 * errors, nicknames, missing identifiers, as agencies deliver them), as the load would leave them:
 * current and waiting for matching.
 */
final class SourceRows {

  private SourceRows() {}

  static List<SourceRecord> population(long seed, int records) {
    return population(seed, 0.3, records);
  }

  /** The same with another share of records carrying errors (0.3 above). */
  static List<SourceRecord> population(long seed, double errorRate, int records) {
    return SyntheticPopulation.generate(seed, errorRate, records).records();
  }

  static void load(JdbcTemplate jdbc, List<SourceRecord> records) {
    UUID extract = UUID.randomUUID();
    Timestamp now = Timestamp.from(Instant.now());
    List<Object[]> rows = new ArrayList<>();
    long line = 1;
    for (SourceRecord r : records) {
      rows.add(
          new Object[] {
            r.agency().toUpperCase(Locale.ROOT),
            r.recordId(),
            blank(r.givenName()),
            blank(r.middleNames()),
            blank(r.familyName()),
            "{"
                + String.join(
                    ",", r.aliases().stream().map(a -> '"' + a.replace("\"", "") + '"').toList())
                + "}",
            date(r.dateOfBirth()),
            blank(r.sex()),
            blank(r.address()),
            blank(r.postcode()),
            blank(r.nhsNumber()),
            blank(r.upn()),
            blank(r.pncId()),
            blank(r.phone()),
            blank(r.email()),
            blank(r.householdId()),
            String.format("%032x", r.hashCode() & 0xffffffffL),
            extract,
            ++line,
            now,
            extract
          });
    }
    jdbc.batchUpdate(
        "insert into source_person (agency, record_id, given_name, middle_names, family_name,"
            + " aliases, date_of_birth, sex, address, postcode, nhs_number, upn, pnc_id, phone,"
            + " email, household_id, content_hash, current, needs_matching, extract_id,"
            + " source_file, source_line, loaded_at, first_extract_id)"
            + " values (?, ?, ?, ?, ?, ?::text[], ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, true, true, ?,"
            + " 'persons.csv', ?, ?, ?)",
        rows);
  }

  /** The load stores an empty field as missing (null), as the contract says. */
  private static @Nullable String blank(@Nullable String value) {
    return value == null || value.isBlank() ? null : value;
  }

  private static @Nullable Date date(@Nullable String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Date.valueOf(LocalDate.parse(value));
    } catch (DateTimeParseException e) {
      // A typing error the contract keeps only as a warning: loaded without a date.
      return null;
    }
  }
}
