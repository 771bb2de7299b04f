package org.familyview.pipeline.matching;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.familyview.matching.estimate.ModelParameters;
import org.familyview.matching.estimate.TrainingReport;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The trained models ({@code match_model}): the newest is the one every run links with until a run
 * asks for re-training. Parameters are kept in their own text format, so that the offline tools
 * read the same model.
 */
@Component
class MatchModels {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final JdbcClient jdbc;

  MatchModels(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<ModelParameters> latest() {
    return jdbc.sql("select parameters from match_model order by id desc limit 1")
        .query(String.class)
        .optional()
        .map(MatchModels::parse);
  }

  /** The model a run has already trained: a restarted run does not train a second one. */
  Optional<ModelParameters> trainedIn(UUID runId) {
    return jdbc.sql("select parameters from match_model where run_id = ? order by id desc limit 1")
        .param(runId)
        .query(String.class)
        .optional()
        .map(MatchModels::parse);
  }

  void store(TrainingReport training, UUID runId) {
    ModelParameters model = training.parameters();
    StringWriter text = new StringWriter();
    try {
      model.write(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("randomPairs", training.randomPairs());
    report.put(
        "runs",
        training.runs().stream()
            .map(
                r -> {
                  Map<String, Object> run = new LinkedHashMap<>();
                  run.put("rule", r.rule());
                  run.put("conditionedOn", r.conditionedOn());
                  run.put("pairs", r.pairs());
                  run.put("matchShare", Double.isFinite(r.matchShare()) ? r.matchShare() : null);
                  run.put("iterations", r.iterations());
                  return run;
                })
            .toList());
    report.put("prior", model.prior());
    jdbc.sql(
            "insert into match_model (version, parameters, training_report, trained_at, run_id)"
                + " values (?, ?, ?::jsonb, ?, ?)")
        .params(
            model.version(),
            text.toString(),
            JSON.writeValueAsString(report),
            Timestamp.from(trainedAt(model)),
            runId)
        .update();
  }

  private static Instant trainedAt(ModelParameters model) {
    try {
      return Instant.parse(model.trainedAt());
    } catch (RuntimeException e) {
      return Instant.now();
    }
  }

  static ModelParameters parse(String text) {
    try {
      return ModelParameters.read(new StringReader(text));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
