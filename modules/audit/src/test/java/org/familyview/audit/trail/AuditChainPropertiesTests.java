package org.familyview.audit.trail;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class AuditChainPropertiesTests {

  @Test
  void theHeadIsAnchoredAtLeastDaily() {
    Path file = Path.of("var/audit/anchors.log");

    assertThatThrownBy(() -> new AuditChainProperties("k", file, Duration.ofHours(25)))
        .hasMessageContaining("at most 1 day");
    assertThatThrownBy(() -> new AuditChainProperties("k", file, Duration.ZERO))
        .hasMessageContaining("more than 0");
    assertThatThrownBy(() -> new AuditChainProperties("k", null, Duration.ofHours(1)))
        .hasMessageContaining("anchor-file");
  }

  @Test
  void withoutAKeyThereIsNoTrail() {
    AuditChainConfiguration configuration = new AuditChainConfiguration();

    assertThatThrownBy(
            () ->
                configuration.auditChainKey(
                    new AuditChainProperties("", Path.of("a.log"), Duration.ofHours(1))))
        .hasMessageContaining("FV_AUDIT_KEY");
  }
}
