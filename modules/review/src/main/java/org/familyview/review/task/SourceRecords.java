package org.familyview.review.task;

import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.familyview.matching.RecordKey;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads source records (identifying data only) by key, in the order asked. */
@Component("workbench.sourceRecords")
public class SourceRecords {

  private final JdbcClient jdbc;

  public SourceRecords(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The records found, keyed and ordered as asked; a key with no record is left out. */
  public Map<RecordKey, SourceRecordView> find(Collection<RecordKey> keys) {
    Map<RecordKey, SourceRecordView> found = new LinkedHashMap<>();
    if (keys.isEmpty()) {
      return found;
    }
    List<String> agencies = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    keys.forEach(
        k -> {
          agencies.add(k.agency());
          ids.add(k.recordId());
        });
    Map<RecordKey, SourceRecordView> loaded = new LinkedHashMap<>();
    jdbc.sql(
            """
            select p.agency, p.record_id, given_name, middle_names, family_name, aliases,
                   date_of_birth, sex, address, postcode, nhs_number, upn, pnc_id, phone, email,
                   household_id, current
            from source_person p
            join unnest(?::text[], ?::text[]) as k(agency, record_id)
              on p.agency = k.agency and p.record_id = k.record_id
            """)
        .param(agencies.toArray(String[]::new))
        .param(ids.toArray(String[]::new))
        .query((rs, n) -> view(rs))
        .list()
        .forEach(v -> loaded.put(v.ref(), v));
    for (RecordKey key : keys) {
      SourceRecordView view = loaded.get(key);
      if (view != null) {
        found.put(key, view);
      }
    }
    return found;
  }

  private static SourceRecordView view(ResultSet rs) throws SQLException {
    Date born = rs.getDate("date_of_birth");
    Array aliases = rs.getArray("aliases");
    return new SourceRecordView(
        rs.getString("agency"),
        rs.getString("record_id"),
        rs.getString("given_name"),
        rs.getString("middle_names"),
        rs.getString("family_name"),
        aliases == null ? List.of() : List.of((String[]) aliases.getArray()),
        born == null ? null : born.toLocalDate(),
        rs.getString("sex"),
        rs.getString("address"),
        rs.getString("postcode"),
        rs.getString("nhs_number"),
        rs.getString("upn"),
        rs.getString("pnc_id"),
        rs.getString("phone"),
        rs.getString("email"),
        rs.getString("household_id"),
        rs.getBoolean("current"));
  }
}
