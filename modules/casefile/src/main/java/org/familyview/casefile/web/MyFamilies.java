package org.familyview.casefile.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.familyview.access.CaseAccess;
import org.familyview.access.caseload.Caseloads;
import org.familyview.audit.trail.AuditAction;
import org.familyview.casefile.FamilyNames;
import org.familyview.casefile.FamilyNews;
import org.familyview.portal.home.HomePanel;
import org.familyview.portal.identity.CurrentUser;
import org.familyview.portal.identity.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A keyworker's families: the families on their caseload today, by name, with what each partner has
 * sent since the keyworker last opened the family. The API ({@code GET /api/me/families}) and the
 * home page's panel read the same list; each read of it is audited.
 */
@RestController
class MyFamilies implements HomePanel {

  /**
   * One family on the caseload.
   *
   * @param agencies records new since the last visit, by partner (0 for a partner with records on
   *     the family and nothing new)
   */
  record MyFamily(
      String familyId, String name, int newSinceLastVisit, Map<String, Integer> agencies) {}

  private final Caseloads caseloads;
  private final FamilyNames names;
  private final FamilyNews news;
  private final CaseGate gate;
  private final CaseAccess access;

  MyFamilies(
      Caseloads caseloads, FamilyNames names, FamilyNews news, CaseGate gate, CaseAccess access) {
    this.caseloads = caseloads;
    this.names = names;
    this.news = news;
    this.gate = gate;
    this.access = access;
  }

  @GetMapping("/api/me/families")
  ResponseEntity<?> mine(Authentication who, HttpServletRequest request) {
    CurrentUser user = CurrentUser.of(who);
    var event = gate.event(who, request, AuditAction.FAMILY_VIEW).on("caseload", user.username());
    if (!user.has(Role.KEYWORKER)) {
      gate.record(event.withDetail("only keyworkers hold a caseload").denied());
      return ResponseEntity.status(HttpStatus.FORBIDDEN)
          .body(
              ProblemDetail.forStatusAndDetail(
                  HttpStatus.FORBIDDEN, "only keyworkers hold a caseload"));
    }
    List<MyFamily> families = families(user);
    gate.record(event.withDetail("my families: " + families.size()));
    return ResponseEntity.ok(families);
  }

  @Override
  public @Nullable String fill(CurrentUser user, Model model) {
    if (!user.has(Role.KEYWORKER)) {
      return null;
    }
    // The page's own request is audited by the home page's request audit; the list is the same
    // as the API's.
    model.addAttribute("myFamilies", families(user));
    return "casefile/home-panels :: keyworker";
  }

  /**
   * The keyworker's caseload that they can open: with several authorities, a family that moved out
   * of theirs longer ago than the read period stays on the caseload until a lead ends it, but is no
   * longer listed (opening it would be refused).
   */
  List<MyFamily> families(CurrentUser user) {
    String username = user.username();
    java.util.Set<String> reachable = access.searchableFamilies(user);
    List<String> ids =
        new ArrayList<>(
            caseloads.currentFamilies(username).stream()
                .filter(f -> reachable == null || reachable.contains(f))
                .sorted()
                .toList());
    Map<String, String> named = names.of(ids);
    Map<String, Map<String, Integer>> fresh = news.sinceLastVisit(username, ids);
    List<MyFamily> families = new ArrayList<>();
    for (String id : ids) {
      Map<String, Integer> byAgency = fresh.getOrDefault(id, Map.of());
      families.add(
          new MyFamily(
              id,
              named.get(id),
              byAgency.values().stream().mapToInt(Integer::intValue).sum(),
              byAgency));
    }
    families.sort(
        java.util.Comparator.comparing(MyFamily::newSinceLastVisit)
            .reversed()
            .thenComparing(MyFamily::name));
    return families;
  }
}
