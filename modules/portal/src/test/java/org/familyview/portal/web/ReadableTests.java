package org.familyview.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReadableTests {

  @Test
  void datesAndTimesAreWrittenTheUkWayInUkTime() {
    assertThat(Readable.UK.date(LocalDate.of(2025, 3, 3))).isEqualTo("3 Mar 2025");
    assertThat(Readable.UK.date(LocalDate.of(2025, 9, 30))).isEqualTo("30 Sep 2025");
    // 14:05 UTC in winter is 14:05 in London; 13:05 UTC in July is 14:05 BST.
    assertThat(Readable.UK.dateTime(Instant.parse("2025-03-03T14:05:59.123456Z")))
        .isEqualTo("3 Mar 2025, 14:05");
    assertThat(Readable.UK.dateTime(Instant.parse("2025-07-03T13:05:00Z")))
        .isEqualTo("3 Jul 2025, 14:05");
    assertThat(Readable.UK.dateTime(LocalDate.of(2023, 5, 1), LocalTime.of(22, 15)))
        .isEqualTo("1 May 2023, 22:15");
    assertThat(Readable.UK.dateTime(LocalDate.of(2023, 5, 1), null)).isEqualTo("1 May 2023");
    assertThat(Readable.UK.dateTime((Instant) null)).isEqualTo("—");
  }

  @ParameterizedTest
  @CsvSource({
    "POSSIBLE_MATCH, possible match, Possible match",
    "AWAITING_APPROVAL, awaiting approval, Awaiting approval",
    "OTHER_ADULT, other adult, Other adult",
    "CHILD, child, Child"
  })
  void codesAreWrittenAsWords(String code, String words, String label) {
    assertThat(Readable.UK.words(code)).isEqualTo(words);
    assertThat(Readable.UK.label(code)).isEqualTo(label);
  }
}
