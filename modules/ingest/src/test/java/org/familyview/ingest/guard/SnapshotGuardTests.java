package org.familyview.ingest.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.familyview.ingest.guard.SnapshotGuard.Figures;
import org.familyview.ingest.guard.SnapshotGuard.Verdict;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.context.properties.bind.validation.ValidationBindHandler;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.validation.beanvalidation.LocalValidatorFactoryBean;

class SnapshotGuardTests {

  private final SnapshotGuard guard = new SnapshotGuard(bind(Map.of()));

  @Test
  void theDefaultsAreTenPercentRetiredAndHalfThePreviousDelivery() {
    GuardProperties defaults = bind(Map.of());
    assertThat(defaults.maxRetireShare()).isEqualTo(0.10);
    assertThat(defaults.minRowShare()).isEqualTo(0.5);
  }

  @Test
  void retiringTenPercentIsAppliedAndOneMoreIsHeld() {
    assertThat(guard.judge(persons(190, 200, 20), null, 200L)).isInstanceOf(Verdict.Apply.class);
    assertThat(guard.judge(persons(190, 200, 21), null, 200L))
        .isEqualTo(
            new Verdict.Hold(
                "persons.csv would retire 21 of the agency's 200 current records (10.5%),"
                    + " more than the 10% allowed",
                21, 200));
  }

  @Test
  void twoOfTwoHundredAndNineteenIsHeldWithItsFigures() {
    assertThat(guard.judge(persons(2, 219, 217), null, 219L))
        .isInstanceOfSatisfying(
            Verdict.Hold.class,
            hold -> {
              assertThat(hold.wouldRetire()).isEqualTo(217);
              assertThat(hold.current()).isEqualTo(219);
              assertThat(hold.reason()).contains("217 of the agency's 219", "(99.1%)");
            });
  }

  @Test
  void aFileWithoutRowsIsHeldEvenAsTheFirstDelivery() {
    assertThat(guard.judge(persons(0, 0, 0), null, null))
        .isInstanceOfSatisfying(
            Verdict.Hold.class,
            hold -> assertThat(hold.reason()).startsWith("persons.csv has no rows"));
  }

  @Test
  void aFirstDeliveryWithRowsIsApplied() {
    assertThat(guard.judge(persons(5, 0, 0), null, null)).isInstanceOf(Verdict.Apply.class);
  }

  @Test
  void aFileUnderHalfThePreviousDeliveryIsHeldThoughItRetiresLittle() {
    assertThat(guard.judge(persons(108, 119, 11), null, 219L))
        .isInstanceOfSatisfying(
            Verdict.Hold.class,
            hold ->
                assertThat(hold.reason())
                    .isEqualTo(
                        "persons.csv has 108 rows, fewer than 50% of the previous delivery's 219"));
    assertThat(guard.judge(persons(110, 119, 9), null, 219L)).isInstanceOf(Verdict.Apply.class);
  }

  @Test
  void anEventsFileThatWouldRetireTooManyEventsIsHeld() {
    Figures events = new Figures("events.csv", 10, 100, 90);
    assertThat(guard.judge(persons(200, 200, 0), events, 200L))
        .isInstanceOfSatisfying(
            Verdict.Hold.class,
            hold -> {
              assertThat(hold.reason()).startsWith("events.csv would retire 90");
              assertThat(hold.current()).isEqualTo(100);
            });
  }

  @Test
  void thresholdsAreConfigurable() {
    SnapshotGuard loose =
        new SnapshotGuard(
            bind(
                Map.of(
                    "familyview.ingest.guard.max-retire-share", "0.5",
                    "familyview.ingest.guard.min-row-share", "0")));
    assertThat(loose.judge(persons(150, 200, 50), null, 1000L)).isInstanceOf(Verdict.Apply.class);
    assertThat(loose.judge(persons(90, 200, 110), null, 200L)).isInstanceOf(Verdict.Hold.class);
  }

  @Test
  void sharesOutsideZeroToOneAreRefusedTogether() {
    assertThatThrownBy(
            () ->
                bind(
                    Map.of(
                        "familyview.ingest.guard.max-retire-share", "1.5",
                        "familyview.ingest.guard.min-row-share", "-0.1")))
        .isInstanceOf(BindException.class)
        .cause()
        .isInstanceOfSatisfying(
            BindValidationException.class,
            e -> assertThat(e.getValidationErrors().getAllErrors()).hasSize(2));
  }

  private static Figures persons(long rows, long current, long wouldRetire) {
    return new Figures("persons.csv", rows, current, wouldRetire);
  }

  private static GuardProperties bind(Map<String, String> values) {
    LocalValidatorFactoryBean validator = new LocalValidatorFactoryBean();
    validator.afterPropertiesSet();
    return new Binder(new MapConfigurationPropertySource(values))
        .bindOrCreate(
            "familyview.ingest.guard",
            Bindable.of(GuardProperties.class),
            new ValidationBindHandler(validator));
  }
}
