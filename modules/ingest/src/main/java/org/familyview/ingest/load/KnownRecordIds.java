package org.familyview.ingest.load;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.familyview.extracts.KnownPersons;
import org.familyview.extracts.PartnerId;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The persons an event may refer to: every person the agency has delivered before (current or no
 * longer current: an old event may concern someone no longer in the snapshot) and those accepted
 * from this extract. Held in memory, as the events reader asks once per row.
 */
final class KnownRecordIds implements KnownPersons {

  private final Set<String> ids;

  private KnownRecordIds(Set<String> ids) {
    this.ids = ids;
  }

  static KnownRecordIds of(JdbcTemplate jdbc, PartnerId agency, UUID extractId) {
    Set<String> ids = new HashSet<>(1 << 16);
    jdbc.query(
        "select record_id from source_person where agency = ?",
        rs -> {
          ids.add(rs.getString(1));
        },
        agency.stored());
    jdbc.query(
        "select record_id from extract_person_stage where extract_id = ?",
        rs -> {
          ids.add(rs.getString(1));
        },
        extractId);
    return new KnownRecordIds(ids);
  }

  @Override
  public boolean isKnown(String recordId) {
    return ids.contains(recordId);
  }

  int size() {
    return ids.size();
  }
}
