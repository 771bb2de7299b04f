package org.familyview.pipeline.matching;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.familyview.linkage.MatchDecisions;
import org.familyview.matching.Constraints;
import org.familyview.matching.Linkage;
import org.familyview.matching.Matcher;
import org.familyview.matching.MatchingConfig;
import org.familyview.matching.SourceRecord;
import org.familyview.matching.estimate.ModelParameters;
import org.familyview.pipeline.PipelineStage;
import org.familyview.pipeline.run.PipelineRuns;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Links every current source record afresh each night (a full re-link, see docs/matching.md, "The
 * nightly run"), with the stored model, or a newly trained one on the first run and when the run
 * asks for re-training, and the stewards' decisions as hard constraints.
 */
@Component
class MatchingStage implements PipelineStage {

  private static final Logger log = LoggerFactory.getLogger(MatchingStage.class);

  private final SourceRecords sources;
  private final MatchModels models;
  private final MatchDecisions decisions;
  private final MatchOutput output;
  private final PipelineRuns runs;
  private final Matcher linker;

  MatchingStage(
      SourceRecords sources,
      MatchModels models,
      MatchDecisions decisions,
      MatchOutput output,
      PipelineRuns runs,
      MatchingConfig config) {
    this.linker = Matcher.of(config);
    this.sources = sources;
    this.models = models;
    this.decisions = decisions;
    this.output = output;
    this.runs = runs;
  }

  @Override
  public String name() {
    return "matching";
  }

  /**
   * The stored model, unless the matcher's comparisons have changed since it was trained (a level
   * added in an upgrade): the night then trains a new one rather than fail.
   */
  private Optional<ModelParameters> fitting(Optional<ModelParameters> stored) {
    if (stored.isPresent() && !linker.fits(stored.get())) {
      log.warn(
          "Stored model {} was trained on other comparisons than this version's; training a new"
              + " one",
          stored.get().version());
      return Optional.empty();
    }
    return stored;
  }

  @Override
  public Counts run(UUID runId) {
    List<SourceRecord> records = sources.current();
    if (records.isEmpty()) {
      output.clear(runId);
      return new Counts(0, 0);
    }
    Optional<ModelParameters> model =
        models
            .trainedIn(runId)
            .or(() -> runs.retrainRequested(runId) ? Optional.empty() : fitting(models.latest()));
    if (records.size() < 2 && model.isEmpty()) {
      // One record has nothing to be matched with, and no model can be trained from it: it is a
      // person on its own until a second record arrives (a first extract of one row is valid).
      output.writeUnpaired(runId, records);
      return new Counts(records.size(), 0);
    }
    Constraints constraints = decisions.constraints();
    Linkage linkage =
        linker.link(
            records,
            model.orElse(null),
            constraints,
            message -> log.debug("Pipeline run {} matching: {}", runId, message));
    if (linkage.training() != null) {
      models.store(linkage.training(), runId);
    }
    String version = linkage.scorer().parameters().version();
    runs.modelUsed(runId, version);
    long written = output.write(runId, linkage, version);
    log.info(
        "Pipeline run {}: {} records, {} candidate pairs, {} kept pairs, model {}{}; {} pairs"
            + " handed to clustering",
        runId,
        records.size(),
        linkage.candidatePairs(),
        linkage.keptPairCount(),
        version,
        linkage.training() != null ? " (newly trained)" : "",
        written);
    return new Counts(records.size(), written);
  }
}
