package org.familyview.audit.trail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AuditEntryTests {

  static final AuditEntry ORIGINAL =
      entry(
          AuditEntry.GENESIS,
          "keyworker1",
          "keyworker",
          "PERSON_VIEW",
          "person",
          "P-1",
          null,
          "viewed",
          "127.0.0.1");

  static AuditEntry entry(
      String previous,
      String actor,
      String roles,
      String action,
      String type,
      String id,
      String purpose,
      String detail,
      String source) {
    Instant at = Instant.parse("2026-11-21T10:15:30.123456Z");
    String hash =
        AuditEntry.hashOf(
            previous, at, actor, roles, action, "ALLOWED", type, id, purpose, detail, source);
    return new AuditEntry(
        1, at, actor, roles, action, "ALLOWED", type, id, purpose, detail, source, previous, hash);
  }

  static Stream<Arguments> edits() {
    return Stream.<UnaryOperator<AuditEntry>>of(
            e -> copy(e, "keyworker2", e.targetId(), e.detail(), e.purpose()),
            e -> copy(e, e.actor(), "P-2", e.detail(), e.purpose()),
            e -> copy(e, e.actor(), e.targetId(), "viewed twice", e.purpose()),
            e -> copy(e, e.actor(), e.targetId(), null, e.purpose()),
            e -> copy(e, e.actor(), e.targetId(), e.detail(), "child protection enquiry"),
            // Moving characters between neighbouring fields must not keep the same hash.
            e -> copy(e, "keyworker", "1P-1", e.detail(), e.purpose()))
        .map(Arguments::of);
  }

  static AuditEntry copy(
      AuditEntry e, String actor, String targetId, String detail, String purpose) {
    return new AuditEntry(
        e.seq(),
        e.recordedAt(),
        actor,
        e.actorRoles(),
        e.action(),
        e.outcome(),
        e.targetType(),
        targetId,
        purpose,
        detail,
        e.source(),
        e.previousHash(),
        e.hash());
  }

  @ParameterizedTest
  @MethodSource("edits")
  void anyEditToAnEntryNoLongerMatchesItsHash(UnaryOperator<AuditEntry> edit) {
    assertThat(ORIGINAL.expectedHash()).isEqualTo(ORIGINAL.hash());
    assertThat(edit.apply(ORIGINAL).expectedHash()).isNotEqualTo(ORIGINAL.hash());
  }

  @org.junit.jupiter.api.Test
  void theHashDependsOnThePreviousEntry() {
    AuditEntry chained =
        entry(
            ORIGINAL.hash(),
            "keyworker1",
            "keyworker",
            "PERSON_VIEW",
            "person",
            "P-1",
            null,
            "viewed",
            "127.0.0.1");
    assertThat(chained.hash()).isNotEqualTo(ORIGINAL.hash()).hasSize(64);
  }
}
