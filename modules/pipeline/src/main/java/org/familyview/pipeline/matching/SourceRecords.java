package org.familyview.pipeline.matching;

import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import org.familyview.matching.SourceRecord;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The current source records as the matcher reads them, field for field as the person-extract
 * contract delivers them (as the offline {@code link} command reads the CSV files). The agency is
 * the stored name (POLICE, ...), as in every people table.
 */
@Component
class SourceRecords {

  private final JdbcClient jdbc;

  SourceRecords(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** In record-key order, so that a run over the same rows sees them in the same order. */
  List<SourceRecord> current() {
    return jdbc.sql(
            "select agency, record_id, given_name, middle_names, family_name, aliases,"
                + " date_of_birth, sex, address, postcode, nhs_number, upn, pnc_id, phone, email,"
                + " household_id from source_person where current order by agency, record_id")
        .query((rs, n) -> record(rs))
        .list();
  }

  private static SourceRecord record(ResultSet rs) throws SQLException {
    Date born = rs.getDate("date_of_birth");
    return new SourceRecord(
        rs.getString("agency"),
        rs.getString("record_id"),
        rs.getString("given_name"),
        rs.getString("middle_names"),
        rs.getString("family_name"),
        aliases(rs.getArray("aliases")),
        born == null ? null : born.toLocalDate().toString(),
        rs.getString("sex"),
        rs.getString("address"),
        rs.getString("postcode"),
        rs.getString("nhs_number"),
        rs.getString("upn"),
        rs.getString("pnc_id"),
        rs.getString("phone"),
        rs.getString("email"),
        rs.getString("household_id"));
  }

  private static List<String> aliases(@Nullable Array array) throws SQLException {
    if (array == null) {
      return List.of();
    }
    return Arrays.stream((Object[]) array.getArray())
        .map(String::valueOf)
        .filter(s -> !s.isBlank())
        .toList();
  }
}
