package org.familyview.audit.trail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.familyview.audit.AuditOwner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The audit tables out of reach of the application's own database login (issue 15, finding 2): as
 * FV_DB_USER, every statement that could edit, remove, or switch off the trail is refused by
 * PostgreSQL itself, while the trail still appends and reads.
 */
@SpringBootTest
class AuditRolesIntegrationTests {

  @Autowired AuditTrail trail;
  @Autowired DataSource dataSource;
  @Autowired JdbcClient jdbc;

  static Stream<String> statementsTheApplicationMayNotRun() {
    return Stream.of(
        "update audit_entry set detail = 'x' where seq = (select max(seq) from audit_entry)",
        "delete from audit_entry where seq = (select max(seq) from audit_entry)",
        "truncate audit_entry",
        "alter table audit_entry disable trigger user",
        "alter table audit_entry disable trigger audit_entry_no_update_or_delete",
        "drop table audit_entry",
        "create trigger audit_entry_swallow before insert on audit_entry"
            + " for each row execute function audit_entry_is_append_only()",
        "create or replace function audit_entry_is_append_only() returns trigger"
            + " language plpgsql as $$ begin return new; end; $$",
        "update audit_chain set keyed_from_seq = 9223372036854775807",
        "delete from audit_chain",
        "insert into audit_chain (singleton, keyed_from_seq) values (false, 1)",
        "set role familyview_audit");
  }

  @ParameterizedTest
  @MethodSource("statementsTheApplicationMayNotRun")
  void theApplicationsLoginIsRefused(String statement) throws Exception {
    trail.record(
        AuditEvent.of("keyworker1", Set.of("keyworker"), AuditAction.PERSON_VIEW)
            .on("person", "P-roles"));
    try (Connection connection = dataSource.getConnection();
        Statement sql = connection.createStatement()) {
      assertThat(connection.getMetaData().getUserName()).isEqualTo(applicationUser());
      assertThatThrownBy(() -> sql.execute(statement))
          .isInstanceOfSatisfying(
              SQLException.class,
              // 42501: insufficient privilege (including "must be owner of table").
              refused -> assertThat(refused.getSQLState()).isEqualTo("42501"));
    }
  }

  @Test
  void theApplicationsLoginStillAppendsAndReads() {
    AuditEntry entry =
        trail.record(
            AuditEvent.of("keyworker1", Set.of("keyworker"), AuditAction.PERSON_VIEW)
                .on("person", "P-roles-read"));

    assertThat(
            jdbc.sql("select target_id from audit_entry where seq = ?")
                .param(entry.seq())
                .query(String.class)
                .single())
        .isEqualTo("P-roles-read");
    assertThat(
            jdbc.sql(
                    "select pg_get_userbyid(relowner) from pg_class where oid = 'audit_entry'::regclass")
                .query(String.class)
                .single())
        .isEqualTo("familyview_audit");
  }

  @Test
  void theOwnersTriggersStillRefuseEdits() throws Exception {
    AuditEntry entry =
        trail.record(
            AuditEvent.of("keyworker1", Set.of("keyworker"), AuditAction.PERSON_VIEW)
                .on("person", "P-owner"));
    try (Connection owner = AuditOwner.connect();
        Statement sql = owner.createStatement()) {
      assertThatThrownBy(
              () ->
                  sql.executeUpdate(
                      "update audit_entry set detail = 'x' where seq = " + entry.seq()))
          .hasMessageContaining("append-only");
    }
  }

  private static String applicationUser() {
    return System.getenv().getOrDefault("FV_DB_USER", "familyview");
  }
}
