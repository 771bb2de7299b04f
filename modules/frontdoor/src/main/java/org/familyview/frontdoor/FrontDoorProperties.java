package org.familyview.frontdoor;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Period;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.familyview.frontdoor.clock.WorkingClock;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the front door runs. Defaults are in {@code frontdoor-defaults.properties} (the bank
 * holidays) and here.
 *
 * @param concerns the folder of concern rules, one YAML file a ruleset ({@code config/concerns})
 * @param workingHours when the hub works: the clock every deadline is counted on
 * @param decideWithin working hours from a contact to its decision, per RAG rating
 * @param checksWithin working hours from a contact to each partner's answer, per RAG rating
 * @param partners the partners asked for checks, when FamilyView links the subject to them; a
 *     partner id is the one {@code /api/extracts/{partner}} takes
 * @param sources where a contact may come from; {@code concern-rule} is the nightly rules'
 * @param repeatWithin a contact about a subject with an earlier contact within this is a repeat
 * @param dueSoon a check due within this is announced as due ({@link CheckDue})
 */
@Validated
@ConfigurationProperties("familyview.front-door")
public record FrontDoorProperties(
    @NotNull Path concerns,
    @Valid @NotNull WorkingHours workingHours,
    @Valid @NotNull RagHours decideWithin,
    @Valid @NotNull RagHours checksWithin,
    @DefaultValue({"police", "health", "council", "education"}) @NotEmpty List<String> partners,
    @DefaultValue({
          "police",
          "health",
          "education",
          "council",
          "public",
          "family",
          "anonymous",
          "concern-rule"
        })
        @NotEmpty
        List<String> sources,
    @DefaultValue("P12M") @NotNull Period repeatWithin,
    @DefaultValue("PT2H") @NotNull Duration dueSoon) {

  /**
   * @param bankHolidays days the hub does not count although they fall on working days; the
   *     defaults are England and Wales's from GOV.UK (https://www.gov.uk/bank-holidays.json)
   */
  public record WorkingHours(
      @DefaultValue("09:00") @NotNull LocalTime opens,
      @DefaultValue("17:00") @NotNull LocalTime closes,
      @DefaultValue({"MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"}) @NotEmpty
          Set<DayOfWeek> days,
      @DefaultValue("Europe/London") @NotNull ZoneId zone,
      @DefaultValue Set<LocalDate> bankHolidays) {

    public WorkingClock clock() {
      return new WorkingClock(opens, closes, days, bankHolidays, zone);
    }
  }

  /** Working hours per rating. */
  public record RagHours(
      @Min(1) @Max(2000) int red, @Min(1) @Max(2000) int amber, @Min(1) @Max(2000) int green) {

    public Duration of(Rag rag) {
      return Duration.ofHours(
          switch (rag) {
            case RED -> red;
            case AMBER -> amber;
            case GREEN -> green;
          });
    }
  }
}
