package org.familyview.frontdoor.rules;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.UUID;
import org.familyview.frontdoor.Contact;
import org.familyview.frontdoor.FrontDoor;
import org.familyview.frontdoor.FrontDoorProperties;
import org.familyview.pipeline.PipelineStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The pipeline's {@code concerns} step, after {@code families}: every current family evaluated
 * against every concern rule on today's date in the hub's zone; each firing raises a front-door
 * contact about the family with its evidence, unless the same rule already raised one for the
 * family on the same evidence (so a re-run of the step, or tomorrow's run, raises nothing new).
 */
@Component
public class ConcernStage implements PipelineStage {

  /** Who raised a rule's contact, in the contact and the audit trail. */
  public static final String RAISED_BY = "concern-rules";

  public static final String SOURCE = "concern-rule";

  private static final Logger log = LoggerFactory.getLogger(ConcernStage.class);
  private static final int BATCH = 500;

  private final List<ConcernRule.Ruleset> rulesets;
  private final FamilyFactsReader reader;
  private final FrontDoor frontDoor;
  private final Clock clock;
  private final java.time.ZoneId zone;

  @Autowired
  ConcernStage(FrontDoorProperties properties, FamilyFactsReader reader, FrontDoor frontDoor) {
    this(
        ConcernRules.load(properties.concerns()), reader, frontDoor, properties, Clock.systemUTC());
  }

  ConcernStage(
      List<ConcernRule.Ruleset> rulesets,
      FamilyFactsReader reader,
      FrontDoor frontDoor,
      FrontDoorProperties properties,
      Clock clock) {
    this.rulesets = List.copyOf(rulesets);
    this.reader = reader;
    this.frontDoor = frontDoor;
    this.clock = clock;
    this.zone = properties.workingHours().zone();
  }

  public static List<ConcernRule.Ruleset> load(Path folder) {
    return ConcernRules.load(folder);
  }

  public List<ConcernRule.Ruleset> rulesets() {
    return rulesets;
  }

  @Override
  public String name() {
    return "concerns";
  }

  @Override
  public Counts run(UUID runId) {
    LocalDate on = LocalDate.now(clock.withZone(zone));
    LocalDate since = on.minus(lookBack()).minusDays(7);
    long read = 0;
    long raised = 0;
    String after = "";
    while (true) {
      List<String> batch = reader.currentFamilies(after, BATCH);
      if (batch.isEmpty()) {
        break;
      }
      for (FamilyFacts family : reader.load(batch, since)) {
        raised += raise(family, on);
      }
      read += batch.size();
      after = batch.getLast();
    }
    log.info("concerns run {}: {} families evaluated, {} contacts raised", runId, read, raised);
    return new Counts(read, raised);
  }

  /** Evaluates one family and raises a contact for each new firing; the number raised. */
  int raise(FamilyFacts family, LocalDate on) {
    int raised = 0;
    for (ConcernRule.Ruleset ruleset : rulesets) {
      for (Firing f : ConcernEvaluator.evaluate(ruleset, family, on)) {
        FrontDoor.Raised r =
            frontDoor.raise(
                new FrontDoor.NewContact(
                    new Contact.Subject(Contact.Subject.Kind.FAMILY, f.familyId()),
                    SOURCE,
                    f.rule().label() + ". " + f.why(),
                    f.rule().rag()),
                RAISED_BY,
                new Contact.Fired(f.rule().id(), f.version(), f.rule().label(), f.evidence()),
                f.evidenceKey());
        if (r instanceof FrontDoor.Raised.Done) {
          raised++;
        }
      }
    }
    return raised;
  }

  /** The longest any rule or plan looks back. */
  private Period lookBack() {
    java.time.LocalDate anchor = LocalDate.of(2000, 1, 1);
    LocalDate earliest = anchor;
    for (ConcernRule.Ruleset r : rulesets) {
      LocalDate plans = anchor.minus(r.planLasts());
      earliest = plans.isBefore(earliest) ? plans : earliest;
      for (ConcernRule rule : r.rules()) {
        LocalDate since = anchor.minus(rule.within());
        earliest = since.isBefore(earliest) ? since : earliest;
      }
    }
    return Period.between(earliest, anchor);
  }
}
