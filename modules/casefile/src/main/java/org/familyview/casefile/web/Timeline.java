package org.familyview.casefile.web;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.familyview.casefile.Agencies;
import org.familyview.casefile.CasePartners;
import org.familyview.casefile.Chronology;
import org.familyview.casefile.ChronologyEntry;

/**
 * The timeline picture: one lane per partner with dated entries (named as configured, in {@link
 * CasePartners#inOrder} order, so a second NHS trust or a housing provider has a lane of its own),
 * one mark per dated entry (entries whose marks would overlap share one), years along the bottom.
 * It is drawn by the server as SVG (no script, so the page's Content-Security-Policy holds); each
 * mark carries a text title for screen readers, and the table below it holds the same entries.
 */
public record Timeline(
    int width, int height, int records, List<Lane> lanes, List<Mark> marks, List<Tick> ticks) {

  /**
   * Each lane's label sits above its line, at the left, so that a long configured name ("Northshire
   * NHS Foundation Trust") never runs over the marks and the marks get the whole width.
   */
  static final int LEFT = 32;

  static final int RIGHT = 30;
  static final int LANE = 48;
  static final int TOP = 10;
  static final int WIDTH = 900;

  private static final String RED = "#d4351c";
  private static final String BLUE = "#1d70b8";
  private static final String GREY = "#505a5f";

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
      return new Timeline(WIDTH, height, 0, lanes, List.of(), List.of());
    }
    LocalDate first = dated.getFirst().date().withDayOfYear(1);
    LocalDate last = dated.getLast().date().withDayOfYear(1).plusYears(1);
    long span = Math.max(1, ChronoUnit.DAYS.between(first, last));
    int plot = WIDTH - LEFT - RIGHT;
    Map<Integer, List<Mark>> byLane = new TreeMap<>();
    for (ChronologyEntry e : dated) {
      int lane = Math.max(0, order.indexOf(Agencies.code(e.agency())));
      int x = LEFT + (int) (ChronoUnit.DAYS.between(first, e.date()) * plot / span);
      byLane
          .computeIfAbsent(lane, l -> new ArrayList<>())
          .add(mark(e, x, TOP + lane * LANE + LANE / 2, partners));
    }
    List<Mark> marks = new ArrayList<>();
    byLane.values().forEach(lane -> marks.addAll(merged(lane)));
    List<Tick> ticks = new ArrayList<>();
    long years = ChronoUnit.YEARS.between(first, last);
    long step = Math.max(1, years / 10);
    for (LocalDate year = first; !year.isAfter(last); year = year.plusYears(step)) {
      ticks.add(
          new Tick(
              LEFT + (int) (ChronoUnit.DAYS.between(first, year) * plot / span),
              String.valueOf(year.getYear())));
    }
    return new Timeline(WIDTH, height, dated.size(), lanes, marks, ticks);
  }

  /**
   * Marks closer than {@link #OVERLAP} on one lane would be drawn over each other: they become one
   * mark whose title names every record, red if any is significant. A 353-record family then draws
   * a few hundred marks rather than one per record, which the browser lays out faster (issue 18's
   * page-ready target), and nothing is lost: the title lists them all, and so does the list below.
   */
  static final int OVERLAP = 8;

  private static Mark mark(ChronologyEntry e, int x, int y, CasePartners partners) {
    String fill = e.redacted() ? GREY : e.significant() ? RED : BLUE;
    String what = e.redacted() ? "restricted record" : e.typeLabel();
    return new Mark(
        x,
        y,
        e.significant() ? 7 : 5,
        fill,
        e.occurredAt()
            + " "
            + partners.name(e.agency())
            + ": "
            + what
            + (e.significant() ? " (significant)" : ""));
  }

  /** One lane's marks, in date order, with each run of overlapping marks drawn as one. */
  static List<Mark> merged(List<Mark> lane) {
    List<Mark> out = new ArrayList<>();
    List<Mark> run = new ArrayList<>();
    for (Mark m : lane) {
      if (!run.isEmpty() && m.x() - run.getFirst().x() >= OVERLAP) {
        out.add(one(run));
        run.clear();
      }
      run.add(m);
    }
    if (!run.isEmpty()) {
      out.add(one(run));
    }
    return out;
  }

  private static Mark one(List<Mark> run) {
    if (run.size() == 1) {
      return run.getFirst();
    }
    boolean significant = run.stream().anyMatch(m -> m.fill().equals(RED));
    boolean open = run.stream().anyMatch(m -> !m.fill().equals(GREY));
    return new Mark(
        run.getFirst().x() + (run.getLast().x() - run.getFirst().x()) / 2,
        run.getFirst().y(),
        significant ? 8 : 6,
        significant ? RED : open ? BLUE : GREY,
        run.size() + " records: " + String.join("; ", run.stream().map(Mark::title).toList()));
  }

  /**
   * The picture as an SVG document in a data URI, shown as an image (issue 18): drawn inline, its
   * few hundred shapes made the chronology page's layout about 180 ms slower on a wide screen,
   * where an image is decoded apart from the page. Screen readers read the image's alt text, as
   * they read the inline SVG's title before; the list below holds every record the marks stand for.
   */
  public String dataUri() {
    StringBuilder svg = new StringBuilder(16_384);
    svg.append("<svg xmlns='http://www.w3.org/2000/svg' viewBox='")
        .append(viewBox())
        .append("' preserveAspectRatio='xMinYMin meet' font-family='arial, sans-serif'>");
    for (Lane lane : lanes) {
      svg.append("<line x1='4' y1='")
          .append(lane.y())
          .append("' x2='")
          .append(width - 30)
          .append("' y2='")
          .append(lane.y())
          .append("' stroke='#b1b4b6' stroke-width='1'/>")
          .append("<text x='4' y='")
          .append(lane.y() - 9)
          .append("' font-size='26' fill='#0b0c0c'>")
          .append(xml(lane.label()))
          .append("</text>");
    }
    for (Tick tick : ticks) {
      svg.append("<line x1='")
          .append(tick.x())
          .append("' x2='")
          .append(tick.x())
          .append("' y1='")
          .append(axisY())
          .append("' y2='")
          .append(axisY() + 6)
          .append("' stroke='#0b0c0c'/><text x='")
          .append(tick.x())
          .append("' y='")
          .append(axisY() + 26)
          .append("' font-size='24' text-anchor='middle' fill='#0b0c0c'>")
          .append(xml(tick.label()))
          .append("</text>");
    }
    svg.append("<g stroke='#ffffff' stroke-width='1'>");
    for (Mark m : marks) {
      svg.append("<circle cx='")
          .append(m.x())
          .append("' cy='")
          .append(m.y())
          .append("' r='")
          .append(m.r())
          .append("' fill='")
          .append(m.fill())
          .append("'/>");
    }
    svg.append("</g></svg>");
    return "data:image/svg+xml;base64,"
        + Base64.getEncoder().encodeToString(svg.toString().getBytes(StandardCharsets.UTF_8));
  }

  private static String xml(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("'", "&apos;");
  }

  public int axisY() {
    return TOP + lanes.size() * LANE;
  }

  public String viewBox() {
    return "0 0 " + width + " " + height;
  }
}
