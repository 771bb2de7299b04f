package org.familyview.audit.anchor;

import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Reads the chain's newest committed entry and the number of entries up to it. */
final class ChainHead {

  private ChainHead() {}

  /** The anchor of the chain as it stands, or nothing while the chain is empty. */
  static Optional<Anchor> read(JdbcClient jdbc, Instant at, String reason) {
    // Appends commit in seq order under the chain's lock, so every entry up to the newest
    // committed one is committed too and the count below is exact.
    return jdbc.sql(
            """
            select current_schema() as schema, e.seq, e.hash,
                   (select count(*) from audit_entry c where c.seq <= e.seq) as entries
            from audit_entry e order by e.seq desc limit 1
            """)
        .query(
            (row, n) ->
                new Anchor(
                    at,
                    row.getString("schema"),
                    row.getLong("seq"),
                    row.getLong("entries"),
                    row.getString("hash"),
                    reason))
        .optional();
  }
}
