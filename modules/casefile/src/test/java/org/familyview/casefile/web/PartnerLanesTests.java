package org.familyview.casefile.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.familyview.casefile.web.ChronologyPageTests.entry;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.familyview.casefile.CasePartners;
import org.familyview.casefile.Chronology;
import org.familyview.extracts.Partner;
import org.familyview.extracts.PartnerId;
import org.familyview.extracts.PartnerKind;
import org.familyview.extracts.Partners;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/**
 * The timeline's lanes, the summary's rows and the chronology's partner filter come from the
 * configured partners, not version 1's four agencies: a second NHS trust and a housing provider
 * show under their own names, each trust beside the other (by kind, then as configured).
 */
class PartnerLanesTests {

  static final CasePartners PARTNERS =
      partners(
          partner("housing-north", "Northshire Homes", PartnerKind.HOUSING),
          partner("health-south", "Southshire NHS Trust", PartnerKind.HEALTH),
          partner("police", "Shires Police", PartnerKind.POLICE),
          partner("council", "Northshire Council", PartnerKind.COUNCIL),
          partner("health", "Northshire NHS Trust", PartnerKind.HEALTH));

  final Chronology chronology =
      new Chronology(
          List.of(
              entry(
                  "P1", "Kai", "housing-north", "2021-02-01", "housing.arrears", "SUBJECT", false),
              entry("P1", "Kai", "health", "2022-03-01", "health.ae_attendance", "SUBJECT", false),
              entry("P1", "Kai", "health-south", "2023-04-01", "health.gp", "SUBJECT", false),
              entry("P1", "Kai", "police", "2024-05-01", "police.crime", "VICTIM", true),
              entry("P1", "Kai", "probation", "2024-06-01", "probation.x", "SUBJECT", false)),
          List.of());

  @Test
  void eachPartnerWithEntriesHasALaneUnderItsNameByKind() {
    Timeline timeline = Timeline.of(chronology, PARTNERS);
    assertThat(timeline.lanes())
        .extracting(Timeline.Lane::label)
        .containsExactly(
            "Shires Police",
            "Southshire NHS Trust",
            "Northshire NHS Trust",
            "Northshire Homes",
            // No longer configured: its records keep a lane, under its id's title.
            "Probation");
    // The second trust's mark is on its own lane, not on the first trust's.
    Timeline.Mark south =
        timeline.marks().stream()
            .filter(m -> m.title().contains("Southshire NHS Trust"))
            .findFirst()
            .orElseThrow();
    assertThat(south.y()).isEqualTo(timeline.lanes().get(1).y());
    assertThat(timeline.axisY()).isGreaterThan(timeline.lanes().getLast().y());
  }

  @Test
  void marksThatWouldOverlapOnALaneAreOneMarkNamingEveryRecord() {
    Chronology crowded =
        new Chronology(
            List.of(
                entry("P1", "Kai", "police", "2020-01-10", "police.crime", "VICTIM", false),
                entry("P1", "Kai", "police", "2020-01-12", "police.crime", "VICTIM", true),
                entry("P1", "Kai", "health", "2020-01-11", "health.gp", "SUBJECT", false),
                entry("P1", "Kai", "police", "2024-06-01", "police.crime", "VICTIM", false)),
            List.of());
    Timeline timeline = Timeline.of(crowded, PARTNERS);

    // Two police records two days apart share a mark; the health record the same week keeps its
    // own lane's mark, and the police record four years on is apart.
    assertThat(timeline.marks()).hasSize(3);
    Timeline.Mark shared =
        timeline.marks().stream()
            .filter(m -> m.title().startsWith("2 records: "))
            .findFirst()
            .orElseThrow();
    assertThat(shared.title())
        .contains("2020-01-10")
        .contains("2020-01-12")
        .contains("(significant)");
    assertThat(shared.fill()).as("red: one of them is significant").isEqualTo("#d4351c");
    assertThat(shared.y()).isEqualTo(timeline.lanes().getFirst().y());
  }

  @Test
  void thePictureIsAnSvgImageWithEveryLaneAndMarkAndItsNamesEscaped() {
    CasePartners ampersand =
        partners(
            partner("police", "Shires Police", PartnerKind.POLICE),
            partner("health", "A&E <North>", PartnerKind.HEALTH));
    Timeline timeline = Timeline.of(chronology, ampersand);
    String uri = timeline.dataUri();
    assertThat(uri).startsWith("data:image/svg+xml;base64,");
    String svg =
        new String(
            Base64.getDecoder().decode(uri.substring(uri.indexOf(',') + 1)),
            StandardCharsets.UTF_8);
    assertThat(svg).startsWith("<svg xmlns='http://www.w3.org/2000/svg'").endsWith("</svg>");
    assertThat(svg).contains("A&amp;E &lt;North&gt;").doesNotContain("A&E <North>");
    assertThat(svg.split("<circle", -1)).hasSize(timeline.marks().size() + 1);
    assertThat(timeline.records()).isEqualTo(5);
  }

  @Test
  void theSummaryHasARowPerPartnerUnderItsName() {
    ChronologyPage page = ChronologyPage.of(chronology, true, false, List.of(), PARTNERS);
    assertThat(page.summary().rows())
        .extracting(ChronologyPage.Row::partner)
        .containsExactly(
            "Shires Police",
            "Southshire NHS Trust",
            "Northshire NHS Trust",
            "Northshire Homes",
            "Probation");
  }

  @Test
  void theFilterAcceptsEveryConfiguredPartnerAndNamesThemInWords() {
    List<String> codes = PARTNERS.codes();
    Filters.Parsed parsed =
        Filters.parse(List.of("health-south,housing-north"), null, null, null, null, codes);
    assertThat(parsed.errors()).isEmpty();
    assertThat(parsed.filter().agencies())
        .containsExactlyInAnyOrder("health-south", "housing-north");
    assertThat(ChronologyPage.describe(parsed.filter(), List.of(), java.util.Map.of(), PARTNERS))
        .isEqualTo("partner Southshire NHS Trust, Northshire Homes");

    Filters.Parsed unknown = Filters.parse(List.of("education"), null, null, null, null, codes);
    assertThat(unknown.errors())
        .containsExactly(
            "agency must be one of housing-north, health-south, police, council, health, not"
                + " 'education'");
  }

  private static CasePartners partners(Partner... configured) {
    StaticListableBeanFactory beans = new StaticListableBeanFactory();
    beans.addBean("partners", Partners.of(List.of(configured)));
    return new CasePartners(beans.getBeanProvider(Partners.class));
  }

  private static Partner partner(String id, String name, PartnerKind kind) {
    return new Partner(
        new PartnerId(id),
        name,
        kind,
        List.of("northshire"),
        name + " safeguarding lead",
        Set.of(Partner.Feed.UPLOAD),
        id,
        List.of());
  }
}
