package org.familyview.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.familyview.access.CaseAccess.Decision;
import org.familyview.access.CaseAccess.Ground;
import org.familyview.access.authority.Authorities;
import org.familyview.access.authority.Authority;
import org.familyview.access.authority.Place;
import org.familyview.access.authority.Places;
import org.familyview.access.authority.Residence;
import org.familyview.access.caseload.OpenCases;
import org.familyview.portal.identity.CurrentUser;
import org.familyview.portal.identity.Role;
import org.junit.jupiter.api.Test;

/**
 * CaseAccess with two authorities, against families and caseloads held in memory, on a fixed day:
 * the authority is asked before the caseload, break-glass does not cross a border, and a family
 * that moved stays open to its old authority for the read period.
 */
class CaseAccessAcrossAuthoritiesTests {

  static final LocalDate TODAY = LocalDate.parse("2026-12-07");
  static final Authorities TWO =
      Authorities.of(
          List.of(
              new Authority("northshire", "Northshire", List.of("LS", "BD"), Period.ofDays(90)),
              new Authority("southshire", "Southshire", List.of("WF", "HX"), Period.ofDays(90))),
          "northshire");

  private final World world = new World();
  private final CaseAccess access =
      new CaseAccess(
          world, world, Clock.fixed(Instant.parse("2026-12-07T12:00:00Z"), ZoneOffset.UTC));

  private static CurrentUser staff(String username, String authority, Role role) {
    return new CurrentUser(username, username, Set.of(role), null, null, authority);
  }

  private final CurrentUser northKeyworker = staff("keyworker1", "northshire", Role.KEYWORKER);
  private final CurrentUser northLead = staff("lead", "northshire", Role.SAFEGUARDING_LEAD);
  private final CurrentUser southKeyworker =
      staff("keyworker-south1", "southshire", Role.KEYWORKER);
  private final CurrentUser southLead = staff("lead-south", "southshire", Role.SAFEGUARDING_LEAD);

  @Test
  void anotherAuthoritysFamilyIsRefusedEvenOnTheCaseloadOrWithAGrant() {
    world.family("F-N", new Residence("LS6 1AA", LocalDate.parse("2016-01-01"), null));
    world.assign("keyworker-south1", "F-N");
    world.grant("keyworker-south1", "family", "F-N");

    assertThat(access.toFamily(southKeyworker, "F-N"))
        .isEqualTo(new Decision.Denied("this family is not in your authority's area"));
    assertThat(access.toFamily(southLead, "F-N")).isInstanceOf(Decision.Denied.class);
    assertThat(access.mayBreakGlass(southKeyworker, "family", "F-N"))
        .isInstanceOf(Decision.Denied.class);
    assertThat(access.searchableFamilies(southKeyworker)).isEmpty();
    assertThat(access.searchableFamilies(southLead)).doesNotContain("F-N");
    // Its own authority is unaffected.
    assertThat(access.toFamily(northLead, "F-N"))
        .isEqualTo(new Decision.Allowed(Ground.AUTHORITY_WIDE));
    assertThat(access.searchableFamilies(northLead)).contains("F-N");
  }

  @Test
  void aFamilyThatMovedIsOpenToBothAuthoritiesUntilTheOldOnesPeriodEnds() {
    world.family(
        "F-M",
        new Residence("BD8 2QT", LocalDate.parse("2016-01-01"), LocalDate.parse("2026-09-08")),
        new Residence("WF1 3LB", LocalDate.parse("2026-09-09"), null));
    world.assign("keyworker1", "F-M");

    assertThat(access.toFamily(southLead, "F-M"))
        .isEqualTo(new Decision.Allowed(Ground.AUTHORITY_WIDE));
    assertThat(access.toFamily(northKeyworker, "F-M"))
        .isEqualTo(new Decision.Allowed(Ground.CASELOAD));
    assertThat(access.movedAwayNotice(northKeyworker, "F-M"))
        .hasValueSatisfying(
            m -> {
              assertThat(m.to()).isEqualTo("southshire");
              assertThat(m.readUntil()).isEqualTo(LocalDate.parse("2026-12-08"));
            });
    assertThat(access.movedAwayNotice(southLead, "F-M")).isEmpty();
    assertThat(access.searchableFamilies(northKeyworker)).containsExactly("F-M");

    CaseAccess tomorrow =
        new CaseAccess(
            world, world, Clock.fixed(Instant.parse("2026-12-08T00:00:00Z"), ZoneOffset.UTC));
    assertThat(tomorrow.toFamily(northKeyworker, "F-M")).isInstanceOf(Decision.Denied.class);
    assertThat(tomorrow.toFamily(northLead, "F-M")).isInstanceOf(Decision.Denied.class);
    assertThat(tomorrow.searchableFamilies(northKeyworker)).isEmpty();
    assertThat(tomorrow.toFamily(southLead, "F-M")).isInstanceOf(Decision.Allowed.class);
  }

  @Test
  void aPersonIsPlacedThroughTheirFamiliesOrTheirOwnRecords() {
    world.family("F-S", new Residence("HX1 2AB", LocalDate.parse("2020-01-01"), null));
    world.unfamilied.put("P-alone", "southshire");

    assertThat(access.toPerson(southLead, "P-1", Set.of("F-S")))
        .isEqualTo(new Decision.Allowed(Ground.AUTHORITY_WIDE));
    assertThat(access.toPerson(northLead, "P-1", Set.of("F-S")))
        .isInstanceOf(Decision.Denied.class);
    assertThat(access.toPerson(southLead, "P-alone", Set.of()))
        .isEqualTo(new Decision.Allowed(Ground.AUTHORITY_WIDE));
    assertThat(access.toPerson(northLead, "P-alone", Set.of())).isInstanceOf(Decision.Denied.class);
  }

  @Test
  void staffWhoseTokenNamesNoConfiguredAuthoritySeeNoCaseData() {
    world.family("F-N", new Residence("LS6 1AA", LocalDate.parse("2016-01-01"), null));
    CurrentUser nobody = staff("lead-x", null, Role.SAFEGUARDING_LEAD);
    CurrentUser elsewhere = staff("lead-y", "eastshire", Role.SAFEGUARDING_LEAD);

    assertThat(access.toFamily(nobody, "F-N")).isInstanceOf(Decision.Denied.class);
    assertThat(access.toFamily(elsewhere, "F-N")).isInstanceOf(Decision.Denied.class);
    assertThat(access.searchableFamilies(nobody)).isEmpty();
  }

  /** Families, caseloads and grants in memory, as PostgreSQL would answer them. */
  private static final class World implements Places, OpenCases {

    final Map<String, Place> families = new HashMap<>();
    final Map<String, String> unfamilied = new HashMap<>();
    final Map<String, Set<String>> caseloads = new HashMap<>();
    final Set<String> grants = new HashSet<>();

    void family(String id, Residence... homes) {
      families.put(id, Place.of(List.of(homes), TWO));
    }

    void assign(String keyworker, String family) {
      caseloads.computeIfAbsent(keyworker, k -> new HashSet<>()).add(family);
    }

    void grant(String user, String type, String id) {
      grants.add(user + "/" + type + "/" + id);
    }

    @Override
    public Authorities authorities() {
      return TWO;
    }

    @Override
    public Place of(String familyId) {
      return families.getOrDefault(familyId, Place.of(List.of(), TWO));
    }

    @Override
    public Map<String, Place> all() {
      return Map.copyOf(families);
    }

    @Override
    public Set<String> familiesOf(String personId) {
      return Set.of();
    }

    @Override
    public String ofUnfamiliedPerson(String personId) {
      return unfamilied.getOrDefault(personId, "northshire");
    }

    @Override
    public Set<String> currentFamilies(String keyworker) {
      return Set.copyOf(caseloads.getOrDefault(keyworker, Set.of()));
    }

    @Override
    public boolean hasGrant(String username, String type, String id) {
      return grants.contains(username + "/" + type + "/" + id);
    }
  }
}
