package org.familyview.review.task;

import java.util.Optional;
import org.familyview.matching.estimate.ModelParameters;
import org.jspecify.annotations.Nullable;

/**
 * Where the workbench finds the matching model to recompute a waterfall the nightly run did not
 * keep: by the version the task names, or the current model when the task names none. The pipeline,
 * which trains and keeps the models, provides it.
 */
@FunctionalInterface
public interface MatchModelSource {

  Optional<ModelParameters> model(@Nullable String version);
}
