package org.familyview.casefile.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.familyview.access.CaseAccess;
import org.familyview.access.caseload.Caseloads;
import org.familyview.audit.trail.AuditAction;
import org.familyview.casefile.FamilyNames;
import org.familyview.portal.home.HomePanel;
import org.familyview.portal.identity.CurrentUser;
import org.familyview.portal.identity.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A safeguarding lead's caseload pages: who holds which family today, the eligible families no
 * keyworker holds, and a form to assign one (the same assignment and audit as {@code POST
 * /api/caseloads}). The lead's home panel counts the unallocated eligible families. Every list is
 * of the lead's authority's area ({@link CaseAccess#area}), and a family outside it is refused as
 * the API refuses it.
 */
@Controller
class CaseloadPages implements HomePanel {

  /** A family someone holds today. */
  record Held(String familyId, String name, String keyworker, LocalDate since) {}

  /** An eligible family nobody holds. */
  record Unallocated(String familyId, String name) {}

  private final Caseloads caseloads;
  private final FamilyNames names;
  private final JdbcClient jdbc;
  private final CaseGate gate;
  private final CaseAccess access;

  CaseloadPages(
      Caseloads caseloads, FamilyNames names, JdbcClient jdbc, CaseGate gate, CaseAccess access) {
    this.caseloads = caseloads;
    this.names = names;
    this.jdbc = jdbc;
    this.gate = gate;
    this.access = access;
  }

  @Override
  public @Nullable String fill(CurrentUser user, Model model) {
    if (!user.has(Role.SAFEGUARDING_LEAD)) {
      return null;
    }
    @Nullable Set<String> area = access.area(user);
    model.addAttribute("unallocatedCount", unallocatedIds(area).size());
    model.addAttribute("heldCount", held(area).size());
    return "casefile/home-panels :: panel";
  }

  @GetMapping("/caseloads")
  String page(Authentication who, HttpServletResponse response, Model model) {
    if (!CurrentUser.of(who).has(Role.SAFEGUARDING_LEAD)) {
      response.setStatus(403);
      model.addAttribute("why", "only safeguarding leads assign caseloads");
      model.addAttribute("fieldErrors", List.of());
      return "casefile/refused";
    }
    @Nullable Set<String> area = access.area(CurrentUser.of(who));
    List<String> unallocated = unallocatedIds(area);
    Map<String, String> named = names.of(unallocated);
    model.addAttribute(
        "unallocated", unallocated.stream().map(id -> new Unallocated(id, named.get(id))).toList());
    model.addAttribute("held", held(area));
    return "casefile/caseloads";
  }

  @PostMapping("/caseloads")
  String assign(
      @RequestParam(required = false, defaultValue = "") String keyworker,
      @RequestParam(required = false, defaultValue = "") String familyId,
      Authentication who,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model,
      RedirectAttributes redirect) {
    CurrentUser user = CurrentUser.of(who);
    var event = gate.event(who, request, AuditAction.CASELOAD_CHANGE).on("family", familyId);
    if (!user.has(Role.SAFEGUARDING_LEAD)) {
      gate.record(event.withDetail("only safeguarding leads assign caseloads").denied());
      return page(who, response, model);
    }
    List<CasePagesController.FieldError> errors = new ArrayList<>();
    if (!keyworker.strip().matches("[A-Za-z0-9._@-]{1,100}")) {
      errors.add(new CasePagesController.FieldError("keyworker", "Enter the keyworker's username"));
    }
    if (familyExists(familyId.strip()) == 0) {
      errors.add(new CasePagesController.FieldError("familyId", "Choose a family"));
    } else if (access.toFamily(user, familyId.strip()) instanceof CaseAccess.Decision.Denied no) {
      // A lead assigns only families their own authority holds, as the API says.
      gate.record(event.withDetail(no.why()).denied());
      response.setStatus(403);
      model.addAttribute("why", no.why());
      model.addAttribute("fieldErrors", List.of());
      return "casefile/refused";
    }
    if (!errors.isEmpty()) {
      response.setStatus(400);
      String page = page(who, response, model);
      model.addAttribute("fieldErrors", errors);
      errors.forEach(e -> model.addAttribute(e.field() + "Error", e.message()));
      model.addAttribute("chosenKeyworker", keyworker);
      model.addAttribute("chosenFamily", familyId);
      return page;
    }
    LocalDate today = LocalDate.now();
    caseloads.assign(keyworker.strip(), familyId.strip(), today, null, user.username());
    gate.record(event.withDetail("assigned to " + keyworker.strip() + " from " + today));
    redirect.addFlashAttribute(
        "assigned",
        names.of(familyId.strip()) + " is now on " + keyworker.strip() + "'s caseload.");
    return "redirect:/caseloads";
  }

  private int familyExists(String id) {
    return jdbc.sql("select count(*) from family where id = ? and retired_at is null")
        .param(id)
        .query(Integer.class)
        .single();
  }

  /** Families of the area (null: every family) someone holds today, by name. */
  List<Held> held(@Nullable Set<String> area) {
    List<Object[]> rows =
        jdbc.sql(
                """
                select family_id, keyworker, min(starts_on) from caseload_assignment
                where starts_on <= current_date and (ends_on is null or ends_on >= current_date)
                  and (cast(? as text[]) is null or family_id = any(cast(? as text[])))
                group by family_id, keyworker order by family_id, keyworker
                """)
            .params(array(area), array(area))
            .query(
                (rs, n) ->
                    new Object[] {rs.getString(1), rs.getString(2), rs.getDate(3).toLocalDate()})
            .list();
    Map<String, String> named = names.of(rows.stream().map(r -> (String) r[0]).distinct().toList());
    return rows.stream()
        .map(r -> new Held((String) r[0], named.get(r[0]), (String) r[1], (LocalDate) r[2]))
        .toList();
  }

  /**
   * Eligible in the latest finished criteria run (any framework), held by nobody today, in the area
   * (null: anywhere).
   */
  List<String> unallocatedIds(@Nullable Set<String> area) {
    return jdbc.sql(
            """
            select distinct e.family_id from criteria_eligibility e
            join family f on f.id = e.family_id and f.retired_at is null
            where e.eligible
              and e.run_id = (select run_id from criteria_run where finished_at is not null
                              order by finished_at desc limit 1)
              and not exists (select 1 from caseload_assignment a
                              where a.family_id = e.family_id and a.starts_on <= current_date
                                and (a.ends_on is null or a.ends_on >= current_date))
              and (cast(? as text[]) is null or e.family_id = any(cast(? as text[])))
            order by e.family_id
            limit 200
            """)
        .params(array(area), array(area))
        .query(String.class)
        .list();
  }

  private static String @Nullable [] array(@Nullable Set<String> area) {
    return area == null ? null : area.toArray(String[]::new);
  }
}
