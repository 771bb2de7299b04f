package org.familyview.casefile.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.familyview.search.people.PersonHit;
import org.familyview.search.people.SearchOutcome;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/search?q=}: people by name, date of birth, postcode or identifier; for a
 * keyworker, people outside their caseload too, marked {@code "open": false} (see {@link
 * Searches}).
 */
@RestController
class SearchApiController {

  private final Searches searches;

  SearchApiController(Searches searches) {
    this.searches = searches;
  }

  @GetMapping("/api/search")
  ResponseEntity<?> search(
      @RequestParam(required = false) @Nullable String q,
      Authentication who,
      HttpServletRequest request) {
    return switch (searches.search(q, who, request)) {
      case Searches.Result.Refused refused -> {
        ProblemDetail problem =
            ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, refused.why());
        problem.setTitle("Forbidden");
        yield ResponseEntity.status(HttpStatus.FORBIDDEN).body(problem);
      }
      case Searches.Result.Empty empty -> {
        ProblemDetail problem =
            ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST,
                "q is required: a name, a date of birth, a postcode or an identifier");
        problem.setTitle("Empty search");
        yield ResponseEntity.badRequest().body(problem);
      }
      case Searches.Result.Searched searched ->
          switch (searched.outcome()) {
            case SearchOutcome.Found found -> {
              Map<String, Object> json = new LinkedHashMap<>();
              json.put("query", searched.query());
              json.put("total", found.total());
              // false: more than "total" match, and the count stopped there.
              json.put("totalExact", found.exact());
              json.put(
                  "results",
                  found.hits().stream()
                      .map(h -> hit(h, !searched.outside().contains(h.personId())))
                      .toList());
              yield ResponseEntity.ok(json);
            }
            case SearchOutcome.Unavailable unavailable -> {
              ProblemDetail problem =
                  ProblemDetail.forStatusAndDetail(
                      HttpStatus.SERVICE_UNAVAILABLE,
                      "Search is unavailable: "
                          + unavailable.reason()
                          + ". Person and family views still work by id.");
              problem.setTitle("Search unavailable");
              yield ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(problem);
            }
          };
    };
  }

  /**
   * One result. {@code open} false: the person is outside the reader's caseload, their family and
   * partners are withheld ({@code null} and empty), and {@code accessReasons} is where a reason for
   * access is recorded (break-glass) before {@code href} answers.
   */
  static Map<String, Object> hit(PersonHit hit, boolean open) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("personId", hit.personId());
    json.put("name", hit.name());
    json.put("dateOfBirth", hit.dateOfBirth());
    json.put("age", hit.age());
    json.put("postcodeDistrict", hit.postcodeDistrict());
    json.put("familyId", hit.familyId());
    json.put("agencies", hit.agencies());
    json.put("href", "/api/persons/" + hit.personId());
    json.put("open", open);
    if (!open) {
      json.put("accessReasons", "/api/persons/" + hit.personId() + "/access-reasons");
    }
    return json;
  }
}
