package org.familyview.pipeline.indexing;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the live indices hold, as the indexing step recorded it (V18): its runs, the fingerprint of
 * every person and family document, and the extracts whose events are in. Each write commits on its
 * own, outside the pipeline step's transaction: Elasticsearch does not roll back with PostgreSQL,
 * so the record of a run that failed half-way must survive the step's rollback.
 */
@Component
class IndexedState {

  static final String PERSON = "PERSON";
  static final String FAMILY = "FAMILY";
  private static final int CHUNK = 50_000;

  /** One run of the step as recorded. */
  record Build(
      UUID runId,
      String mode,
      String status,
      String mappingVersion,
      @Nullable String peopleIndex,
      @Nullable String familiesIndex,
      @Nullable String eventsIndex,
      java.time.Instant startedAt) {}

  /** What a run wrote and deleted, per index. */
  record Written(
      long people,
      long peopleDeleted,
      long families,
      long familiesDeleted,
      long events,
      long eventsDeleted) {}

  private final JdbcClient jdbc;
  private final TransactionTemplate own;
  private final Clock clock;

  IndexedState(JdbcClient jdbc, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.own = new TransactionTemplate(transactions);
    this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.clock = Clock.systemUTC();
  }

  /** The latest run of the step, whatever became of it. */
  Optional<Build> last() {
    return jdbc.sql(
            "select run_id, mode, status, mapping_version, people_index, families_index,"
                + " events_index, started_at from index_build order by started_at desc limit 1")
        .query(
            (rs, n) ->
                new Build(
                    rs.getObject(1, UUID.class),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5),
                    rs.getString(6),
                    rs.getString(7),
                    rs.getTimestamp(8).toInstant()))
        .optional();
  }

  /** When the latest full build that completed started. */
  Optional<java.time.Instant> lastFullBuild() {
    return jdbc.sql(
            "select max(started_at) from index_build where mode = 'FULL' and status = 'COMPLETED'")
        .query((rs, n) -> rs.getTimestamp(1))
        .optional()
        .map(Timestamp::toInstant);
  }

  void begin(UUID runId, String mode, String reason, String mappingVersion) {
    own.executeWithoutResult(
        s ->
            jdbc.sql(
                    "insert into index_build (run_id, mode, reason, status, mapping_version,"
                        + " started_at) values (?, ?, ?, 'RUNNING', ?, ?)"
                        + " on conflict (run_id) do update set mode = excluded.mode,"
                        + " reason = excluded.reason, status = 'RUNNING',"
                        + " mapping_version = excluded.mapping_version,"
                        + " started_at = excluded.started_at, finished_at = null, failure = null,"
                        + " people_index = null, families_index = null, events_index = null")
                .params(runId, mode, reason, mappingVersion, Timestamp.from(clock.instant()))
                .update());
  }

  void failed(UUID runId, String failure) {
    own.executeWithoutResult(
        s ->
            jdbc.sql(
                    "update index_build set status = 'FAILED', failure = ?, finished_at = ?"
                        + " where run_id = ?")
                .params(
                    failure.length() > 2000 ? failure.substring(0, 2000) : failure,
                    Timestamp.from(clock.instant()),
                    runId)
                .update());
  }

  /**
   * Records the run as complete: the indices now live, what it wrote, and the extracts whose events
   * the events index now holds (the watermark the next run starts from).
   */
  void completed(
      UUID runId, List<String> indices, Written written, Collection<UUID> indexedExtracts) {
    own.executeWithoutResult(
        s -> {
          jdbc.sql("delete from index_extract").update();
          insertExtracts(new ArrayList<>(indexedExtracts));
          jdbc.sql(
                  "update index_build set status = 'COMPLETED', finished_at = ?, people_index = ?,"
                      + " families_index = ?, events_index = ?, people_written = ?,"
                      + " people_deleted = ?, families_written = ?, families_deleted = ?,"
                      + " events_written = ?, events_deleted = ? where run_id = ?")
              .params(
                  Timestamp.from(clock.instant()),
                  indices.get(0),
                  indices.get(1),
                  indices.get(2),
                  written.people(),
                  written.peopleDeleted(),
                  written.families(),
                  written.familiesDeleted(),
                  written.events(),
                  written.eventsDeleted(),
                  runId)
              .update();
        });
  }

  private void insertExtracts(List<UUID> extracts) {
    for (int from = 0; from < extracts.size(); from += CHUNK) {
      jdbc.sql("insert into index_extract (extract_id) select unnest(?::uuid[])")
          .param(
              extracts.subList(from, Math.min(extracts.size(), from + CHUNK)).stream()
                  .map(UUID::toString)
                  .toArray(String[]::new))
          .update();
    }
  }

  Set<UUID> indexedExtracts() {
    return new HashSet<>(jdbc.sql("select extract_id from index_extract").query(UUID.class).list());
  }

  Map<String, Long> fingerprints(String kind) {
    Map<String, Long> fingerprints = new HashMap<>();
    jdbc.sql("select id, fingerprint from index_document where kind = ?")
        .param(kind)
        .query(
            rs -> {
              fingerprints.put(rs.getString(1), rs.getLong(2));
            });
    return fingerprints;
  }

  /** Replaces every fingerprint of the kind: after a full build. */
  void replaceFingerprints(String kind, Map<String, Long> fingerprints) {
    own.executeWithoutResult(
        s -> {
          jdbc.sql("delete from index_document where kind = ?").param(kind).update();
          upsert(kind, fingerprints);
        });
  }

  /** Records what an incremental run changed. */
  void updateFingerprints(String kind, Map<String, Long> changed, Collection<String> deleted) {
    own.executeWithoutResult(
        s -> {
          List<String> ids = new ArrayList<>(deleted);
          for (int from = 0; from < ids.size(); from += CHUNK) {
            jdbc.sql("delete from index_document where kind = ? and id = any (?)")
                .params(
                    kind,
                    ids.subList(from, Math.min(ids.size(), from + CHUNK)).toArray(String[]::new))
                .update();
          }
          upsert(kind, changed);
        });
  }

  private void upsert(String kind, Map<String, Long> fingerprints) {
    List<Map.Entry<String, Long>> entries = new ArrayList<>(fingerprints.entrySet());
    for (int from = 0; from < entries.size(); from += CHUNK) {
      List<Map.Entry<String, Long>> chunk =
          entries.subList(from, Math.min(entries.size(), from + CHUNK));
      jdbc.sql(
              "insert into index_document (kind, id, fingerprint)"
                  + " select ?, i, f from unnest(?::text[], ?::bigint[]) as t(i, f)"
                  + " on conflict (kind, id) do update set fingerprint = excluded.fingerprint")
          .params(
              kind,
              chunk.stream().map(Map.Entry::getKey).toArray(String[]::new),
              chunk.stream().map(Map.Entry::getValue).toArray(Long[]::new))
          .update();
    }
  }
}
