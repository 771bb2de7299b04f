package org.familyview.alerts.inbox;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.familyview.audit.trail.AuditAction;
import org.familyview.audit.trail.AuditEvent;
import org.familyview.audit.trail.AuditTrail;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * One inbox per user: the small public API every notification source uses. A reason is written in
 * words that carry no personal data (no names, no dates of birth): the link is the way to the
 * record, through the casefile's own access rules. Each posting is audited.
 */
@Component
public class Inbox {

  /** The actor of the audit entries of postings: the application itself. */
  static final String SYSTEM = "familyview";

  private final JdbcClient jdbc;
  private final AuditTrail audit;
  private final Clock clock = Clock.systemUTC();

  Inbox(JdbcClient jdbc, AuditTrail audit) {
    this.jdbc = jdbc;
    this.audit = audit;
  }

  /** What a posting came to. */
  public sealed interface Posting {
    record Posted(UUID id) implements Posting {}

    /** The same fact ({@code dedupeKey}) is already in this recipient's inbox. */
    record AlreadyPosted() implements Posting {}
  }

  /** One entry. */
  public record Notification(
      UUID id,
      String kind,
      String reason,
      String link,
      Instant createdAt,
      @Nullable Instant readAt) {

    public boolean read() {
      return readAt != null;
    }
  }

  /** Posts a notification of kind {@code GENERAL}, e.g. from another module. */
  public Posting post(String recipient, String reason, String link) {
    return post(recipient, "GENERAL", reason, link, null);
  }

  /**
   * Posts a notification once per {@code dedupeKey} (null: every time).
   *
   * @param kind what raised it, e.g. {@code NEW_EVENT}, {@code FLAGGED_RECORD_OPENED}
   * @param link a path inside FamilyView, e.g. {@code /persons/P1}
   */
  public Posting post(
      String recipient, String kind, String reason, String link, @Nullable String dedupeKey) {
    if (!link.startsWith("/")) {
      throw new IllegalArgumentException("a notification links to a FamilyView path: " + link);
    }
    UUID id = UUID.randomUUID();
    int inserted =
        jdbc.sql(
                """
                insert into notification (id, recipient, kind, reason, link, dedupe_key, created_at)
                values (?, ?, ?, ?, ?, ?, ?)
                on conflict (recipient, dedupe_key) where dedupe_key is not null do nothing
                """)
            .params(id, recipient, kind, reason, link, dedupeKey, Timestamp.from(clock.instant()))
            .update();
    if (inserted == 0) {
      return new Posting.AlreadyPosted();
    }
    audit.record(
        AuditEvent.of(SYSTEM, Set.of(), AuditAction.NOTIFICATION)
            .on("notification", id.toString())
            .withDetail("posted " + kind + " to " + recipient + "; link " + link));
    return new Posting.Posted(id);
  }

  /** The newest entries first. */
  public List<Notification> of(String recipient, int limit) {
    return jdbc.sql(
            """
            select id, kind, reason, link, created_at, read_at from notification
            where recipient = ? order by created_at desc, id limit ?
            """)
        .params(recipient, limit)
        .query(Inbox::notification)
        .list();
  }

  public long unread(String recipient) {
    return jdbc.sql("select count(*) from notification where recipient = ? and read_at is null")
        .param(recipient)
        .query(Long.class)
        .single();
  }

  /** What marking an entry read came to. */
  public sealed interface Marking {
    record Marked(Notification notification) implements Marking {}

    /** No such entry in this recipient's inbox (another's entry is not told apart). */
    record NotFound() implements Marking {}
  }

  public Marking markRead(String recipient, UUID id) {
    jdbc.sql(
            """
            update notification set read_at = ?
            where id = ? and recipient = ? and read_at is null
            """)
        .params(Timestamp.from(clock.instant()), id, recipient)
        .update();
    return jdbc.sql(
            """
            select id, kind, reason, link, created_at, read_at from notification
            where id = ? and recipient = ?
            """)
        .params(id, recipient)
        .query(Inbox::notification)
        .optional()
        .<Marking>map(Marking.Marked::new)
        .orElseGet(Marking.NotFound::new);
  }

  private static Notification notification(java.sql.ResultSet rs, int row)
      throws java.sql.SQLException {
    return new Notification(
        rs.getObject("id", UUID.class),
        rs.getString("kind"),
        rs.getString("reason"),
        rs.getString("link"),
        rs.getTimestamp("created_at").toInstant(),
        Optional.ofNullable(rs.getTimestamp("read_at")).map(Timestamp::toInstant).orElse(null));
  }
}
