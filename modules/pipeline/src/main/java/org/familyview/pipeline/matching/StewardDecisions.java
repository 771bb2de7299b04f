package org.familyview.pipeline.matching;

import java.util.ArrayList;
import java.util.List;
import org.familyview.matching.Constraints;
import org.familyview.matching.RecordKey;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The stewards' rulings in force ({@code match_decision} rows not withdrawn) as the matcher's hard
 * constraints. Manual decisions exist only as these rows: the workbench writes them, every run
 * reads them, and no score and no re-training overrides them.
 */
@Component
public class StewardDecisions {

  private final JdbcClient jdbc;

  StewardDecisions(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Constraints constraints() {
    List<Constraints.Pair> must = new ArrayList<>();
    List<Constraints.Pair> cannot = new ArrayList<>();
    jdbc.sql(
            "select kind, left_agency, left_record_id, right_agency, right_record_id"
                + " from match_decision where withdrawn_at is null order by decided_at, id")
        .query(
            rs -> {
              Constraints.Pair pair =
                  new Constraints.Pair(
                      new RecordKey(rs.getString(2), rs.getString(3)),
                      new RecordKey(rs.getString(4), rs.getString(5)));
              (rs.getString(1).equals("MUST_LINK") ? must : cannot).add(pair);
            });
    return new Constraints(must, cannot);
  }
}
