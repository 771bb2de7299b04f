package org.familyview.portal.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

class AuditReportPropertiesTests {

  @Configuration(proxyBeanMethods = false)
  @EnableConfigurationProperties(AuditReportProperties.class)
  static class Bound {}

  private final ApplicationContextRunner context =
      new ApplicationContextRunner().withUserConfiguration(Bound.class);

  @Test
  void defaultsAreFiftyInTenMinutesAndTheConfigFolder() {
    context.run(
        started ->
            assertThat(started.getBean(AuditReportProperties.class))
                .isEqualTo(
                    new AuditReportProperties(
                        50, Duration.ofMinutes(10), Path.of("config/staff-register.csv"))));
  }

  @Test
  void aThresholdBelowOneOrAnEmptyWindowStopsTheStartAndSaysWhy() {
    context
        .withPropertyValues(
            "familyview.audit.reports.many-views-threshold=0",
            "familyview.audit.reports.many-views-window=0s")
        .run(
            started ->
                assertThat(started.getStartupFailure())
                    .rootCause()
                    .hasMessageContaining("manyViewsThreshold")
                    .hasMessageContaining("manyViewsWindow"));
  }
}
