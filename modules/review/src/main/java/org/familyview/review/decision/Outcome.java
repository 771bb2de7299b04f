package org.familyview.review.decision;

/** What became of a steward's request; translated to HTTP only at the web edge. */
public sealed interface Outcome {

  /** Applied to the people at once and written as constraints. */
  record Applied(StewardDecision decision) implements Outcome {}

  /** Four eyes: recorded, nothing applied, until a different steward approves it. */
  record AwaitingApproval(StewardDecision decision) implements Outcome {}

  /** A second steward turned the proposal down; nothing was applied. */
  record Rejected(StewardDecision decision) implements Outcome {}

  record NotFound(String detail) implements Outcome {}

  /** The task or person is no longer in a state this request can act on. */
  record Conflict(String detail) implements Outcome {}

  /** The request itself is wrong (a missing reason, a record not in the person...). */
  record Invalid(String detail) implements Outcome {}

  /** Allowed by role but not by the four-eyes rule: nobody approves their own proposal. */
  record NotAllowed(String detail) implements Outcome {}
}
