package org.familyview.ingest.guard;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The snapshot guard's thresholds ({@code familyview.ingest.guard.*}). A partner's truncated export
 * looks exactly like a snapshot in which most people left; these say how much change is believable
 * without a person confirming it.
 *
 * @param maxRetireShare the largest share of the agency's current records (of the file's kind) an
 *     extract may retire without being held; 0.10 holds anything that retires more than 10%
 * @param minRowShare the smallest size of persons.csv, as a share of the rows of the agency's
 *     previous applied delivery, below which the extract is held; 0 turns this rule off
 */
@Validated
@ConfigurationProperties("familyview.ingest.guard")
public record GuardProperties(
    @DefaultValue("0.10") @DecimalMin("0.0") @DecimalMax("1.0") double maxRetireShare,
    @DefaultValue("0.5") @DecimalMin("0.0") @DecimalMax("1.0") double minRowShare) {}
