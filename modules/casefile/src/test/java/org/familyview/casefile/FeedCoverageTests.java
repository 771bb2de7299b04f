package org.familyview.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class FeedCoverageTests {

  static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");
  static final CasefileProperties PROPERTIES =
      new CasefileProperties(
          List.of(), Map.of("education", Duration.ofDays(4)), Duration.ofHours(36), 50);
  static final FeedCoverage COVERAGE = new FeedCoverage(null, PROPERTIES);

  static CaseRecords.Delivery delivery(String status, Instant at) {
    return new CaseRecords.Delivery("police", UUID.randomUUID(), status, at, at, null);
  }

  @Test
  void aFeedLoadedWithinItsCadenceIsCurrentAndSaysNothingWhenTheCaseHasItsRecords() {
    CaseRecords.Delivery loaded = delivery("COMPLETED", NOW.minus(Duration.ofHours(20)));
    FeedCoverage.Feed feed =
        COVERAGE.feed("police", loaded, loaded, LocalDate.parse("2010-01-01"), 3, NOW);
    assertThat(feed.state()).isEqualTo(FeedCoverage.State.CURRENT);
    assertThat(feed.warning()).isNull();
  }

  @Test
  void aCurrentFeedWithNoRecordsHereStillSaysAbsenceIsNotNonInvolvement() {
    CaseRecords.Delivery loaded = delivery("COMPLETED", NOW.minus(Duration.ofHours(20)));
    assertThat(
            COVERAGE
                .feed("police", loaded, loaded, LocalDate.parse("2010-01-01"), 0, NOW)
                .warning())
        .isEqualTo(
            "Police holds no records here; its data starts 2010-01-01. No police records here"
                + " does not mean no police involvement.");
  }

  @Test
  void aFeedOlderThanItsCadenceIsLateAndEachAgencyHasItsOwnCadence() {
    CaseRecords.Delivery loaded = delivery("COMPLETED", NOW.minus(Duration.ofDays(3)));
    assertThat(COVERAGE.feed("police", loaded, loaded, null, 1, NOW).state())
        .isEqualTo(FeedCoverage.State.LATE);
    assertThat(COVERAGE.feed("police", loaded, loaded, null, 1, NOW).warning())
        .contains("late", "expected every 36 hours");
    assertThat(COVERAGE.feed("education", loaded, loaded, null, 1, NOW).state())
        .isEqualTo(FeedCoverage.State.CURRENT);
  }

  @Test
  void aFailedLatestLoadIsReportedWhateverTheLastGoodOne() {
    CaseRecords.Delivery good = delivery("COMPLETED", NOW.minus(Duration.ofHours(30)));
    CaseRecords.Delivery failed = delivery("FAILED", NOW.minus(Duration.ofHours(1)));
    FeedCoverage.Feed feed = COVERAGE.feed("police", failed, good, null, 0, NOW);
    assertThat(feed.state()).isEqualTo(FeedCoverage.State.FAILED);
    assertThat(feed.warning()).contains("failed to load", "No police records here");
  }

  @Test
  void aHeldLatestDeliveryIsReportedWithTheDataItIsAsOf() {
    CaseRecords.Delivery good = delivery("COMPLETED", NOW.minus(Duration.ofHours(30)));
    CaseRecords.Delivery held = delivery("HELD", NOW.minus(Duration.ofHours(1)));
    FeedCoverage.Feed feed = COVERAGE.feed("police", held, good, null, 2, NOW);
    assertThat(feed.state()).isEqualTo(FeedCoverage.State.HELD);
    assertThat(feed.warning())
        .startsWith("Police's latest delivery, received " + held.receivedAt() + ", was held")
        .contains("confirmed or discarded", "as of the load of " + good.finishedAt());
  }

  @Test
  void anAgencyThatNeverDeliveredSaysSo() {
    FeedCoverage.Feed feed = COVERAGE.feed("health", null, null, null, 0, NOW);
    assertThat(feed.state()).isEqualTo(FeedCoverage.State.NEVER_DELIVERED);
    assertThat(feed.warning()).startsWith("Health has never delivered an extract");
  }
}
