package org.familyview.frontdoor.web;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/** A front-door request that could not be served, as the API answers it (RFC 9457). */
final class FrontDoorProblems {

  private FrontDoorProblems() {}

  static ResponseEntity<?> invalid(String title, List<String> problems) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, String.join("; ", problems));
    problem.setTitle(title);
    problem.setProperty("errors", problems);
    return ResponseEntity.badRequest().body(problem);
  }

  static ResponseEntity<?> refused(FrontDoorGate.Gated.Refused<?> refused) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(refused.status(), refused.detail());
    problem.setTitle(refused.title());
    return ResponseEntity.status(refused.status()).body(problem);
  }
}
