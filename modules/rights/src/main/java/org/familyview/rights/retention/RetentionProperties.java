package org.familyview.rights.retention;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param schedule when the retention run erases what is due (a Spring cron expression, in the
 *     server's time zone; {@code -} switches the scheduled run off, the API still runs it)
 */
@Validated
@ConfigurationProperties("familyview.rights.retention")
public record RetentionProperties(@DefaultValue("0 30 3 * * *") @NotBlank String schedule) {}
