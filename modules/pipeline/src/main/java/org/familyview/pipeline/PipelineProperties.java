package org.familyview.pipeline;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.validation.annotation.Validated;

/**
 * When the nightly pipeline runs by itself.
 *
 * @param schedule the nightly start; runs can always be started on demand as well
 */
@Validated
@ConfigurationProperties("familyview.pipeline")
public record PipelineProperties(@DefaultValue @NotNull @Valid Schedule schedule) {

  /**
   * @param enabled whether the schedule starts runs at all (on-demand runs work either way)
   * @param cron a Spring cron expression (second minute hour day month weekday); the default is
   *     after the agencies' extracts have arrived (their window closes at 02:00)
   * @param zone the time zone the cron is read in: local authorities work on UK time
   */
  public record Schedule(
      @DefaultValue("true") boolean enabled,
      @DefaultValue("0 30 2 * * *") @NotBlank String cron,
      @DefaultValue("Europe/London") @NotNull ZoneId zone) {

    @AssertTrue(message = "cron must be a valid Spring cron expression")
    boolean isCronValid() {
      return CronExpression.isValidExpression(cron);
    }
  }
}
