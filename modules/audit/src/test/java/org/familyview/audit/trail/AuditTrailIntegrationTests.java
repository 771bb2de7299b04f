package org.familyview.audit.trail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.familyview.audit.AuditOwner;
import org.familyview.audit.verify.AuditChainVerifier;
import org.familyview.audit.verify.ChainVerification;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The chain in the real PostgreSQL: appended, refused edits, and tampering detected. */
@SpringBootTest
class AuditTrailIntegrationTests {

  @Autowired AuditTrail trail;
  @Autowired JdbcClient jdbc;
  @Autowired DataSource dataSource;

  private AuditEvent viewOf(String personId) {
    return AuditEvent.of("keyworker1", Set.of("keyworker"), AuditAction.PERSON_VIEW)
        .on("person", personId)
        .from("127.0.0.1");
  }

  @Test
  void entriesChainAndVerify() throws Exception {
    AuditEntry first = trail.record(viewOf("P-chain-1"));
    AuditEntry second = trail.record(viewOf("P-chain-2").withDetail("chronology"));

    assertThat(second.previousHash()).isEqualTo(first.hash());
    try (Connection connection = dataSource.getConnection()) {
      assertThat(AuditChainVerifier.verify(connection))
          .isInstanceOfSatisfying(
              ChainVerification.Intact.class, intact -> assertThat(intact.entries()).isPositive());
    }
  }

  @Test
  void concurrentWritersNeverForkTheChain() throws Exception {
    List<AuditEntry> written = new ArrayList<>();
    // Far more writers than connections, so appends are committed in groups.
    try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<AuditEntry>> writes = new ArrayList<>();
      for (int i = 0; i < 300; i++) {
        String id = "P-concurrent-" + i;
        writes.add(pool.submit(() -> trail.record(viewOf(id))));
      }
      for (Future<AuditEntry> write : writes) {
        written.add(write.get());
      }
    }
    // Each caller got back its own entry, already committed under the seq it was told.
    for (int i = 0; i < written.size(); i++) {
      AuditEntry entry = written.get(i);
      assertThat(entry.targetId()).isEqualTo("P-concurrent-" + i);
      assertThat(
              jdbc.sql("select hash from audit_entry where seq = ? and target_id = ?")
                  .params(entry.seq(), entry.targetId())
                  .query(String.class)
                  .single())
          .isEqualTo(entry.hash());
    }
    assertThat(written.stream().map(AuditEntry::seq).distinct()).hasSize(written.size());
    Integer forks =
        jdbc.sql(
                "select count(*) from (select previous_hash from audit_entry group by previous_hash having count(*) > 1) f")
            .query(Integer.class)
            .single();
    assertThat(forks).isZero();
    try (Connection connection = dataSource.getConnection()) {
      assertThat(AuditChainVerifier.verify(connection))
          .isInstanceOf(ChainVerification.Intact.class);
    }
  }

  @Test
  void theDatabaseRefusesToEditOrDeleteAnEntry() throws Exception {
    AuditEntry entry = trail.record(viewOf("P-immutable"));

    // The application's login lacks the privileges (AuditRolesIntegrationTests tries them all);
    // the table's owner, who has them, still meets the append-only triggers.
    assertThatThrownBy(
            () ->
                jdbc.sql("update audit_entry set detail = 'x' where seq = ?")
                    .param(entry.seq())
                    .update())
        .rootCause()
        .hasMessageContaining("permission denied for table audit_entry");
    try (Connection owner = AuditOwner.connect();
        Statement sql = owner.createStatement()) {
      assertThatThrownBy(
              () ->
                  sql.executeUpdate(
                      "update audit_entry set detail = 'x' where seq = " + entry.seq()))
          .hasMessageContaining("append-only");
      assertThatThrownBy(
              () -> sql.executeUpdate("delete from audit_entry where seq = " + entry.seq()))
          .hasMessageContaining("append-only");
    }
  }

  @Test
  void verificationFindsAnEditMadeBehindTheTriggersBack() throws Exception {
    AuditEntry victim = trail.record(viewOf("P-tampered"));
    trail.record(viewOf("P-after"));

    // Someone with the owner's rights switches the guard off and rewrites history. The edit is
    // rolled back afterwards so the shared test database keeps an intact chain.
    try (Connection connection = AuditOwner.connect()) {
      connection.setAutoCommit(false);
      try (Statement sql = connection.createStatement()) {
        sql.execute("alter table audit_entry disable trigger audit_entry_no_update_or_delete");
        sql.executeUpdate(
            "update audit_entry set target_id = 'P-someone-else' where seq = " + victim.seq());
        ChainVerification result = AuditChainVerifier.verify(connection);
        assertThat(result)
            .isEqualTo(
                new ChainVerification.Broken(
                    victim.seq(), "its content does not match its hash (the entry was edited)"));
      } finally {
        connection.rollback();
      }
    }
  }

  @Test
  void verificationFindsARemovedEntry() throws Exception {
    AuditEntry removed = trail.record(viewOf("P-removed"));
    AuditEntry next = trail.record(viewOf("P-next"));

    try (Connection connection = AuditOwner.connect()) {
      connection.setAutoCommit(false);
      try (Statement sql = connection.createStatement()) {
        sql.execute("alter table audit_entry disable trigger audit_entry_no_update_or_delete");
        sql.executeUpdate("delete from audit_entry where seq = " + removed.seq());
        assertThat(AuditChainVerifier.verify(connection))
            .isInstanceOfSatisfying(
                ChainVerification.Broken.class,
                broken -> {
                  assertThat(broken.seq()).isEqualTo(next.seq());
                  assertThat(broken.reason()).contains("removed");
                });
      } finally {
        connection.rollback();
      }
    }
  }

  @Test
  void theVerifyCommandReportsAnIntactChain() throws Exception {
    trail.record(viewOf("P-command"));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int exit =
        org.familyview.audit.verify.AuditVerifyCommandAccess.run(
            System.getenv(), new PrintStream(out), System.err);

    assertThat(exit).isZero();
    assertThat(out.toString()).startsWith("Audit chain intact:");
  }
}
