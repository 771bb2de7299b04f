package org.familyview.review.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.familyview.linkage.MatchDecisions;
import org.familyview.matching.RecordKey;
import org.familyview.review.decision.StewardDecision;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A steward's act as the API shows it: the act, what it changed, and the constraints it wrote. */
record DecisionView(
    UUID id,
    String action,
    String status,
    @Nullable UUID taskId,
    @Nullable String personId,
    @Nullable String otherPersonId,
    List<RecordKey> records,
    @Nullable String reason,
    boolean involvesChild,
    boolean involvesPolice,
    String decidedBy,
    Instant decidedAt,
    @Nullable String approvedBy,
    @Nullable Instant approvedAt,
    @Nullable String approvalNote,
    @Nullable JsonNode result,
    @Nullable JsonNode evidence,
    List<MatchDecisions.Constraint> constraints) {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  static DecisionView of(
      StewardDecision d, List<MatchDecisions.Constraint> constraints, boolean withEvidence) {
    return new DecisionView(
        d.id(),
        d.action(),
        d.status(),
        d.reviewTaskId(),
        d.personId(),
        d.otherPersonId(),
        d.records(),
        d.reason(),
        d.involvesChild(),
        d.involvesPolice(),
        d.decidedBy(),
        d.decidedAt(),
        d.approvedBy(),
        d.approvedAt(),
        d.approvalNote(),
        d.result() == null ? null : JSON.readTree(d.result()),
        withEvidence && d.evidence() != null ? JSON.readTree(d.evidence()) : null,
        constraints);
  }
}
