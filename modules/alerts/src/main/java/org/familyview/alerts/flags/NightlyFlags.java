package org.familyview.alerts.flags;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.familyview.pipeline.PipelineRunFinished;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Derives the flags after each completed nightly run, when its families step has rebuilt the
 * families the household rules read. The hook is the run's end ({@link PipelineRunFinished}), so
 * the pipeline knows nothing of flags; a failed run leaves yesterday's flags in place. The flag
 * table is replaced whole in one transaction: a reader sees yesterday's flags or today's.
 */
@Component
public class NightlyFlags {

  private static final Logger log = LoggerFactory.getLogger(NightlyFlags.class);

  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final FlagProperties properties;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  NightlyFlags(
      JdbcClient jdbc,
      TransactionTemplate transactions,
      FlagProperties properties,
      ApplicationEventPublisher events) {
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.properties = properties;
    this.events = events;
    this.clock = Clock.systemUTC();
  }

  /** Published once the flags of a run are written, for the notification sources. */
  public record FlagsDerived(UUID runId, int flags) {}

  @EventListener
  @Order(0)
  void pipelineRunFinished(PipelineRunFinished run) {
    if (!"COMPLETED".equals(run.status())) {
      return;
    }
    int written = derive(run.runId(), LocalDate.now(clock));
    log.info("Flags derived after run {}: {} visible", run.runId(), written);
    events.publishEvent(new FlagsDerived(run.runId(), written));
  }

  /** Derives and writes the flags visible on {@code today}; the number written. */
  public int derive(UUID runId, LocalDate today) {
    FlagRules rules = properties.rules();
    List<FlagDerivation.Observed> observed = observed(rules.eventTypes());
    Map<String, Set<String>> children = childrenWith(householdSubjects(rules, observed));
    List<FlagDerivation.Derived> flags =
        new FlagDerivation(rules).derive(observed, children, today);
    transactions.executeWithoutResult(status -> replace(runId, flags));
    return flags.size();
  }

  private List<FlagDerivation.Observed> observed(Set<String> types) {
    return jdbc.sql(
            """
            select pr.person_id, e.type, e.occurred_on, e.agency || ':' || e.event_id as event_key
            from source_event e
            join person_record pr on pr.agency = e.agency and pr.record_id = e.record_id
            join person p on p.id = pr.person_id and p.retired_at is null
            where e.current and e.occurred_on is not null and e.type = any(?)
            """)
        .param(types.toArray(String[]::new))
        .query(
            (rs, n) ->
                new FlagDerivation.Observed(
                    rs.getString("person_id"),
                    rs.getString("type"),
                    rs.getDate("occurred_on").toLocalDate(),
                    rs.getString("event_key")))
        .list();
  }

  private static Set<String> householdSubjects(
      FlagRules rules, List<FlagDerivation.Observed> observed) {
    Set<String> householdEvents = new HashSet<>();
    rules.households().forEach(h -> householdEvents.add(h.event()));
    Set<String> subjects = new HashSet<>();
    observed.stream()
        .filter(o -> householdEvents.contains(o.type()))
        .forEach(o -> subjects.add(o.personId()));
    return subjects;
  }

  /** For each subject, the current children of the current families they belong to. */
  private Map<String, Set<String>> childrenWith(Set<String> subjects) {
    Map<String, Set<String>> children = new HashMap<>();
    if (subjects.isEmpty()) {
      return children;
    }
    jdbc.sql(
            """
            select m.person_id as member, c.person_id as child
            from family_member m
            join family f on f.id = m.family_id and f.retired_at is null
            join family_member c on c.family_id = m.family_id and c.role = 'CHILD'
                                and c.to_date is null
            where m.to_date is null and m.person_id = any(?)
            """)
        .param(subjects.toArray(String[]::new))
        .query(
            rs -> {
              children
                  .computeIfAbsent(rs.getString("member"), k -> new HashSet<>())
                  .add(rs.getString("child"));
            });
    return children;
  }

  private void replace(UUID runId, List<FlagDerivation.Derived> flags) {
    jdbc.sql("delete from flag").update();
    Timestamp now = Timestamp.from(clock.instant());
    for (FlagDerivation.Derived f : flags) {
      jdbc.sql(
              """
              insert into flag (person_id, type, starts_on, ends_on, visible_until, owner, basis,
                                run_id, derived_at)
              values (?, ?, ?, ?, ?, ?, ?, ?, ?)
              """)
          .params(
              f.personId(),
              f.type(),
              Date.valueOf(f.since()),
              f.until() == null ? null : Date.valueOf(f.until()),
              f.visibleUntil() == null ? null : Date.valueOf(f.visibleUntil()),
              f.owner(),
              f.basis(),
              runId,
              now)
          .update();
    }
  }
}
