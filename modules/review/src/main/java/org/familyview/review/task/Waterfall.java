package org.familyview.review.task;

import java.util.ArrayList;
import java.util.List;
import org.familyview.matching.explain.Explanation;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The match weight of a pair as a waterfall: the prior, then each comparison's level and what it
 * added, with the running total (Fellegi and Sunter 1969; docs/matching.md section 7).
 *
 * @param source {@code task} (kept by the run that raised the task) or {@code recomputed} (by the
 *     matching library's explainer, from today's records)
 * @param note what a steward should know about how it was made
 */
public record Waterfall(
    String source,
    @Nullable String modelVersion,
    double prior,
    List<Step> steps,
    double matchWeight,
    double matchProbability,
    @Nullable String decision,
    @Nullable String rule,
    @Nullable String note) {

  public Waterfall {
    steps = List.copyOf(steps);
  }

  /** One comparison's part; {@code running} is the total after it. */
  public record Step(
      String comparison,
      String level,
      double weight,
      double termFrequencyAdjustment,
      double running,
      @Nullable Double m,
      @Nullable Double u) {

    public double total() {
      return weight + termFrequencyAdjustment;
    }
  }

  public static Waterfall of(Explanation e, String source, @Nullable String note) {
    List<Step> steps = new ArrayList<>();
    double running = e.priorWeight();
    for (Explanation.Contribution c : e.contributions()) {
      running += c.weight() + c.termFrequencyAdjustment();
      steps.add(
          new Step(
              c.comparison(),
              c.levelDescription(),
              c.weight(),
              c.termFrequencyAdjustment(),
              running,
              c.m(),
              c.u()));
    }
    return new Waterfall(
        source,
        e.modelVersion(),
        e.priorWeight(),
        steps,
        e.matchWeight(),
        e.matchProbability(),
        e.decision().name(),
        e.rule().isEmpty() ? null : e.rule(),
        note);
  }

  /**
   * A waterfall the nightly run kept in the task's detail: an {@link Explanation} as JSON, under
   * {@code explanation} or {@code waterfall}, or the detail itself. Null when there is none.
   */
  public static @Nullable Waterfall fromDetail(@Nullable JsonNode detail) {
    if (detail == null || detail.isNull()) {
      return null;
    }
    JsonNode e = detail;
    for (String name : List.of("explanation", "waterfall")) {
      if (detail.has(name) && detail.get(name).isObject()) {
        e = detail.get(name);
      }
    }
    JsonNode contributions =
        e.has("contributions") ? e.get("contributions") : e.has("steps") ? e.get("steps") : null;
    if (contributions == null || !contributions.isArray()) {
      return null;
    }
    double prior = number(e, "priorWeight", number(e, "prior", 0));
    double running = prior;
    List<Step> steps = new ArrayList<>();
    for (JsonNode c : contributions) {
      double weight = number(c, "weight", 0);
      double tf = number(c, "termFrequencyAdjustment", 0);
      running += weight + tf;
      steps.add(
          new Step(
              text(c, "comparison", "?"),
              text(c, "levelDescription", text(c, "level", "")),
              weight,
              tf,
              running,
              c.has("m") ? c.get("m").asDouble() : null,
              c.has("u") ? c.get("u").asDouble() : null));
    }
    return new Waterfall(
        "task",
        e.has("modelVersion") ? e.get("modelVersion").asString() : null,
        prior,
        steps,
        number(e, "matchWeight", running),
        number(e, "matchProbability", Math.pow(2, running) / (1 + Math.pow(2, running))),
        e.has("decision") ? e.get("decision").asString() : null,
        e.has("rule") && !e.get("rule").asString().isEmpty() ? e.get("rule").asString() : null,
        "as the nightly run scored it");
  }

  private static double number(JsonNode node, String name, double otherwise) {
    JsonNode value = node.get(name);
    return value == null || !value.isNumber() ? otherwise : value.asDouble();
  }

  private static String text(JsonNode node, String name, String otherwise) {
    JsonNode value = node.get(name);
    return value == null || value.isNull() ? otherwise : value.asString();
  }
}
