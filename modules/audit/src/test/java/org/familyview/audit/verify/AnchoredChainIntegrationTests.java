package org.familyview.audit.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.familyview.audit.AuditOwner;
import org.familyview.audit.anchor.Anchor;
import org.familyview.audit.anchor.AnchorLog;
import org.familyview.audit.trail.AuditAction;
import org.familyview.audit.trail.AuditEntry;
import org.familyview.audit.trail.AuditEvent;
import org.familyview.audit.trail.AuditTrail;
import org.familyview.audit.trail.ChainKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * What the key and the anchor add: someone holding the owner's login (who can switch the triggers
 * off) removes the newest entries, or rewrites one without the key. Each edit is rolled back, so
 * the shared database keeps an intact chain.
 */
@SpringBootTest
class AnchoredChainIntegrationTests {

  @Autowired AuditTrail trail;
  @Autowired ChainKey key;

  @TempDir Path dir;

  private AuditEntry view(String personId) {
    return trail.record(
        AuditEvent.of("keyworker1", Set.of("keyworker"), AuditAction.PERSON_VIEW)
            .on("person", personId));
  }

  @Test
  void removingTheNewestEntriesIsFoundThroughTheAnchor() throws Exception {
    AuditEntry kept = view("P-kept");
    view("P-removed-1");
    AuditEntry newest = view("P-removed-2");
    AnchorLog anchors = new AnchorLog(dir.resolve("anchors.log"), key);

    try (Connection owner = AuditOwner.connect()) {
      owner.setAutoCommit(false);
      long entries = count(owner, newest.seq());
      anchors.append(
          new Anchor(Instant.now(), "public", newest.seq(), entries, newest.hash(), "test"));
      try (Statement sql = owner.createStatement()) {
        sql.execute("alter table audit_entry disable trigger audit_entry_no_update_or_delete");
        sql.executeUpdate("delete from audit_entry where seq > " + kept.seq());

        // The chain that is left is well formed: only the anchor knows it was longer.
        assertThat(AuditChainVerifier.verify(owner, key, List.of()))
            .isInstanceOf(ChainVerification.Intact.class);
        assertThat(AuditChainVerifier.verify(owner, key, anchors.read("public")))
            .isInstanceOfSatisfying(
                ChainVerification.Broken.class,
                broken -> {
                  assertThat(broken.seq()).isEqualTo(newest.seq());
                  assertThat(broken.reason()).contains("removed from the end");
                });
      } finally {
        owner.rollback();
      }
    }
  }

  @Test
  void anIntactChainMatchesItsAnchor() throws Exception {
    AuditEntry newest = view("P-anchored");
    AnchorLog anchors = new AnchorLog(dir.resolve("anchors.log"), key);
    try (Connection owner = AuditOwner.connect()) {
      owner.setAutoCommit(false);
      try {
        anchors.append(
            new Anchor(
                Instant.now(),
                "public",
                newest.seq(),
                count(owner, newest.seq()),
                newest.hash(),
                "test"));
        assertThat(AuditChainVerifier.verify(owner, key, anchors.read("public")))
            .isInstanceOf(ChainVerification.Intact.class);
      } finally {
        owner.rollback();
      }
    }
  }

  @Test
  void aRewriteWithoutTheKeyIsFound() throws Exception {
    AuditEntry victim = view("P-rewritten");
    ChainKey guessed = ChainKey.of("a-key-that-is-not-the-audit-key-0123456789");
    AuditEntry forged =
        new AuditEntry(
            victim.seq(),
            victim.recordedAt(),
            victim.actor(),
            victim.actorRoles(),
            victim.action(),
            victim.outcome(),
            victim.targetType(),
            "P-someone-else",
            victim.purpose(),
            victim.detail(),
            victim.source(),
            victim.previousHash(),
            "");

    try (Connection owner = AuditOwner.connect()) {
      owner.setAutoCommit(false);
      try (Statement sql = owner.createStatement()) {
        sql.execute("alter table audit_entry disable trigger audit_entry_no_update_or_delete");
        // Both what V10's unkeyed chain would accept and a MAC under a guessed key are refused.
        for (String hash : List.of(forged.expectedHash(), forged.expectedMac(guessed))) {
          // Whatever came after the victim goes, so the forged entry is the head.
          sql.executeUpdate("delete from audit_entry where seq > " + victim.seq());
          sql.executeUpdate(
              "update audit_entry set target_id = 'P-someone-else', hash = '%s' where seq = %d"
                  .formatted(hash, victim.seq()));
          assertThat(AuditChainVerifier.verify(owner, key, List.of()))
              .isEqualTo(
                  new ChainVerification.Broken(
                      victim.seq(), "its content does not match its hash (the entry was edited)"));
        }
      } finally {
        owner.rollback();
      }
    }
  }

  @Test
  void theCommandRefusesToCheckWithoutTheKey() {
    var out = new java.io.ByteArrayOutputStream();
    var err = new java.io.ByteArrayOutputStream();
    var env = new java.util.HashMap<>(System.getenv());
    env.remove("FV_AUDIT_KEY");

    int exit =
        AuditVerifyCommand.run(env, new java.io.PrintStream(out), new java.io.PrintStream(err));

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString()).contains("the audit key is not set");
  }

  @Test
  void theCommandFindsAForgedAnchorLine() throws Exception {
    Path file = dir.resolve("anchors.log");
    AuditEntry newest = view("P-forged-anchor");
    ChainKey other = ChainKey.of("another-key-another-key-another-key-0123");
    new AnchorLog(file, other)
        .append(new Anchor(Instant.now(), "public", newest.seq(), 1, newest.hash(), "forged"));
    var out = new java.io.ByteArrayOutputStream();
    var env = new java.util.HashMap<>(System.getenv());
    env.put("FV_AUDIT_ANCHOR_FILE", file.toString());

    int exit = AuditVerifyCommand.run(env, new java.io.PrintStream(out), System.err);

    assertThat(exit).isEqualTo(1);
    assertThat(out.toString()).contains("not a genuine anchor");
    assertThat(Files.readAllLines(file)).hasSize(1);
  }

  private static long count(Connection connection, long upTo) throws Exception {
    try (Statement sql = connection.createStatement();
        var row = sql.executeQuery("select count(*) from audit_entry where seq <= " + upTo)) {
      row.next();
      return row.getLong(1);
    }
  }
}
