package org.familyview.pipeline;

import java.util.UUID;

/**
 * Published when a pipeline run ends, whether it completed or failed; listeners react to fresh
 * people and families (the demo world gives its keyworker a caseload, for one).
 *
 * @param status COMPLETED or FAILED
 */
public record PipelineRunFinished(UUID runId, String status) {}
