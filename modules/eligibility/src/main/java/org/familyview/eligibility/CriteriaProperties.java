package org.familyview.eligibility;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where the Supporting Families rulesets are and how the criteria stage runs.
 *
 * @param rulesets the folder of rulesets, one framework a YAML file ({@code config/criteria})
 * @param zone the authority's time zone: the evaluation date is today there
 * @param keepRuns how many finished runs' results are kept; older ones are pruned
 * @param batchSize families read and evaluated per batch
 */
@Validated
@ConfigurationProperties("familyview.criteria")
public record CriteriaProperties(
    @NotNull Path rulesets,
    @DefaultValue("Europe/London") @NotNull ZoneId zone,
    @DefaultValue("7") @Min(1) @Max(366) int keepRuns,
    @DefaultValue("500") @Min(1) @Max(10_000) int batchSize) {}
