package org.familyview.eligibility;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.familyview.criteria.Evaluation;
import org.familyview.criteria.Evaluator;
import org.familyview.criteria.Evidence;
import org.familyview.criteria.FamilyCase;
import org.familyview.criteria.Ruleset;
import org.familyview.pipeline.PipelineStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The pipeline's {@code criteria} step: every current family evaluated against every configured
 * ruleset on the run's evaluation date, each need's result stored with its evidence, its why and
 * the ruleset version. Idempotent for a run id: a re-run deletes what the earlier attempt wrote and
 * evaluates the same day again, in one transaction, so readers see the previous run until it ends.
 */
@Component
class CriteriaStage implements PipelineStage {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private static final Logger log = LoggerFactory.getLogger(CriteriaStage.class);

  private final FamilyCases families;
  private final CriteriaResults results;
  private final CriteriaRulesets rulesets;
  private final CriteriaProperties properties;
  private final TransactionTemplate transaction;
  private final Clock clock;

  @org.springframework.beans.factory.annotation.Autowired
  CriteriaStage(
      FamilyCases families,
      CriteriaResults results,
      CriteriaRulesets rulesets,
      CriteriaProperties properties,
      TransactionTemplate transaction) {
    this(families, results, rulesets, properties, transaction, Clock.systemUTC());
  }

  CriteriaStage(
      FamilyCases families,
      CriteriaResults results,
      CriteriaRulesets rulesets,
      CriteriaProperties properties,
      TransactionTemplate transaction,
      Clock clock) {
    this.families = families;
    this.results = results;
    this.rulesets = rulesets;
    this.properties = properties;
    this.transaction = transaction;
    this.clock = clock;
  }

  @Override
  public String name() {
    return "criteria";
  }

  @Override
  public Counts run(UUID runId) {
    Counts counts = transaction.execute(status -> evaluate(runId));
    int pruned = results.prune(properties.keepRuns());
    log.info(
        "criteria run {}: {} families evaluated, {} rows written, {} old runs pruned",
        runId,
        counts.read(),
        counts.written(),
        pruned);
    return counts;
  }

  private Counts evaluate(UUID runId) {
    List<Ruleset> rules = rulesets.all();
    LocalDate today = LocalDate.now(clock.withZone(properties.zone()));
    LocalDate on = results.begin(runId, today, versionsJson(rules), Instant.now(clock));
    results.clear(runId);
    // A week's margin: the evaluator applies each window exactly; this only spares reading events
    // no rule can reach.
    LocalDate since = on.minus(longestWindow(rules)).minusDays(7);
    Map<String, Integer> eligibleWith =
        rules.stream().collect(Collectors.toMap(Ruleset::framework, Ruleset::eligibleWith));
    long read = 0;
    long written = 0;
    String after = "";
    while (true) {
      List<String> batch = families.currentFamilies(after, properties.batchSize());
      if (batch.isEmpty()) {
        break;
      }
      List<Evaluation> evaluations = new ArrayList<>();
      for (FamilyCase family : families.load(batch, since)) {
        for (Ruleset ruleset : rules) {
          evaluations.add(Evaluator.evaluate(ruleset, family, on));
        }
      }
      written += results.write(runId, evaluations, eligibleWith);
      read += batch.size();
      after = batch.getLast();
    }
    results.finish(runId, read, Instant.now(clock));
    return new Counts(read, written);
  }

  /** The earliest day any rule looks back to: events before it cannot count. */
  static Period longestWindow(List<Ruleset> rules) {
    LocalDate anchor = LocalDate.of(2000, 1, 1);
    LocalDate earliest = anchor;
    for (Ruleset r : rules) {
      for (var need : r.needs()) {
        for (Evidence e : need.evidence()) {
          LocalDate since = anchor.minus(e.within());
          earliest = since.isBefore(earliest) ? since : earliest;
        }
      }
    }
    return Period.between(earliest, anchor);
  }

  private static String versionsJson(List<Ruleset> rules) {
    Map<String, String> versions = new LinkedHashMap<>();
    rules.forEach(r -> versions.put(r.framework(), r.version()));
    return JSON.writeValueAsString(versions);
  }
}
