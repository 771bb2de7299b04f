package org.familyview.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.familyview.access.caseload.Caseloads;
import org.familyview.alerts.inbox.Inbox;
import org.familyview.frontdoor.Contact;
import org.familyview.frontdoor.FrontDoor;
import org.familyview.frontdoor.Outcome;
import org.familyview.frontdoor.rules.ConcernStage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The front door's events in the inbox, through the real services: the nightly {@code concerns}
 * step fires a rule for a family keyworker1 holds (keyworker2 holds none of it); a partner check
 * passes its deadline and only that partner's checkers are told; the decision reaches the holding
 * keyworker with a link to the family chronology. Reasons carry no personal data.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FrontDoorNoticesIntegrationTests {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired Caseloads caseloads;
  @Autowired ConcernStage concerns;
  @Autowired FrontDoor frontDoor;
  @Autowired Inbox inbox;

  AlertsWorld world;
  Contact contact;

  @BeforeAll
  void aFamilyWithThreeDomesticAbuseIncidentsHeldByKeyworker1() throws Exception {
    Api api = new Api(port);
    // Signing in makes a user known: a checker with their partner, a keyworker with their team.
    for (String user : List.of("keyworker1", "keyworker2", "police-checker", "health-checker")) {
      assertThat(api.get("/api/notifications", user).statusCode()).isEqualTo(200);
    }
    world = new AlertsWorld(jdbc).build();
    incident("da-2", LocalDate.now().minusMonths(4));
    incident("da-3", LocalDate.now().minusMonths(9));
    caseloads.assign("keyworker1", world.family, LocalDate.now().minusDays(1), null, "lead");
    Instant before = Instant.now().minusSeconds(1);

    concerns.run(UUID.randomUUID());

    contact =
        frontDoor.raisedSince(before).stream()
            .filter(c -> world.family.equals(c.familyId()))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no contact raised for " + world.family));
  }

  @Test
  @Order(1)
  void aFiredRuleTellsTheKeyworkerHoldingTheFamilyAndNoOneElse() {
    List<Inbox.Notification> mine = of("keyworker1", "CONCERN_RULE_FIRED");
    assertThat(mine).hasSize(1);
    assertThat(mine.getFirst().link()).isEqualTo("/families/" + world.family);
    assertThat(mine.getFirst().reason())
        .isEqualTo(
            "A concern rule (domestic-abuse-repeat) raised an amber front-door contact about a"
                + " family you hold");
    assertThat(of("keyworker2", "CONCERN_RULE_FIRED")).isEmpty();

    // The next night finds the same evidence: no second contact, no second notification.
    concerns.run(UUID.randomUUID());
    assertThat(of("keyworker1", "CONCERN_RULE_FIRED")).hasSize(1);
  }

  @Test
  @Order(2)
  void anOverdueCheckTellsThatPartnersCheckersOnceAndOnlyThem() {
    assertThat(contact.checks()).extracting(Contact.Check::partner).contains("police");
    // Time passes: the police check's deadline is behind us.
    jdbc.sql("update front_door_check set due_at = ? where contact_id = ? and partner = 'police'")
        .params(Timestamp.from(Instant.now().minusSeconds(60)), contact.id())
        .update();

    frontDoor.announceChecks();
    frontDoor.announceChecks();

    List<Inbox.Notification> police = of("police-checker", "CHECK_OVERDUE");
    assertThat(police).hasSize(1);
    assertThat(police.getFirst().link()).isEqualTo("/front-door/contacts/" + contact.id());
    assertThat(police.getFirst().reason())
        .startsWith("A Police check for the front door is overdue");
    assertThat(of("health-checker", "CHECK_OVERDUE")).isEmpty();
    assertThat(of("keyworker1", "CHECK_OVERDUE")).isEmpty();
  }

  @Test
  @Order(3)
  void theDecisionReachesTheHoldingKeyworkerWithALinkToTheChronology() {
    assertThat(frontDoor.decide(contact.id(), Outcome.EARLY_HELP, "Offer early help", "mash1"))
        .isInstanceOf(FrontDoor.Changed.Done.class);

    List<Inbox.Notification> mine = of("keyworker1", "FRONT_DOOR_DECISION");
    assertThat(mine).hasSize(1);
    assertThat(mine.getFirst().link()).isEqualTo("/families/" + world.family + "/chronology");
    assertThat(mine.getFirst().reason())
        .isEqualTo("The front door decided on a contact about a family you hold: Early help");
    assertThat(of("keyworker2", "FRONT_DOOR_DECISION")).isEmpty();
  }

  /** This world's entries of a kind in a user's inbox. */
  private List<Inbox.Notification> of(String user, String kind) {
    return inbox.of(user, 500).stream()
        .filter(n -> n.kind().equals(kind))
        .filter(n -> n.link().contains(world.family) || n.link().contains(contact.id().toString()))
        .toList();
  }

  private void incident(String id, LocalDate on) {
    jdbc.sql(
            """
            insert into source_event (agency, event_id, record_id, occurred_on, type, role, summary,
              sensitivity, content_hash, current, extract_id, source_file, source_line, loaded_at,
              first_extract_id)
            select agency, ? , record_id, ?, type, role, summary, sensitivity, content_hash, current,
              extract_id, source_file, source_line, loaded_at, first_extract_id
            from source_event where agency = 'POLICE' and record_id = ?
            limit 1
            """)
        .params(id + "-" + world.tag, Date.valueOf(on), "PM-" + world.tag)
        .update();
  }
}
