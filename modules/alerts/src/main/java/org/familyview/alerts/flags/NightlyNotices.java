package org.familyview.alerts.flags;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.familyview.alerts.inbox.Inbox;
import org.familyview.alerts.inbox.KnownUsers;
import org.familyview.casefile.CasePartners;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Tonight's notifications, once the flags are derived: each event a partner delivered for the first
 * time since the last run, about a flagged child (to the owning team's known members) or about a
 * member of a family on a keyworker's current caseload (to that keyworker). Each event is announced
 * once per recipient; the reason names the partner, not the person or what happened.
 */
@Component
class NightlyNotices {

  static final String MARK = "new-events";
  static final String FLAGGED = "NEW_EVENT_FLAGGED_CHILD";
  static final String CASELOAD = "NEW_EVENT_CASELOAD_FAMILY";

  private static final Logger log = LoggerFactory.getLogger(NightlyNotices.class);

  private final JdbcClient jdbc;
  private final Inbox inbox;
  private final KnownUsers users;
  private final FlagProperties properties;
  private final CasePartners partners;
  private final Clock clock = Clock.systemUTC();

  NightlyNotices(
      JdbcClient jdbc,
      Inbox inbox,
      KnownUsers users,
      FlagProperties properties,
      CasePartners partners) {
    this.jdbc = jdbc;
    this.inbox = inbox;
    this.users = users;
    this.properties = properties;
    this.partners = partners;
  }

  @EventListener
  void flagsDerived(NightlyFlags.FlagsDerived derived) {
    int posted = announce();
    log.info("Notifications after run {}: {} posted", derived.runId(), posted);
  }

  /** Announces the events new since the mark, moves the mark on; the number posted. */
  int announce() {
    Instant now = clock.instant();
    // The first run announces only the last day's deliveries, not every event ever loaded.
    Instant since = mark().orElse(now.minus(Duration.ofDays(1)));
    int posted = flagged(since) + caseload(since);
    jdbc.sql(
            """
            insert into notification_mark (name, at) values (?, ?)
            on conflict (name) do update set at = excluded.at
            """)
        .params(MARK, Timestamp.from(now))
        .update();
    return posted;
  }

  private java.util.Optional<Instant> mark() {
    return jdbc.sql("select at from notification_mark where name = ?")
        .param(MARK)
        .query((rs, n) -> rs.getTimestamp("at").toInstant())
        .optional();
  }

  record NewEvent(String agency, String eventId, String personId, String about) {}

  private int flagged(Instant since) {
    List<NewEvent> events =
        jdbc.sql(
                """
                select distinct e.agency, e.event_id, pr.person_id, fl.type as about, fl.owner
                from source_event e
                join person_record pr on pr.agency = e.agency and pr.record_id = e.record_id
                join flag fl on fl.person_id = pr.person_id
                where e.current and e.loaded_at > ? and e.extract_id = e.first_extract_id
                """)
            .param(Timestamp.from(since))
            .query(
                (rs, n) ->
                    new NewEvent(
                        rs.getString("agency"),
                        rs.getString("event_id"),
                        rs.getString("person_id"),
                        rs.getString("about") + "|" + rs.getString("owner")))
            .list();
    int posted = 0;
    for (NewEvent event : events) {
      String[] typeAndOwner = event.about().split("\\|", 2);
      FlagProperties.Owner owner = properties.owners().get(typeAndOwner[1]);
      if (owner == null) {
        continue;
      }
      String reason =
          partner(event.agency())
              + " recorded a new event about a child with a flag ("
              + properties.label(typeAndOwner[0])
              + ")";
      for (String member : users.members(owner.teamId())) {
        posted += post(member, FLAGGED, reason, "/persons/" + event.personId(), event);
      }
    }
    return posted;
  }

  private int caseload(Instant since) {
    record Held(NewEvent event, String familyId, String keyworker) {}
    List<Held> held =
        jdbc.sql(
                """
                select distinct e.agency, e.event_id, pr.person_id, fm.family_id, ca.keyworker
                from source_event e
                join person_record pr on pr.agency = e.agency and pr.record_id = e.record_id
                join family_member fm on fm.person_id = pr.person_id and fm.to_date is null
                join family f on f.id = fm.family_id and f.retired_at is null
                join caseload_assignment ca on ca.family_id = fm.family_id
                  and ca.starts_on <= current_date
                  and (ca.ends_on is null or ca.ends_on >= current_date)
                where e.current and e.loaded_at > ? and e.extract_id = e.first_extract_id
                """)
            .param(Timestamp.from(since))
            .query(
                (rs, n) ->
                    new Held(
                        new NewEvent(
                            rs.getString("agency"),
                            rs.getString("event_id"),
                            rs.getString("person_id"),
                            ""),
                        rs.getString("family_id"),
                        rs.getString("keyworker")))
            .list();
    int posted = 0;
    for (Held h : held) {
      String reason =
          partner(h.event().agency())
              + " recorded a new event about a member of a family on your caseload";
      posted += post(h.keyworker(), CASELOAD, reason, "/families/" + h.familyId(), h.event());
    }
    return posted;
  }

  private int post(String recipient, String kind, String reason, String link, NewEvent event) {
    String key = "event:" + event.agency() + ":" + event.eventId();
    return inbox.post(recipient, kind, reason, link, key) instanceof Inbox.Posting.Posted ? 1 : 0;
  }

  /** The partner's configured name ("Southshire NHS Trust"), as chronologies show it. */
  private String partner(String agency) {
    return partners.name(agency);
  }
}
