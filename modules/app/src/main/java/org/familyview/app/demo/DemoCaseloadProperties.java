package org.familyview.app.demo;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The demo world's first caseload (issue #7: keyworker1 has a few families, keyworker2 none).
 *
 * @param keyworker who receives the caseload
 * @param lead the demo safeguarding lead who assigns it
 * @param families how many families
 * @param authority the keyworker's authority, whose families they are given (unset: the authority
 *     that holds unplaced families, the first; Northshire in the demo)
 */
@Validated
@ConfigurationProperties("familyview.demo.caseload")
public record DemoCaseloadProperties(
    @DefaultValue("keyworker1") @NotBlank String keyworker,
    @DefaultValue("lead") @NotBlank String lead,
    @DefaultValue("3") @Positive @Max(50) int families,
    @Nullable String authority) {}
