package org.familyview.audit.trail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ChainKeyTests {

  static final ChainKey KEY = ChainKey.of("0123456789abcdefghijklmnopqrstuvwxyz");

  @Test
  void aMissingOrShortKeyIsRefusedWithTheReason() {
    assertThatThrownBy(() -> ChainKey.of(null)).hasMessageContaining("FV_AUDIT_KEY");
    assertThatThrownBy(() -> ChainKey.of(" ")).hasMessageContaining("not set");
    assertThatThrownBy(() -> ChainKey.of("short")).hasMessageContaining("shorter than 32");
  }

  @Test
  void aKeyedEntryVerifiesOnlyUnderItsKey() {
    AuditEntry entry =
        AuditEntry.chained(
            AuditEntry.GENESIS,
            Instant.parse("2026-12-07T10:15:30.123456Z"),
            AuditEvent.of("keyworker1", Set.of("keyworker"), AuditAction.PERSON_VIEW)
                .on("person", "P-1"),
            KEY);

    assertThat(entry.expectedMac(KEY)).isEqualTo(entry.hash());
    assertThat(entry.expectedMac(ChainKey.of("zyxwvutsrqponmlkjihgfedcba9876543210")))
        .isNotEqualTo(entry.hash());
    // Without the key, the unkeyed SHA-256 of the same content does not pass for it either.
    assertThat(entry.expectedHash()).isNotEqualTo(entry.hash());
  }

  @Test
  void theKeyIsNeverPrinted() {
    assertThat(KEY.toString()).doesNotContain("0123456789");
  }
}
