package org.familyview.pipeline.indexing;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the nightly indexing step brings the search indices up to date (docs/operations.md,
 * "Indexing").
 *
 * @param incremental whether a run may update the live indices in place; false rebuilds all three
 *     every night
 * @param maxChangedShare above this share of the indexed people changed (or of the indexed events
 *     newly loaded), a run rebuilds in full: cheaper than that many updates, and it leaves no
 *     deleted documents behind in the segments
 * @param fullRebuildAfter a run rebuilds in full when the last full build is older than this, so
 *     that whatever an incremental rule could miss lives no longer than that
 * @param eventsBulkOperations events per bulk request in a full build
 * @param eventsBulkRequests bulk requests of events in flight at once in a full build
 * @param forceMerge merge the new people and families indices to one segment before their swap
 */
@Validated
@ConfigurationProperties("familyview.pipeline.indexing")
public record IndexingProperties(
    @DefaultValue("true") boolean incremental,
    @DefaultValue("0.2") @DecimalMin("0") @DecimalMax("1") double maxChangedShare,
    @DefaultValue("7d") @NotNull Duration fullRebuildAfter,
    @DefaultValue("10000") @Min(100) int eventsBulkOperations,
    @DefaultValue("2") @Min(1) int eventsBulkRequests,
    @DefaultValue("true") boolean forceMerge) {}
