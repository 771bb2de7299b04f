package org.familyview.audit.trail;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the chain is keyed and anchored ({@code familyview.audit.chain.*}; defaults in {@code
 * familyview-audit-chain.properties}).
 *
 * @param key the MAC key, from FV_AUDIT_KEY; never stored in the database
 * @param anchorFile the append-only file outside the database that the chain's head is written to
 * @param anchorInterval how often the head is anchored while running: at most a day apart
 */
@ConfigurationProperties("familyview.audit.chain")
public record AuditChainProperties(String key, Path anchorFile, Duration anchorInterval) {

  public AuditChainProperties {
    // The key is checked by ChainKey.of, with the message that says where it comes from.
    if (anchorFile == null) {
      throw new IllegalArgumentException("familyview.audit.chain.anchor-file is not set");
    }
    if (anchorInterval == null
        || anchorInterval.isNegative()
        || anchorInterval.isZero()
        || anchorInterval.compareTo(Duration.ofDays(1)) > 0) {
      throw new IllegalArgumentException(
          "familyview.audit.chain.anchor-interval must be more than 0 and at most 1 day, was "
              + anchorInterval);
    }
  }
}
