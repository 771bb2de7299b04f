package org.familyview.access.authority;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.familyview.access.caseload.OpenCases;
import org.familyview.portal.identity.CurrentUser;
import org.familyview.portal.identity.Role;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The configured authorities, and the notices of families that crossed a border: a family that
 * moved out of the reader's authority (still readable until {@code readUntil}) and one that moved
 * in. Derived at the time of asking from the households the nightly run wrote, so the list is
 * always what the access rules apply. A keyworker hears about the families on their caseload, a
 * lead about every family of their authority.
 */
@RestController
class MovedFamiliesController {

  record AuthorityView(
      String id, String name, List<String> postcodes, String movedFamilyReadPeriod) {}

  record MovedFamily(String familyId, String from, String to, LocalDate on, LocalDate readUntil) {}

  record MovedFamilies(String authority, List<MovedFamily> movedAway, List<MovedFamily> movedIn) {}

  private final Places places;
  private final StaffAuthorities staff;
  private final OpenCases caseloads;
  private final Clock clock = Clock.systemUTC();

  MovedFamiliesController(Places places, StaffAuthorities staff, OpenCases caseloads) {
    this.places = places;
    this.staff = staff;
    this.caseloads = caseloads;
  }

  @GetMapping("/api/authorities")
  List<AuthorityView> authorities() {
    return places.authorities().all().stream()
        .map(
            a ->
                new AuthorityView(
                    a.id(), a.name(), a.postcodes(), a.movedFamilyReadPeriod().toString()))
        .toList();
  }

  @GetMapping("/api/moved-families")
  @PreAuthorize("hasRole('safeguarding-lead') or hasRole('keyworker')")
  ResponseEntity<?> moved(Authentication who) {
    CurrentUser user = CurrentUser.of(who);
    Optional<String> authority = staff.of(user);
    if (authority.isEmpty()) {
      return ResponseEntity.status(HttpStatus.FORBIDDEN)
          .body(
              ProblemDetail.forStatusAndDetail(
                  HttpStatus.FORBIDDEN, "your account names no configured authority"));
    }
    Map<String, Place> all = places.authorities().isSingle() ? Map.of() : places.all();
    Set<String> caseload =
        user.has(Role.SAFEGUARDING_LEAD)
            ? all.keySet()
            : caseloads.currentFamilies(user.username());
    String mine = authority.get();
    LocalDate today = LocalDate.now(clock);
    List<MovedFamily> away =
        caseload.stream()
            .filter(f -> all.containsKey(f))
            .filter(f -> all.get(f).reachFor(mine, today) == Place.Reach.MOVED_AWAY)
            .flatMap(f -> all.get(f).latestMoveOutOf(mine).map(m -> view(f, m)).stream())
            .sorted(Comparator.comparing(MovedFamily::on).reversed())
            .toList();
    List<MovedFamily> in =
        caseload.stream()
            .filter(f -> all.containsKey(f) && all.get(f).authority().equals(mine))
            .flatMap(f -> all.get(f).latestMoveIn().map(m -> view(f, m)).stream())
            .filter(m -> m.to().equals(mine) && today.isBefore(m.readUntil()))
            .sorted(Comparator.comparing(MovedFamily::on).reversed())
            .toList();
    return ResponseEntity.ok(new MovedFamilies(mine, away, in));
  }

  private static MovedFamily view(String family, Move move) {
    return new MovedFamily(family, move.from(), move.to(), move.on(), move.readUntil());
  }
}
