package org.familyview.alerts.flags;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Period;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FlagPropertiesTests {

  static final FlagProperties.Owner OWNER =
      new FlagProperties.Owner(
          "Northshire Council", "CSC", "north", "01632 960100", "01632 960999");

  @Test
  void everyConfigurationProblemIsReportedAtOnce() {
    assertThatThrownBy(
            () ->
                new FlagProperties(
                    Period.ofMonths(12),
                    Map.of("csc", OWNER),
                    List.of(
                        new FlagProperties.Plan(
                            "CP",
                            "CP",
                            Set.of("council.no_such_start"),
                            Set.of("council.child_protection_plan_end"),
                            "nobody"),
                        new FlagProperties.Plan(
                            "CP",
                            "CP again",
                            Set.of("council.child_protection_plan_start"),
                            Set.of("council.child_protection_plan_end"),
                            "csc")),
                    List.of(),
                    List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("CP: no owner nobody")
        .hasMessageContaining("flag type CP is configured twice")
        .hasMessageContaining("event type council.no_such_start is not in the extract vocabulary");
  }
}
