package org.familyview.eligibility;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.familyview.access.EventDisclosure;
import org.familyview.access.Sensitivity;
import org.familyview.criteria.Ruleset;
import org.familyview.extracts.EventType;
import org.familyview.extracts.Vocabulary;
import org.familyview.portal.identity.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The stored results as a viewer may read them. Evidence goes through the same disclosure rule as
 * the chronology: an entry the viewer may not read keeps its place, agency and date, and says whom
 * to ask; and a need whose why would name such an entry's kind says only that it rests on entries
 * the viewer cannot read, since "contact with a drug or alcohol service: 2 events" is itself the
 * restricted fact.
 */
@Component
class CriteriaViews {

  record FamilyCriteria(
      String familyId,
      @Nullable UUID runId,
      @Nullable LocalDate evaluatedOn,
      List<FrameworkView> frameworks) {}

  record FrameworkView(
      String framework,
      String name,
      String version,
      boolean eligible,
      int needsMet,
      int eligibleWith,
      String why,
      List<NeedView> needs) {}

  record NeedView(String id, String label, boolean met, String why, List<EvidenceView> evidence) {}

  /**
   * One evidencing event. When {@code redacted} is set, only the id, agency, date and the notice
   * are given.
   */
  record EvidenceView(
      String id,
      String agency,
      @Nullable String type,
      @Nullable String label,
      @Nullable LocalDate occurredOn,
      @Nullable String role,
      @Nullable String personId,
      @Nullable String summary,
      @Nullable String redacted) {}

  record EligibleFamily(String familyId, int needsMet, String why, List<NeedView> needs) {}

  record EligibleList(
      String framework,
      String name,
      String version,
      @Nullable UUID runId,
      @Nullable LocalDate evaluatedOn,
      int eligibleWith,
      long total,
      int page,
      int size,
      List<EligibleFamily> families) {}

  private final CriteriaResults results;
  private final FamilyCases families;
  private final CriteriaRulesets rulesets;
  private final EventDisclosure disclosure;

  CriteriaViews(
      CriteriaResults results,
      FamilyCases families,
      CriteriaRulesets rulesets,
      EventDisclosure disclosure) {
    this.results = results;
    this.families = families;
    this.rulesets = rulesets;
    this.disclosure = disclosure;
  }

  /** The rulesets the views are read under. */
  CriteriaRulesets rulesets() {
    return rulesets;
  }

  /** Empty when there is no such family. */
  Optional<FamilyCriteria> family(String familyId, Set<Role> viewer) {
    if (!families.exists(familyId)) {
      return Optional.empty();
    }
    Optional<CriteriaResults.Run> run = results.latest();
    if (run.isEmpty()) {
      return Optional.of(new FamilyCriteria(familyId, null, null, List.of()));
    }
    List<CriteriaResults.FamilyResult> found = results.family(run.get().runId(), familyId);
    Map<String, EvidenceEvent> events = events(found);
    return Optional.of(
        new FamilyCriteria(
            familyId,
            run.get().runId(),
            run.get().evaluatedOn(),
            found.stream().map(r -> framework(r, events, viewer, false)).toList()));
  }

  /** A page of eligible families; {@code within}: only these (the reader's authority), null all. */
  EligibleList eligible(
      Ruleset ruleset, int page, int size, Set<Role> viewer, @Nullable Set<String> within) {
    Optional<CriteriaResults.Run> run = results.latest();
    if (run.isEmpty()) {
      return new EligibleList(
          ruleset.framework(),
          ruleset.name(),
          ruleset.version(),
          null,
          null,
          ruleset.eligibleWith(),
          0,
          page,
          size,
          List.of());
    }
    UUID runId = run.get().runId();
    List<CriteriaResults.FamilyResult> found =
        results.eligible(runId, ruleset.framework(), page, size, within);
    Map<String, EvidenceEvent> events = events(found);
    List<EligibleFamily> list =
        found.stream()
            .map(
                r -> {
                  FrameworkView view = framework(r, events, viewer, true);
                  return new EligibleFamily(r.familyId(), r.needsMet(), r.why(), view.needs());
                })
            .toList();
    String version = found.isEmpty() ? ruleset.version() : found.getFirst().version();
    return new EligibleList(
        ruleset.framework(),
        ruleset.name(),
        version,
        runId,
        run.get().evaluatedOn(),
        ruleset.eligibleWith(),
        results.eligibleCount(runId, ruleset.framework(), within),
        page,
        size,
        list);
  }

  /** The evidence lines of a batch of results, for the pack. */
  Map<String, EvidenceEvent> events(List<CriteriaResults.FamilyResult> found) {
    Set<String> ids = new HashSet<>();
    found.forEach(r -> r.needs().forEach(n -> ids.addAll(n.evidence())));
    return families.events(ids);
  }

  FrameworkView framework(
      CriteriaResults.FamilyResult r,
      Map<String, EvidenceEvent> events,
      Set<Role> viewer,
      boolean metOnly) {
    String name = rulesets.framework(r.framework()).map(Ruleset::name).orElse(r.framework());
    List<NeedView> needs =
        r.needs().stream()
            .filter(n -> !metOnly || n.met())
            .map(n -> need(n, events, viewer))
            .toList();
    return new FrameworkView(
        r.framework(),
        name,
        r.version(),
        r.eligible(),
        r.needsMet(),
        r.eligibleWith(),
        r.why(),
        needs);
  }

  private NeedView need(
      CriteriaResults.NeedRow n, Map<String, EvidenceEvent> events, Set<Role> viewer) {
    List<EvidenceView> evidence =
        n.evidence().stream().map(id -> evidence(id, events.get(id), viewer)).toList();
    long hidden = evidence.stream().filter(e -> e.redacted() != null).count();
    String why = n.why();
    if (hidden > 0) {
      why =
          (n.met() ? "Met" : "Not met")
              + " on "
              + evidence.size()
              + (evidence.size() == 1 ? " entry" : " entries")
              + ", "
              + hidden
              + " of which you may not read; the agency named on each can explain it.";
    }
    return new NeedView(n.id(), n.label(), n.met(), why, evidence);
  }

  EvidenceView evidence(String id, @Nullable EvidenceEvent event, Set<Role> viewer) {
    String agency = id.substring(0, Math.max(0, id.indexOf('/')));
    if (event == null) {
      // Withdrawn by its agency since the run: say so rather than drop it from the evidence.
      return new EvidenceView(
          id, agency, null, null, null, null, null, null, "no longer in the " + agency + " data");
    }
    // Events are stored under the agency's upper-case name (POLICE); the sharing agreements are
    // keyed by its code (police). Asked with the stored name, no agreement is found and every
    // piece of evidence would be redacted for everyone.
    EventDisclosure.Outcome outcome =
        disclosure.decide(
            event.agency().toLowerCase(Locale.ROOT),
            event.type(),
            Sensitivity.of(event.sensitivity()),
            viewer);
    if (outcome instanceof EventDisclosure.Outcome.Redacted redacted) {
      return new EvidenceView(
          id, event.agency(), null, null, event.occurredOn(), null, null, null, redacted.notice());
    }
    String label =
        Vocabulary.standard().byCode(event.type()).map(EventType::label).orElse(event.type());
    return new EvidenceView(
        id,
        event.agency(),
        event.type(),
        label,
        event.occurredOn(),
        event.role(),
        event.personId(),
        event.summary(),
        null);
  }
}
