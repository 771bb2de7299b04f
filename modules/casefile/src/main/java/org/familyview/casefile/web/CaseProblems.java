package org.familyview.casefile.web;

import java.net.URI;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/** A case read that could not be served, as the API answers it (RFC 9457 problem details). */
final class CaseProblems {

  private CaseProblems() {}

  static ResponseEntity<?> badFilter(Filters.Parsed filter) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.BAD_REQUEST, String.join("; ", filter.errors()));
    problem.setTitle("Invalid chronology filter");
    return ResponseEntity.badRequest().body(problem);
  }

  static ResponseEntity<?> closed(CaseGate.Opened.Closed<?> closed) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(closed.status(), closed.detail());
    problem.setTitle(closed.title());
    return ResponseEntity.status(closed.status()).body(problem);
  }

  /** A retired id answers 410 with the persons its records now belong to. */
  static ResponseEntity<?> moved(CaseGate.Opened.Moved<?> moved) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.GONE,
            "person "
                + moved.id()
                + " was retired (merged or split); its records now belong to the persons listed");
    problem.setTitle("Person id retired");
    problem.setProperty(
        "successors",
        moved.successors().stream()
            .map(
                s ->
                    Map.of(
                        "personId",
                        s.personId(),
                        "kind",
                        s.kind(),
                        "at",
                        s.at().toString(),
                        "href",
                        "/api/persons/" + s.personId()))
            .toList());
    if (moved.successors().size() == 1) {
      return ResponseEntity.status(HttpStatus.GONE)
          .location(URI.create("/api/persons/" + moved.successors().getFirst().personId()))
          .body(problem);
    }
    return ResponseEntity.status(HttpStatus.GONE).body(problem);
  }
}
