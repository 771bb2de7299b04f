package org.familyview.audit.report;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** An auditor marks a break-glass grant as reviewed; a grant is reviewed once, never re-dated. */
@Component
public class BreakGlassReviews {

  /** What marking a grant reviewed came to. */
  public sealed interface Outcome {
    record Reviewed(UUID grantId, String reviewedBy, Instant reviewedAt) implements Outcome {}

    record AlreadyReviewed(UUID grantId, String reviewedBy, Instant reviewedAt)
        implements Outcome {}

    record NoSuchGrant(UUID grantId) implements Outcome {}
  }

  private final JdbcClient jdbc;

  public BreakGlassReviews(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Outcome review(UUID grantId, String auditor, Instant at) {
    Instant stored = at.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    int updated =
        jdbc.sql(
                "update access_grant set reviewed_by = ?, reviewed_at = ? where id = ? and reviewed_at is null")
            .params(auditor, Timestamp.from(stored), grantId)
            .update();
    if (updated == 1) {
      return new Outcome.Reviewed(grantId, auditor, stored);
    }
    Optional<Outcome> earlier =
        jdbc.sql("select reviewed_by, reviewed_at from access_grant where id = ?")
            .param(grantId)
            .query(
                (rs, n) ->
                    (Outcome)
                        new Outcome.AlreadyReviewed(
                            grantId,
                            rs.getString("reviewed_by"),
                            rs.getTimestamp("reviewed_at").toInstant()))
            .optional();
    return earlier.orElseGet(() -> new Outcome.NoSuchGrant(grantId));
  }
}
