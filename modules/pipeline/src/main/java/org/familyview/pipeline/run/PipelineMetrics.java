package org.familyview.pipeline.run;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.familyview.pipeline.PipelineRunFinished;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The nightly run's figures as Micrometer meters (exported at {@code /actuator/prometheus}), so an
 * operator sees a night getting slower before it misses its window:
 *
 * <ul>
 *   <li>{@code familyview.pipeline.runs{status}}: runs ended, completed or failed;
 *   <li>{@code familyview.pipeline.run.duration}: wall time of each whole run;
 *   <li>{@code familyview.pipeline.step.duration{step,status}}: wall time of each step;
 *   <li>{@code familyview.pipeline.step.read{step}} and {@code .written{step}}: the last run's
 *       counts per step (records read, pairs kept, people, families, documents indexed).
 * </ul>
 *
 * Figures only: no record, person or family is named in a meter.
 */
@Component
class PipelineMetrics {

  private final MeterRegistry meters;
  private final Function<UUID, Optional<PipelineRun>> runs;
  private final Map<String, AtomicLong> lastCounts = new ConcurrentHashMap<>();

  /**
   * The application's registry; an application without one (a module's test application) gets
   * Micrometer's global registry, which records nothing until a registry is added to it.
   */
  @Autowired
  PipelineMetrics(ObjectProvider<MeterRegistry> meters, PipelineRuns runs) {
    this(meters.getIfAvailable(() -> Metrics.globalRegistry), runs::find);
  }

  PipelineMetrics(MeterRegistry meters, Function<UUID, Optional<PipelineRun>> runs) {
    this.meters = meters;
    this.runs = runs;
  }

  @EventListener
  void on(PipelineRunFinished finished) {
    Counter.builder("familyview.pipeline.runs")
        .description("Nightly pipeline runs that ended")
        .tag("status", finished.status())
        .register(meters)
        .increment();
    runs.apply(finished.runId()).ifPresent(this::record);
  }

  private void record(PipelineRun run) {
    if (run.startedAt() != null && run.finishedAt() != null) {
      Timer.builder("familyview.pipeline.run.duration")
          .description("Wall time of a whole nightly run")
          .register(meters)
          .record(Duration.between(run.startedAt(), run.finishedAt()));
    }
    for (PipelineRun.Step step : run.steps()) {
      if (step.status().equals("PENDING") || step.status().equals("SKIPPED")) {
        continue;
      }
      Timer.builder("familyview.pipeline.step.duration")
          .description("Wall time of a pipeline step")
          .tags("step", step.name(), "status", step.status())
          .register(meters)
          .record(Duration.ofMillis(step.durationMs()));
      last(step.name(), "read").set(step.read());
      last(step.name(), "written").set(step.written());
    }
  }

  private AtomicLong last(String step, String kind) {
    return lastCounts.computeIfAbsent(
        step + "/" + kind,
        key -> {
          AtomicLong value = new AtomicLong();
          Gauge.builder("familyview.pipeline.step." + kind, value, AtomicLong::get)
              .description("The last run's " + kind + " count of a pipeline step")
              .tag("step", step)
              .register(meters);
          return value;
        });
  }
}
