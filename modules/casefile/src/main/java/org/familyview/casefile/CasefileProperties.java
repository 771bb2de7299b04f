package org.familyview.casefile;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * What the case views are configured with.
 *
 * @param significantEventTypes event types highlighted in every chronology (a child protection
 *     plan, an arrest, an exclusion): an authority decides what its keyworkers must not miss
 * @param feedCadence how often each agency is expected to deliver (agency code → interval); a feed
 *     whose last completed load is older than this is reported late on every case view
 * @param defaultFeedCadence the cadence of an agency not named in {@code feedCadence}
 * @param disputePriority the steward queue priority of a keyworker's "not my client" dispute; a
 *     dispute about a child is raised at twice this
 */
@Validated
@ConfigurationProperties("familyview.casefile")
public record CasefileProperties(
    @DefaultValue({
          "police.domestic_abuse_incident",
          "police.missing_person",
          "police.child_concern",
          "police.arrest",
          "council.childrens_social_care_referral",
          "council.child_protection_plan_start",
          "council.child_protection_plan_end",
          "council.eviction",
          "education.permanent_exclusion",
          "education.child_missing_education",
          "health.mental_health_referral"
        })
        List<String> significantEventTypes,
    @DefaultValue Map<String, Duration> feedCadence,
    @DefaultValue("36h") @NotNull Duration defaultFeedCadence,
    @DefaultValue("50") @Min(1) int disputePriority) {

  public CasefileProperties {
    significantEventTypes = List.copyOf(significantEventTypes);
    feedCadence = Map.copyOf(feedCadence);
  }

  public Set<String> significant() {
    return Set.copyOf(significantEventTypes);
  }

  public Duration cadenceOf(String agency) {
    return feedCadence.getOrDefault(agency, defaultFeedCadence);
  }
}
