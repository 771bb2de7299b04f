package org.familyview.audit.anchor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.familyview.audit.trail.AuditAction;
import org.familyview.audit.trail.AuditChainProperties;
import org.familyview.audit.trail.AuditEntry;
import org.familyview.audit.trail.AuditEvent;
import org.familyview.audit.trail.AuditTrail;
import org.familyview.audit.trail.ChainKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The application anchors the head when it starts and when it shuts down. */
@SpringBootTest
class ChainAnchoringIntegrationTests {

  @Autowired AuditTrail trail;
  @Autowired JdbcClient jdbc;
  @Autowired ChainKey key;

  @TempDir Path dir;

  @Test
  void startAndShutdownEachAnchorTheHeadAsItStands() throws Exception {
    Path file = dir.resolve("anchors.log");
    ChainAnchoring anchoring =
        new ChainAnchoring(
            jdbc, key, new AuditChainProperties("unused", file, Duration.ofHours(1)));

    AuditEntry before = view("P-anchor-start");
    anchoring.start();
    AuditEntry after = view("P-anchor-stop");
    anchoring.stop();

    List<Anchor> anchors = new AnchorLog(file, key).read("public");
    assertThat(anchors).extracting(Anchor::reason).containsExactly("start", "shutdown");
    // Other writers share the database, so the head is at least the entry written just before.
    assertThat(anchors.get(0).seq()).isGreaterThanOrEqualTo(before.seq()).isLessThan(after.seq());
    assertThat(anchors.get(1).seq()).isGreaterThanOrEqualTo(after.seq());
    for (Anchor anchor : anchors) {
      assertThat(
              jdbc.sql("select hash from audit_entry where seq = ?")
                  .param(anchor.seq())
                  .query(String.class)
                  .single())
          .isEqualTo(anchor.head());
      assertThat(
              jdbc.sql("select count(*) from audit_entry where seq <= ?")
                  .param(anchor.seq())
                  .query(Long.class)
                  .single())
          .isEqualTo(anchor.entries());
    }
    assertThat(anchoring.isRunning()).isFalse();
  }

  private AuditEntry view(String personId) {
    return trail.record(
        AuditEvent.of("keyworker1", Set.of("keyworker"), AuditAction.PERSON_VIEW)
            .on("person", personId));
  }
}
