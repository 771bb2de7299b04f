package org.familyview.ingest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * How extracts are received and loaded.
 *
 * @param varDir where uploaded extracts are kept, under {@code extracts/{extractId}/}
 * @param maxUploadSize the largest upload accepted; larger ones get a 413
 * @param inbox the SFTP drop folders
 * @param chunkSize rows per chunk transaction of the load
 */
@Validated
@ConfigurationProperties("familyview.ingest")
public record IngestProperties(
    @DefaultValue("./var") @NotNull Path varDir,
    @DefaultValue("512MB") @NotNull DataSize maxUploadSize,
    @DefaultValue @NotNull @Valid Inbox inbox,
    @DefaultValue("5000") @Min(1) @Max(100_000) int chunkSize) {

  // Checked by Bean Validation with the others, so that every mistake is reported at once.
  @AssertTrue(message = "must be positive")
  boolean isMaxUploadSizePositive() {
    return maxUploadSize.toBytes() > 0;
  }

  /** Where uploaded extracts are kept, one folder per extract id. */
  public Path extractsDir() {
    return varDir.resolve("extracts").toAbsolutePath().normalize();
  }

  /** The root of the drop folders: {@code {agency}/} under it, unless configured elsewhere. */
  public Path inboxDir() {
    Path root = inbox.dir() == null ? varDir.resolve("inbox") : inbox.dir();
    return root.toAbsolutePath().normalize();
  }

  /**
   * @param enabled whether the drop folders are polled at all
   * @param dir the root of the per-agency folders; {@code ${varDir}/inbox} when not set
   * @param pollInterval how often the folders are looked at
   * @param settleTime how long a file must be unchanged before it is taken: SFTP writes in place
   */
  public record Inbox(
      @DefaultValue("true") boolean enabled,
      @org.jspecify.annotations.Nullable Path dir,
      @DefaultValue("1m") @NotNull Duration pollInterval,
      @DefaultValue("10s") @NotNull Duration settleTime) {

    @AssertTrue(message = "poll-interval must be positive")
    boolean isPollIntervalPositive() {
      return pollInterval.isPositive();
    }

    @AssertTrue(message = "settle-time must not be negative")
    boolean isSettleTimeNotNegative() {
      return !settleTime.isNegative();
    }
  }
}
