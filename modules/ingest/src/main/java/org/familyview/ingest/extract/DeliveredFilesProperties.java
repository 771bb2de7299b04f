package org.familyview.ingest.extract;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How long the files of a finished extract are kept as delivered.
 *
 * @param keptFor after an extract finished (loaded or rejected), its files and the drop folder's
 *     processed copies are kept this long, for a partner's questions and a reload, and then
 *     deleted: they are copies of the records, and a record erased at the end of its retention must
 *     not live on in a delivered file
 * @param sweepCron when the sweep runs (UK time)
 */
@Validated
@ConfigurationProperties("familyview.ingest.delivered-files")
public record DeliveredFilesProperties(
    @DefaultValue("30d") @NotNull Duration keptFor,
    @DefaultValue("0 45 3 * * *") @NotNull String sweepCron) {}
