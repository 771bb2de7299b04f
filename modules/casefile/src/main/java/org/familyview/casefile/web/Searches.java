package org.familyview.casefile.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;
import org.familyview.access.CaseAccess;
import org.familyview.audit.trail.AuditAction;
import org.familyview.audit.trail.AuditEvent;
import org.familyview.portal.identity.CurrentUser;
import org.familyview.search.people.PeopleSearch;
import org.familyview.search.people.SearchOutcome;
import org.familyview.search.people.Visibility;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * The keyworker's search, for both doors: the reader's visibility comes from {@code CaseAccess}
 * (leads everyone, keyworkers their caseload's families, everyone else nothing) and is a filter
 * inside the Elasticsearch query; every search is audited with its query.
 */
@Component
class Searches {

  static final int PAGE = 25;

  sealed interface Result {
    record Searched(String query, SearchOutcome outcome) implements Result {}

    record Refused(String why) implements Result {}

    record Empty() implements Result {}
  }

  private final PeopleSearch search;
  private final CaseAccess access;
  private final CaseGate gate;
  private final org.familyview.access.caseload.Caseloads caseloads;

  Searches(
      PeopleSearch search,
      CaseAccess access,
      CaseGate gate,
      org.familyview.access.caseload.Caseloads caseloads) {
    this.caseloads = caseloads;
    this.search = search;
    this.access = access;
    this.gate = gate;
  }

  /**
   * A keyworker's caseload plus the families a live break-glass grant opens to them, so that a
   * search after recording a reason finds what the grant allows. A grant on one person does not
   * widen the search to their family: it opens that person only.
   */
  private Set<String> withGrants(Set<String> caseload, String username) {
    Set<String> families = new java.util.HashSet<>(caseload);
    caseloads.liveGrants(username).stream()
        .filter(g -> "family".equals(g.targetType()))
        .forEach(g -> families.add(g.targetId()));
    return families;
  }

  Result search(@Nullable String q, Authentication who, HttpServletRequest request) {
    CurrentUser user = CurrentUser.of(who);
    String query = q == null ? "" : q.strip();
    AuditEvent event = gate.event(who, request, AuditAction.SEARCH).withDetail("q=" + query);
    if (!CaseGate.mayReadCases(user)) {
      gate.record(event.denied());
      return new Result.Refused(CaseGate.NO_CASE_ROLE);
    }
    if (query.isEmpty()) {
      return new Result.Empty();
    }
    Set<String> families = access.searchableFamilies(user);
    Visibility visibility =
        families == null
            ? new Visibility.Everyone()
            : new Visibility.Families(withGrants(families, user.username()));
    SearchOutcome outcome = search.search(query, visibility, PAGE);
    gate.record(
        event.withDetail(
            "q="
                + query
                + switch (outcome) {
                  case SearchOutcome.Found found -> " -> " + found.total() + " results";
                  case SearchOutcome.Unavailable unavailable -> " -> unavailable";
                }));
    return new Result.Searched(query, outcome);
  }
}
