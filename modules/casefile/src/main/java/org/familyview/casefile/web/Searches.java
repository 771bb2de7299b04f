package org.familyview.casefile.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.familyview.access.CaseAccess;
import org.familyview.access.caseload.Caseloads;
import org.familyview.audit.trail.AuditAction;
import org.familyview.audit.trail.AuditEvent;
import org.familyview.portal.identity.CurrentUser;
import org.familyview.portal.identity.Role;
import org.familyview.search.people.PeopleSearch;
import org.familyview.search.people.PersonHit;
import org.familyview.search.people.SearchOutcome;
import org.familyview.search.people.Visibility;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * The keyworker's search, for both doors. A reader finds people wherever break-glass could open
 * them (the whole area of their authority, as {@code CaseAccess.area} says; leads their area as
 * before), so that a keyworker can start break-glass from a result rather than by typing a
 * reference. A result on their caseload, or opened by a live grant, is shown in full; any other
 * result is {@linkplain Hits#outside outside}: only enough to recognise the person (name, date of
 * birth, postcode district), its family and partners withheld, and listed after the open ones.
 * Visibility is a filter inside the Elasticsearch query; every search is audited with its query and
 * how many results were outside, and every refusal too.
 */
@Component
class Searches {

  static final int PAGE = 25;

  sealed interface Result {
    /**
     * @param outside the person ids found that the reader must record a reason to open
     */
    record Searched(String query, SearchOutcome outcome, Set<String> outside) implements Result {
      public Searched {
        outside = Set.copyOf(outside);
      }
    }

    record Refused(String why) implements Result {}

    record Empty() implements Result {}
  }

  private final PeopleSearch search;
  private final CaseAccess access;
  private final CaseGate gate;
  private final Caseloads caseloads;

  Searches(PeopleSearch search, CaseAccess access, CaseGate gate, Caseloads caseloads) {
    this.caseloads = caseloads;
    this.search = search;
    this.access = access;
    this.gate = gate;
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
    Hits hits = hits(user);
    Result.Searched searched = hits.sort(query, search.search(query, hits.findable(), PAGE));
    gate.record(
        event.withDetail("q=" + query + summary(searched.outcome(), searched.outside().size())));
    return searched;
  }

  private static String summary(SearchOutcome outcome, int outside) {
    return switch (outcome) {
      case SearchOutcome.Found found ->
          " -> " + found.total() + " results" + (outside == 0 ? "" : ", " + outside + " outside");
      case SearchOutcome.Unavailable unavailable -> " -> unavailable";
    };
  }

  /** What this reader finds, and which of it is open to them without a reason. */
  private Hits hits(CurrentUser user) {
    Set<String> searchable = access.searchableFamilies(user);
    if (searchable == null) {
      return Hits.allOpen(new Visibility.Everyone());
    }
    if (!user.has(Role.KEYWORKER) || user.has(Role.SAFEGUARDING_LEAD)) {
      return Hits.allOpen(new Visibility.Families(searchable));
    }
    Set<String> area = access.area(user);
    Set<String> openFamilies = new HashSet<>(searchable);
    Set<String> openPersons = new HashSet<>();
    for (Caseloads.Grant grant : caseloads.liveGrants(user.username())) {
      switch (grant.targetType()) {
        // A grant on a family that has since left the area opens nothing: the gate would refuse.
        case "family" -> {
          if (area == null || area.contains(grant.targetId())) {
            openFamilies.add(grant.targetId());
          }
        }
        case "person" -> openPersons.add(grant.targetId());
        default -> {}
      }
    }
    Visibility findable = area == null ? new Visibility.Everyone() : new Visibility.Families(area);
    return new Hits(findable, openFamilies, openPersons, false);
  }

  /**
   * A keyworker's two circles: what they find (where break-glass could reach) and what is open to
   * them (caseload and live grants). A grant on one person opens that person only, not their
   * family.
   */
  record Hits(
      Visibility findable, Set<String> openFamilies, Set<String> openPersons, boolean everyOpen) {

    static Hits allOpen(Visibility visibility) {
      return new Hits(visibility, Set.of(), Set.of(), true);
    }

    boolean open(PersonHit hit) {
      return everyOpen
          || openPersons.contains(hit.personId())
          || (hit.familyId() != null && openFamilies.contains(hit.familyId()));
    }

    /**
     * The open results first; of the others only what recognises the person, nothing more, and
     * their ids among the outside ones.
     */
    Result.Searched sort(String query, SearchOutcome outcome) {
      if (everyOpen || !(outcome instanceof SearchOutcome.Found found)) {
        return new Result.Searched(query, outcome, Set.of());
      }
      List<PersonHit> sorted = new ArrayList<>();
      List<PersonHit> outside = new ArrayList<>();
      for (PersonHit hit : found.hits()) {
        if (open(hit)) {
          sorted.add(hit);
        } else {
          outside.add(outside(hit));
        }
      }
      sorted.addAll(outside);
      return new Result.Searched(
          query,
          new SearchOutcome.Found(sorted, found.total(), found.exact()),
          outside.stream().map(PersonHit::personId).collect(Collectors.toSet()));
    }

    private static PersonHit outside(PersonHit hit) {
      return new PersonHit(
          hit.personId(),
          hit.name(),
          hit.dateOfBirth(),
          hit.age(),
          hit.postcodeDistrict(),
          null,
          List.of(),
          hit.score());
    }
  }
}
