package org.familyview.casefile.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.familyview.casefile.Chronology;
import org.familyview.casefile.ChronologyEntry;
import org.familyview.casefile.ChronologyFilter;
import org.familyview.casefile.FeedCoverage;
import org.familyview.casefile.Link;
import org.familyview.casefile.Provenance;
import org.junit.jupiter.api.Test;

class ChronologyPdfTests {

  static ChronologyEntry entry(int day, String summary, boolean redacted) {
    return new ChronologyEntry(
        LocalDate.of(2024, 1, day),
        null,
        "police",
        redacted ? null : "police.missing_person",
        redacted ? null : "Missing person report",
        redacted ? null : "subject",
        redacted ? null : summary,
        redacted ? "RESTRICTED" : "STANDARD",
        day == 1,
        redacted,
        redacted ? "a restricted police record exists — contact the PPU" : null,
        "P1",
        "Zoë Ñúñez",
        new Provenance(
            "police",
            "R1",
            "E" + day,
            UUID.fromString("00000000-0000-0000-0000-00000000000" + (day % 10)),
            "events.csv",
            day + 1,
            Instant.parse("2026-11-20T02:00:00Z"),
            true,
            new Link("PROBABILISTIC", "HEALTH", "H9", 0.97, 12.1, null, "m1", Instant.EPOCH)),
        List.of());
  }

  @Test
  void everyEntryItsProvenanceAndWhoExportedItAreInTheText() throws Exception {
    List<ChronologyEntry> entries = new ArrayList<>();
    for (int day = 1; day <= 28; day++) {
      entries.add(
          entry(
              day,
              "Report "
                  + day
                  + ": a long summary that wraps over more than one line of the page because"
                  + " agencies write at length about what happened and who was there 漢字 \t<b>",
              day == 2));
    }
    byte[] pdf =
        ChronologyPdf.render(
            "Chronology of Zoë Ñúñez (P1)",
            List.of(),
            new Chronology(entries, List.of(entry(3, "Undated note", false))),
            ChronologyFilter.ALL,
            List.of(
                new FeedCoverage.Feed(
                    "education",
                    FeedCoverage.State.FAILED,
                    Instant.EPOCH,
                    null,
                    null,
                    Duration.ofDays(4),
                    0,
                    "Education's latest extract failed to load.")),
            List.of(),
            Map.of(),
            "keyworker1",
            Instant.parse("2026-11-21T10:15:00Z"));
    Path out = Path.of("target", "chronology-sample.pdf");
    Files.write(out, pdf);
    String text;
    int pages;
    try (PDDocument document = Loader.loadPDF(pdf)) {
      text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
      pages = document.getNumberOfPages();
    }
    assertThat(pages).isGreaterThan(1);
    assertThat(text)
        .contains("Chronology of Zoë Ñúñez (P1)")
        .contains("Exported by keyworker1 at 2026-11-21 10:15 UTC")
        .contains("Report 28: a long summary")
        .contains("a restricted police record exists — contact the PPU")
        .contains("Education's latest extract failed to load")
        .contains("SIGNIFICANT")
        .contains("[29] police record R1, event E3")
        .contains("probabilistic match (p = 0.970) to health/H9")
        .contains("page 1 of " + pages)
        .contains("?? <b>");
  }

  /**
   * Issue 17: the flags of the persons it covers head the PDF, with whom to call; issue 18: each
   * names its person by name, not id.
   */
  @Test
  void theFlagsOfThePersonsCoveredAreAtTheTopWithTheirContacts() throws Exception {
    byte[] pdf =
        ChronologyPdf.render(
            "Chronology of family F1",
            List.of(),
            new Chronology(List.of(entry(1, "Report", false)), List.of()),
            ChronologyFilter.ALL,
            List.of(),
            List.of(
                new org.familyview.casefile.CaseFlags.Flag(
                    "P7",
                    "CHILD_PROTECTION_PLAN",
                    "Child protection plan",
                    LocalDate.of(2026, 3, 1),
                    null,
                    new org.familyview.casefile.CaseFlags.Owner("Northshire Council", "CSC north"),
                    new org.familyview.casefile.CaseFlags.Contact("01632 960100", "01632 960999"))),
            Map.of("P7", "Aisha Martin-Davis"),
            "keyworker1",
            Instant.parse("2026-12-07T10:00:00Z"));
    try (PDDocument document = Loader.loadPDF(pdf)) {
      String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
      assertThat(text)
          .contains("FLAG Child protection plan (Aisha Martin-Davis), since 1 Mar 2026")
          .doesNotContain("P7")
          .contains("Northshire Council, CSC north")
          .contains("01632 960100")
          .contains("01632 960999");
      assertThat(text.indexOf("FLAG")).isLessThan(text.indexOf("Chronology (1 dated entries)"));
    }
  }

  @Test
  void aFamilysPdfListsItsMembersAndEveryFooterNamesTheFamily() throws Exception {
    List<ChronologyEntry> entries = new ArrayList<>();
    for (int day = 1; day <= 28; day++) {
      entries.add(
          entry(day, "Report " + day + ", long enough to need " + "more words ".repeat(12), false));
    }
    byte[] pdf =
        ChronologyPdf.render(
            "Chronology of The Hughes family, 14 Halcon Road (F0000018)",
            List.of(
                "Jolene Hughes, parent or carer, born 2 Apr 1990",
                "Kai Hughes, child, born 10 Jun 2015"),
            new Chronology(entries, List.of()),
            ChronologyFilter.ALL,
            List.of(),
            List.of(),
            Map.of(),
            "keyworker1",
            Instant.parse("2026-11-21T10:15:00Z"));
    try (PDDocument document = Loader.loadPDF(pdf)) {
      assertThat(document.getNumberOfPages()).isGreaterThan(1);
      String first = pageText(document, 1);
      assertThat(first)
          .contains("Members")
          .contains("Jolene Hughes, parent or carer, born 2 Apr 1990")
          .contains("Kai Hughes, child, born 10 Jun 2015");
      for (int page = 1; page <= document.getNumberOfPages(); page++) {
        assertThat(pageText(document, page))
            .contains(
                "OFFICIAL-SENSITIVE - Chronology of The Hughes family, 14 Halcon Road (F0000018)");
      }
    }
  }

  private static String pageText(PDDocument document, int page) throws Exception {
    PDFTextStripper stripper = new PDFTextStripper();
    stripper.setStartPage(page);
    stripper.setEndPage(page);
    return stripper.getText(document).replaceAll("\\s+", " ");
  }
}
