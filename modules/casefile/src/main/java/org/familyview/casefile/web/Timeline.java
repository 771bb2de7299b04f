package org.familyview.casefile.web;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.familyview.casefile.Agencies;
import org.familyview.casefile.CasePartners;
import org.familyview.casefile.Chronology;
import org.familyview.casefile.ChronologyEntry;

/**
 * The timeline picture: one lane per partner with dated entries (named as configured, in {@link
 * CasePartners#inOrder} order, so a second NHS trust or a housing provider has a lane of its own),
 * one mark per dated entry, years along the bottom. It is drawn by the server as SVG (no script, so
 * the page's Content-Security-Policy holds); each mark carries a text title for screen readers, and
 * the table below it holds the same entries.
 */
public record Timeline(
    int width, int height, List<Lane> lanes, List<Mark> marks, List<Tick> ticks) {

  /**
   * Each lane's label sits above its line, at the left, so that a long configured name ("Northshire
   * NHS Foundation Trust") never runs over the marks and the marks get the whole width.
   */
  static final int LEFT = 32;

  static final int RIGHT = 30;
  static final int LANE = 48;
  static final int TOP = 10;
  static final int WIDTH = 900;

  public record Lane(String label, int y) {}

  public record Mark(int x, int y, int r, String fill, String title) {}

  public record Tick(int x, String label) {}

  static Timeline of(Chronology chronology) {
    return of(chronology, CasePartners.v1());
  }

  static Timeline of(Chronology chronology, CasePartners partners) {
    List<ChronologyEntry> dated = chronology.events();
    List<String> order = partners.inOrder(dated.stream().map(ChronologyEntry::agency).toList());
    List<Lane> lanes = new ArrayList<>();
    for (int i = 0; i < order.size(); i++) {
      lanes.add(new Lane(partners.name(order.get(i)), TOP + i * LANE + LANE / 2));
    }
    int height = TOP + order.size() * LANE + 30;
    if (dated.isEmpty()) {
      return new Timeline(WIDTH, height, lanes, List.of(), List.of());
    }
    LocalDate first = dated.getFirst().date().withDayOfYear(1);
    LocalDate last = dated.getLast().date().withDayOfYear(1).plusYears(1);
    long span = Math.max(1, ChronoUnit.DAYS.between(first, last));
    int plot = WIDTH - LEFT - RIGHT;
    List<Mark> marks = new ArrayList<>();
    for (ChronologyEntry e : dated) {
      int lane = Math.max(0, order.indexOf(Agencies.code(e.agency())));
      int x = LEFT + (int) (ChronoUnit.DAYS.between(first, e.date()) * plot / span);
      String fill = e.redacted() ? "#505a5f" : e.significant() ? "#d4351c" : "#1d70b8";
      String what = e.redacted() ? "restricted record" : e.typeLabel();
      marks.add(
          new Mark(
              x,
              TOP + lane * LANE + LANE / 2,
              e.significant() ? 7 : 5,
              fill,
              e.occurredAt()
                  + " "
                  + partners.name(e.agency())
                  + ": "
                  + what
                  + (e.significant() ? " (significant)" : "")));
    }
    List<Tick> ticks = new ArrayList<>();
    long years = ChronoUnit.YEARS.between(first, last);
    long step = Math.max(1, years / 10);
    for (LocalDate year = first; !year.isAfter(last); year = year.plusYears(step)) {
      ticks.add(
          new Tick(
              LEFT + (int) (ChronoUnit.DAYS.between(first, year) * plot / span),
              String.valueOf(year.getYear())));
    }
    return new Timeline(WIDTH, height, lanes, marks, ticks);
  }

  public int axisY() {
    return TOP + lanes.size() * LANE;
  }

  public String viewBox() {
    return "0 0 " + width + " " + height;
  }
}
