package org.familyview.review.decision;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.familyview.linkage.MatchDecisions;
import org.familyview.matching.RecordKey;
import org.jspecify.annotations.Nullable;

/**
 * One act of a data steward (V15 {@code review_decision}): who, when, why, on what evidence, and
 * what it changed. {@code evidence} and {@code result} are JSON text.
 *
 * @param action MATCH, NO_MATCH, SPLIT, MERGE or UNMERGE
 * @param status AWAITING_APPROVAL (four eyes, nothing applied yet), APPLIED or REJECTED
 */
public record StewardDecision(
    UUID id,
    String action,
    String status,
    @Nullable UUID reviewTaskId,
    @Nullable String personId,
    @Nullable String otherPersonId,
    List<RecordKey> records,
    boolean together,
    @Nullable String reason,
    boolean involvesChild,
    boolean involvesPolice,
    @Nullable String evidence,
    @Nullable String result,
    String decidedBy,
    Instant decidedAt,
    @Nullable String approvedBy,
    @Nullable Instant approvedAt,
    @Nullable String approvalNote,
    @Nullable Instant appliedAt) {

  public StewardDecision {
    records = List.copyOf(records);
  }

  /** A decision applied at once, by one steward, with no second approval. */
  static StewardDecision applied(
      StewardActs.Act act, MatchDecisions.Context context, String result) {
    return of(act, context, "APPLIED", act.together(), result, context.at());
  }

  /**
   * A MATCH or merge that touches a child or police-held records: nothing is applied until a second
   * steward approves it.
   */
  static StewardDecision pending(StewardActs.Act act, MatchDecisions.Context context) {
    return of(act, context, "AWAITING_APPROVAL", true, null, null);
  }

  private static StewardDecision of(
      StewardActs.Act act,
      MatchDecisions.Context context,
      String status,
      boolean together,
      @Nullable String result,
      @Nullable Instant appliedAt) {
    return new StewardDecision(
        context.reviewDecisionId(),
        act.action(),
        status,
        context.reviewTaskId(),
        act.personId(),
        act.otherPersonId(),
        act.records(),
        together,
        context.reason(),
        act.flags().child(),
        act.flags().police(),
        context.evidence(),
        result,
        context.decidedBy(),
        context.at(),
        null,
        null,
        null,
        appliedAt);
  }

  public boolean awaitingApproval() {
    return "AWAITING_APPROVAL".equals(status);
  }

  /** Why a second steward must approve it, in words. */
  public String fourEyesReason() {
    if (involvesChild && involvesPolice) {
      return "a child and police-held records";
    }
    return involvesChild ? "a child" : involvesPolice ? "police-held records" : "";
  }
}
