package org.familyview.pipeline.families;

import org.familyview.families.FamilyRules;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The thresholds of family grouping ({@code familyview.families.*}); see {@link FamilyRules} for
 * what each means. The defaults are {@link FamilyRules#standard()}.
 */
@ConfigurationProperties("familyview.families")
record FamiliesProperties(
    @DefaultValue("18") int adultAge,
    @DefaultValue("15") int youngestParentAge,
    @DefaultValue("6") int communalAdults,
    @DefaultValue("14") int largestFamily,
    @DefaultValue("4") int largestEventGroup) {

  /** Checked at start-up: the rules' constructor names every bad value. */
  FamiliesProperties {
    new FamilyRules(adultAge, youngestParentAge, communalAdults, largestFamily, largestEventGroup);
  }

  FamilyRules rules() {
    return new FamilyRules(
        adultAge, youngestParentAge, communalAdults, largestFamily, largestEventGroup);
  }
}
