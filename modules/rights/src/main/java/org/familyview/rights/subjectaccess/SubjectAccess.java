package org.familyview.rights.subjectaccess;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Gathers a person's subject access export: their source records from every agency they are linked
 * in, every event on those records (an event whose role is not {@code subject} is also about
 * someone else, so it is marked third-party), their households and the others who lived there,
 * their families and the other members, and how their records were linked. Nothing is redacted: the
 * export is for the team that answers the request, which redacts third-party entries.
 */
@Component
public class SubjectAccess {

  static final String DERIVED = "FAMILYVIEW";

  private final JdbcClient jdbc;
  private final Clock clock;

  @Autowired
  public SubjectAccess(JdbcClient jdbc) {
    this(jdbc, Clock.systemUTC());
  }

  SubjectAccess(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** The export, or empty when there is no such person. */
  public Optional<SubjectAccessExport> export(String personId, String requestedBy) {
    boolean exists =
        jdbc.sql("select exists (select 1 from person where id = ?)")
            .param(personId)
            .query(Boolean.class)
            .single();
    if (!exists) {
      return Optional.empty();
    }
    List<SubjectAccessEntry> entries = new ArrayList<>();
    entries.addAll(records(personId));
    entries.addAll(events(personId));
    entries.addAll(households(personId));
    entries.addAll(families(personId));
    entries.addAll(links(personId));
    List<String> agencies =
        entries.stream()
            .map(SubjectAccessEntry::agency)
            .filter(a -> !a.equals(DERIVED))
            .distinct()
            .sorted()
            .toList();
    return Optional.of(
        new SubjectAccessExport(
            personId,
            clock.instant(),
            requestedBy,
            agencies,
            entries.stream().filter(SubjectAccessEntry::thirdParty).count(),
            SubjectAccessExport.NOTE,
            entries));
  }

  private List<SubjectAccessEntry> records(String personId) {
    return jdbc.sql(
            """
            select p.*, pr.link_type from person_record pr
            join source_person p on p.agency = upper(pr.agency) and p.record_id = pr.record_id
            where pr.person_id = ? order by p.agency, p.record_id
            """)
        .param(personId)
        .query(
            (rs, n) ->
                new SubjectAccessEntry(
                    "record",
                    rs.getString("agency"),
                    rs.getString("record_id"),
                    text(rs, "loaded_at"),
                    false,
                    fields(
                        rs,
                        "given_name",
                        "middle_names",
                        "family_name",
                        "aliases",
                        "date_of_birth",
                        "sex",
                        "address",
                        "postcode",
                        "nhs_number",
                        "upn",
                        "pnc_id",
                        "phone",
                        "email",
                        "household_id",
                        "current",
                        "link_type")))
        .list();
  }

  private List<SubjectAccessEntry> events(String personId) {
    return jdbc.sql(
            """
            select e.* from person_record pr
            join source_event e on e.agency = upper(pr.agency) and e.record_id = pr.record_id
            where pr.person_id = ? order by e.occurred_on nulls last, e.agency, e.event_id
            """)
        .param(personId)
        .query(
            (rs, n) -> {
              String role = rs.getString("role");
              return new SubjectAccessEntry(
                  "event",
                  rs.getString("agency"),
                  rs.getString("event_id"),
                  text(rs, "occurred_on"),
                  role != null && !role.equalsIgnoreCase("subject"),
                  fields(
                      rs,
                      "record_id",
                      "type",
                      "role",
                      "occurred_time",
                      "summary",
                      "detail",
                      "sensitivity"));
            })
        .list();
  }

  private List<SubjectAccessEntry> households(String personId) {
    List<SubjectAccessEntry> entries =
        new ArrayList<>(
            jdbc.sql(
                    """
                    select h.id, h.address, h.postcode, m.from_date, m.to_date, m.agency,
                           m.record_id
                    from household_member m join household h on h.id = m.household_id
                    where m.person_id = ? order by m.from_date nulls first, h.id
                    """)
                .param(personId)
                .query(
                    (rs, n) ->
                        new SubjectAccessEntry(
                            "household",
                            agencyOr(rs.getString("agency")),
                            rs.getString("id"),
                            text(rs, "from_date"),
                            false,
                            fields(rs, "address", "postcode", "from_date", "to_date")))
                .list());
    entries.addAll(
        jdbc.sql(
                """
                select distinct o.household_id, o.person_id, o.from_date, o.to_date, o.agency,
                       p.given_name, p.family_name, p.date_of_birth
                from household_member me
                join household_member o
                  on o.household_id = me.household_id and o.person_id <> me.person_id
                left join source_person p
                  on p.agency = upper(o.agency) and p.record_id = o.record_id
                where me.person_id = ? order by o.household_id, o.person_id
                """)
            .param(personId)
            .query(
                (rs, n) ->
                    new SubjectAccessEntry(
                        "household-member",
                        agencyOr(rs.getString("agency")),
                        rs.getString("person_id"),
                        text(rs, "from_date"),
                        true,
                        fields(
                            rs,
                            "household_id",
                            "given_name",
                            "family_name",
                            "date_of_birth",
                            "from_date",
                            "to_date")))
            .list());
    return entries;
  }

  private List<SubjectAccessEntry> families(String personId) {
    List<SubjectAccessEntry> entries =
        new ArrayList<>(
            jdbc.sql(
                    """
                    select family_id, role, from_date, to_date, basis from family_member
                    where person_id = ? order by from_date nulls first, family_id
                    """)
                .param(personId)
                .query(
                    (rs, n) ->
                        new SubjectAccessEntry(
                            "family",
                            DERIVED,
                            rs.getString("family_id"),
                            text(rs, "from_date"),
                            false,
                            fields(rs, "role", "from_date", "to_date", "basis")))
                .list());
    entries.addAll(
        jdbc.sql(
                """
                select o.family_id, o.person_id, o.role, o.from_date, o.to_date
                from family_member me
                join family_member o on o.family_id = me.family_id and o.person_id <> me.person_id
                where me.person_id = ? order by o.family_id, o.person_id
                """)
            .param(personId)
            .query(
                (rs, n) ->
                    new SubjectAccessEntry(
                        "family-member",
                        DERIVED,
                        rs.getString("person_id"),
                        text(rs, "from_date"),
                        true,
                        fields(rs, "family_id", "role", "from_date", "to_date")))
            .list());
    return entries;
  }

  private List<SubjectAccessEntry> links(String personId) {
    return jdbc.sql(
            """
            select agency, record_id, action, link_type, match_probability, at, reason
            from person_link_event where person_id = ? order by at, id
            """)
        .param(personId)
        .query(
            (rs, n) ->
                new SubjectAccessEntry(
                    "link",
                    DERIVED,
                    rs.getString("agency") + "/" + rs.getString("record_id"),
                    text(rs, "at"),
                    false,
                    fields(rs, "action", "link_type", "match_probability", "reason")))
        .list();
  }

  private static String agencyOr(@Nullable String agency) {
    return agency == null ? DERIVED : agency.toUpperCase(java.util.Locale.ROOT);
  }

  private static Map<String, String> fields(ResultSet rs, String... columns) throws SQLException {
    Map<String, String> fields = new LinkedHashMap<>();
    for (String column : columns) {
      String value = text(rs, column);
      if (value != null) {
        fields.put(column, value);
      }
    }
    return fields;
  }

  private static @Nullable String text(ResultSet rs, String column) throws SQLException {
    Object value = rs.getObject(column);
    if (value == null) {
      return null;
    }
    if (value instanceof java.sql.Array array) {
      Object[] items = (Object[]) array.getArray();
      return items.length == 0
          ? null
          : String.join("; ", java.util.Arrays.stream(items).map(String::valueOf).toList());
    }
    if (value instanceof java.sql.Timestamp timestamp) {
      return timestamp.toInstant().toString();
    }
    return value.toString();
  }
}
