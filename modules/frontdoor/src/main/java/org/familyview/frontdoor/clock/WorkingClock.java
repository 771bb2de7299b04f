package org.familyview.frontdoor.clock;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Set;

/**
 * Counts working hours: the hub's opening hours on its working days, bank holidays excepted. A
 * contact that arrives out of hours starts its clock when the hub next opens; a deadline that
 * outlasts a day carries over to the next working day. Local times are read in {@code zone}, so a
 * clock change (BST) never adds or loses a working hour.
 *
 * @param closes the end of the working day; {@code 00:00} means midnight at the end of the day (a
 *     hub that never closes sets opens and closes to {@code 00:00} and every day as working)
 */
public record WorkingClock(
    LocalTime opens,
    LocalTime closes,
    Set<DayOfWeek> workingDays,
    Set<LocalDate> bankHolidays,
    ZoneId zone) {

  public WorkingClock {
    workingDays = Set.copyOf(workingDays);
    bankHolidays = Set.copyOf(bankHolidays);
    if (workingDays.isEmpty()) {
      throw new IllegalArgumentException("a working clock needs at least one working day");
    }
    if (!closes.equals(LocalTime.MIDNIGHT) && !closes.isAfter(opens)) {
      throw new IllegalArgumentException("the working day must close after it opens");
    }
  }

  /** The instant {@code hours} working hours after {@code from}. */
  public Instant plus(Instant from, Duration hours) {
    if (hours.isNegative()) {
      throw new IllegalArgumentException("working hours cannot be negative");
    }
    LocalDateTime at = LocalDateTime.ofInstant(from, zone);
    Duration left = hours;
    while (true) {
      at = nextWorkingMoment(at);
      LocalDateTime close = closeOf(at.toLocalDate());
      Duration open = Duration.between(at, close);
      if (left.compareTo(open) <= 0) {
        return at.plus(left).atZone(zone).toInstant();
      }
      left = left.minus(open);
      at = close;
    }
  }

  /** The working time between two instants; zero if {@code to} is not after {@code from}. */
  public Duration between(Instant from, Instant to) {
    LocalDateTime at = LocalDateTime.ofInstant(from, zone);
    LocalDateTime end = LocalDateTime.ofInstant(to, zone);
    Duration worked = Duration.ZERO;
    while (at.isBefore(end)) {
      at = nextWorkingMoment(at);
      if (!at.isBefore(end)) {
        break;
      }
      LocalDateTime close = closeOf(at.toLocalDate());
      LocalDateTime stop = close.isBefore(end) ? close : end;
      worked = worked.plus(Duration.between(at, stop));
      at = close;
    }
    return worked;
  }

  public boolean isWorkingDay(LocalDate day) {
    return workingDays.contains(day.getDayOfWeek()) && !bankHolidays.contains(day);
  }

  /** {@code at} itself if the hub is open then, else the next opening. */
  LocalDateTime nextWorkingMoment(LocalDateTime at) {
    LocalDate day = at.toLocalDate();
    if (isWorkingDay(day)) {
      if (at.toLocalTime().isBefore(opens)) {
        return day.atTime(opens);
      }
      if (at.isBefore(closeOf(day))) {
        return at;
      }
    }
    // Bounded: a year without a working day is a configuration no hub has.
    for (int i = 1; i <= 366; i++) {
      LocalDate next = day.plusDays(i);
      if (isWorkingDay(next)) {
        return next.atTime(opens);
      }
    }
    throw new IllegalStateException("no working day within a year of " + day);
  }

  private LocalDateTime closeOf(LocalDate day) {
    return closes.equals(LocalTime.MIDNIGHT) ? day.plusDays(1).atStartOfDay() : day.atTime(closes);
  }
}
