package org.familyview.casefile.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.familyview.casefile.Agencies;
import org.familyview.casefile.CaseFlags;
import org.familyview.casefile.Chronology;
import org.familyview.casefile.ChronologyEntry;
import org.familyview.casefile.ChronologyFilter;
import org.familyview.casefile.FeedCoverage;

/**
 * Renders a chronology, as filtered and redacted for its reader, to A4 pages: who exported it and
 * when on every page, each feed's coverage warnings first, then the entries in date order with a
 * footnote number pointing to their provenance, the undated entries, and the provenance notes.
 * Standard PDF fonts carry only Latin-1-like characters, so anything else is shown as "?" rather
 * than failing the export.
 */
public final class ChronologyPdf {

  private static final float MARGIN = 50;
  private static final float SIZE = 9.5f;
  private static final float LEADING = 12.5f;
  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  private ChronologyPdf() {}

  /**
   * The chronology as a PDF: title, members, flags, the entries as filtered, and the feeds' state.
   *
   * @param members one line per family member ("Jolene Tagg, parent or carer, born 2 Apr 1990"),
   *     listed under the title; empty for a person's chronology
   * @param flags the flags of the persons it covers, at the top where they are seen first
   * @param flagNames whom each flag is about, by person id: a flag names its person (issue 18)
   */
  public static byte[] render(
      String title,
      List<String> members,
      Chronology chronology,
      ChronologyFilter filter,
      List<FeedCoverage.Feed> coverage,
      List<CaseFlags.Flag> flags,
      Map<String, String> flagNames,
      String exportedBy,
      Instant exportedAt) {
    try (PDDocument document = new PDDocument()) {
      Writer out = new Writer(document);
      header(out, title, filter, exportedBy, exportedAt);
      if (!members.isEmpty()) {
        out.line("Members", out.bold, 11);
        for (String member : members) {
          out.line(member, out.regular, SIZE);
        }
      }
      flags(out, flags, flagNames);
      coverage(out, coverage);
      entries(out, chronology);
      out.finish(title, exportedBy, WHEN.format(exportedAt));
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      document.save(bytes);
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void header(
      Writer out, String title, ChronologyFilter filter, String exportedBy, Instant exportedAt)
      throws IOException {
    out.line(title, out.bold, 15);
    out.space();
    out.paragraph(
        "Exported by "
            + exportedBy
            + " at "
            + WHEN.format(exportedAt)
            + ". Filter: "
            + filter.describe()
            + ".",
        out.regular);
    out.paragraph(
        "OFFICIAL-SENSITIVE. Holds special-category and criminal-offence data shared under the"
            + " agencies' data-sharing agreements; do not copy beyond the meeting it was made for."
            + " Redacted entries say whom to contact.",
        out.regular);
    out.space();
  }

  private static void flags(Writer out, List<CaseFlags.Flag> flags, Map<String, String> names)
      throws IOException {
    if (flags.isEmpty()) {
      return;
    }
    out.line("Flags", out.bold, 11);
    for (CaseFlags.Flag flag : flags) {
      out.paragraph(
          "FLAG "
              + flag.label()
              + " ("
              + names.getOrDefault(flag.personId(), flag.personId())
              + "), since "
              + org.familyview.portal.web.Readable.UK.date(flag.since())
              + (flag.until() == null
                  ? ""
                  : ", ended " + org.familyview.portal.web.Readable.UK.date(flag.until()))
              + ". Owner: "
              + flag.owner().authority()
              + ", "
              + flag.owner().team()
              + ". Office hours "
              + flag.contact().officeHours()
              + "; out of hours "
              + flag.contact().outOfHours()
              + ".",
          out.regular);
    }
    out.space();
  }

  /** Each agency's feed: whether it is current, so a gap is never read as "nothing happened". */
  private static void coverage(Writer out, List<FeedCoverage.Feed> coverage) throws IOException {
    out.line("Coverage of each agency's data", out.bold, 11);
    for (FeedCoverage.Feed feed : coverage) {
      out.paragraph(
          Agencies.title(feed.agency())
              + ": "
              + feed.state()
              + (feed.lastLoaded() == null ? "" : "; last loaded " + WHEN.format(feed.lastLoaded()))
              + (feed.dataFrom() == null ? "" : "; data from " + feed.dataFrom())
              + (feed.warning() == null ? "" : ". " + feed.warning()),
          out.regular);
    }
  }

  /** Dated entries, then undated ones, each numbered to its provenance note at the end. */
  private static void entries(Writer out, Chronology chronology) throws IOException {
    out.space();
    List<String> notes = new ArrayList<>();
    out.line("Chronology (" + chronology.events().size() + " dated entries)", out.bold, 11);
    for (ChronologyEntry entry : chronology.events()) {
      entry(out, entry, notes);
    }
    if (chronology.events().isEmpty()) {
      out.paragraph("No dated entries match.", out.regular);
    }
    out.space();
    out.line(
        "Undated entries (" + chronology.undated().size() + "): the agency recorded no date",
        out.bold,
        11);
    for (ChronologyEntry entry : chronology.undated()) {
      entry(out, entry, notes);
    }
    out.space();
    out.line("Provenance", out.bold, 11);
    for (int i = 0; i < notes.size(); i++) {
      out.paragraph("[" + (i + 1) + "] " + notes.get(i), out.regular);
    }
  }

  private static void entry(Writer out, ChronologyEntry entry, List<String> notes)
      throws IOException {
    notes.add(entry.provenance().describe());
    String when = entry.occurredAt() == null ? "undated" : entry.occurredAt();
    String what =
        entry.redacted()
            ? "restricted record"
            : entry.typeLabel() + (entry.role() == null ? "" : " (" + entry.role() + ")");
    out.paragraph(
        (entry.significant() ? "SIGNIFICANT  " : "")
            + when
            + "  "
            + entry.agency().toUpperCase(java.util.Locale.ROOT)
            + "  "
            + what
            + "  -  "
            + entry.personName()
            + "  ["
            + notes.size()
            + "]",
        out.bold);
    out.indented(entry.shownText(), out.regular);
  }

  /** A cursor down A4 pages that wraps text and starts a new page when one is full. */
  private static final class Writer {
    final PDDocument document;
    final PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    final PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    PDPageContentStream stream;
    float y;

    Writer(PDDocument document) throws IOException {
      this.document = document;
      newPage();
    }

    void newPage() throws IOException {
      if (stream != null) {
        stream.close();
      }
      PDPage page = new PDPage(PDRectangle.A4);
      document.addPage(page);
      stream = new PDPageContentStream(document, page);
      y = PDRectangle.A4.getHeight() - MARGIN;
    }

    float width() {
      return PDRectangle.A4.getWidth() - 2 * MARGIN;
    }

    void space() {
      y -= LEADING / 2;
    }

    void line(String text, PDType1Font font, float size) throws IOException {
      write(MARGIN, safe(text, font), font, size, size + 4);
    }

    void paragraph(String text, PDType1Font font) throws IOException {
      for (String line : wrap(safe(text, font), font, SIZE, width())) {
        write(MARGIN, line, font, SIZE, LEADING);
      }
    }

    void indented(String text, PDType1Font font) throws IOException {
      for (String line : wrap(safe(text, font), font, SIZE, width() - 16)) {
        write(MARGIN + 16, line, font, SIZE, LEADING);
      }
    }

    void write(float x, String text, PDType1Font font, float size, float leading)
        throws IOException {
      if (y - leading < MARGIN + 20) {
        newPage();
      }
      y -= leading;
      stream.beginText();
      stream.setFont(font, size);
      stream.newLineAtOffset(x, y);
      stream.showText(text);
      stream.endText();
    }

    /** Footers go on last, when the page count is known. */
    void finish(String title, String exportedBy, String at) throws IOException {
      stream.close();
      int pages = document.getNumberOfPages();
      for (int i = 0; i < pages; i++) {
        try (PDPageContentStream footer =
            new PDPageContentStream(
                document, document.getPage(i), PDPageContentStream.AppendMode.APPEND, true)) {
          footer.beginText();
          footer.setFont(regular, 8);
          footer.newLineAtOffset(MARGIN, MARGIN - 10);
          footer.showText(
              safe(
                  "OFFICIAL-SENSITIVE - "
                      + title
                      + " - exported by "
                      + exportedBy
                      + " at "
                      + at
                      + " - page "
                      + (i + 1)
                      + " of "
                      + pages,
                  regular));
          footer.endText();
        }
      }
    }

    List<String> wrap(String text, PDType1Font font, float size, float width) throws IOException {
      List<String> lines = new ArrayList<>();
      StringBuilder line = new StringBuilder();
      for (String word : text.split(" ")) {
        String candidate = line.isEmpty() ? word : line + " " + word;
        if (font.getStringWidth(candidate) / 1000 * size <= width) {
          line.setLength(0);
          line.append(candidate);
          continue;
        }
        if (!line.isEmpty()) {
          lines.add(line.toString());
          line.setLength(0);
        }
        // A single word wider than the line (an id, a URL) is broken where it must be.
        String rest = word;
        while (font.getStringWidth(rest) / 1000 * size > width && rest.length() > 1) {
          int cut = rest.length() - 1;
          while (cut > 1 && font.getStringWidth(rest.substring(0, cut)) / 1000 * size > width) {
            cut--;
          }
          lines.add(rest.substring(0, cut));
          rest = rest.substring(cut);
        }
        line.append(rest);
      }
      if (!line.isEmpty() || lines.isEmpty()) {
        lines.add(line.toString());
      }
      return lines;
    }
  }

  /** Only what the standard font can encode; control characters become spaces. */
  static String safe(String text, PDType1Font font) {
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints()
        .forEach(
            cp -> {
              if (Character.isISOControl(cp) || Character.isWhitespace(cp)) {
                out.append(' ');
                return;
              }
              String s = new String(Character.toChars(cp));
              try {
                font.encode(s);
                out.append(s);
              } catch (IOException | IllegalArgumentException e) {
                out.append('?');
              }
            });
    return out.toString();
  }
}
