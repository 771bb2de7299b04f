package org.familyview.casefile.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.familyview.casefile.Casefiles;
import org.familyview.casefile.Disputes;
import org.familyview.portal.identity.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;

/** Raising a dispute from either door: checked, raised, audited, and answered. */
record DisputeResult(HttpStatus status, String message, @Nullable String taskId) {

  static final int MIN_REASON = 10;
  static final int MAX_REASON = 2000;

  static DisputeResult raise(
      Disputes disputes,
      Casefiles.PersonCase person,
      @Nullable List<Disputes.DisputedRecord> records,
      @Nullable String reason,
      Authentication who,
      CaseGate gate,
      CaseGate.Opened.Open<Casefiles.PersonCase> open) {
    String why = reason == null ? "" : reason.strip();
    List<String> problems = problems(records, why);
    if (!problems.isEmpty()) {
      gate.record(open.audit().withDetail(String.join("; ", problems)).denied());
      return new DisputeResult(HttpStatus.BAD_REQUEST, String.join("; ", problems), null);
    }
    Disputes.Outcome outcome =
        disputes.raise(
            person, records, why, CurrentUser.of(who).username(), List.copyOf(person.familyIds()));
    return switch (outcome) {
      case Disputes.Outcome.Raised raised -> {
        gate.record(
            open.audit()
                .withDetail(
                    "dispute "
                        + raised.taskId()
                        + " on "
                        + records.stream().map(r -> r.agency() + "/" + r.recordId()).toList()
                        + ": "
                        + why));
        yield new DisputeResult(
            HttpStatus.CREATED,
            "Sent to the data stewards' queue: they will check whether these records belong to "
                + "this person.",
            raised.taskId().toString());
      }
      case Disputes.Outcome.AlreadyOpen already -> {
        gate.record(open.audit().withDetail("dispute already open").denied());
        yield new DisputeResult(
            HttpStatus.CONFLICT,
            "You have already disputed these records; the data stewards have it in their queue.",
            null);
      }
      case Disputes.Outcome.NotThisPersonsRecord not -> {
        gate.record(
            open.audit()
                .withDetail("not this person's record: " + not.agency() + "/" + not.recordId())
                .denied());
        yield new DisputeResult(
            HttpStatus.BAD_REQUEST,
            not.agency() + " record " + not.recordId() + " is not one of this person's records",
            null);
      }
    };
  }

  /** Every mistake in the request at once, so the keyworker fixes the form in one go. */
  private static List<String> problems(
      @Nullable List<Disputes.DisputedRecord> records, String why) {
    List<String> problems = new ArrayList<>();
    if (records == null || records.isEmpty()) {
      problems.add("records must name at least one {agency, recordId} of this person");
    } else if (records.stream()
        .anyMatch(r -> r == null || r.agency() == null || r.recordId() == null)) {
      problems.add("every record needs an agency and a recordId");
    }
    if (why.length() < MIN_REASON || why.length() > MAX_REASON) {
      problems.add("reason must be " + MIN_REASON + " to " + MAX_REASON + " characters");
    }
    return problems;
  }

  ResponseEntity<?> response() {
    if (taskId != null) {
      return ResponseEntity.status(status).body(Map.of("taskId", taskId, "message", message));
    }
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, message);
    problem.setTitle(status == HttpStatus.CONFLICT ? "Already disputed" : "Invalid dispute");
    return ResponseEntity.status(status).body(problem);
  }
}
