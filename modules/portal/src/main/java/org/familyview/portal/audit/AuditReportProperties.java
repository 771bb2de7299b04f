package org.familyview.portal.audit;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param manyViewsThreshold a user is reported who makes more than this many case reads ...
 * @param manyViewsWindow ... within any window this long
 * @param staffRegister HR's register of staff surnames and postcodes ({@code
 *     username,family_name,postcode})
 */
@Validated
@ConfigurationProperties("familyview.audit.reports")
public record AuditReportProperties(
    @DefaultValue("50") @Min(1) int manyViewsThreshold,
    @DefaultValue("10m") @NotNull @DurationMin(seconds = 1) Duration manyViewsWindow,
    @DefaultValue("config/staff-register.csv") @NotNull Path staffRegister) {}
