package org.familyview.eligibility;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.familyview.criteria.Ruleset;
import org.familyview.portal.identity.Role;
import org.familyview.portal.web.SpreadsheetCells;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The evidence pack of a framework for audit: one CSV row per evidencing event of every met need of
 * every eligible family in the latest run, with the ruleset version and the why, so an auditor can
 * trace each claim to the agency's record. Summaries are left out (the event id leads to them);
 * entries the requester may not read carry the disclosure notice instead of their type. Every cell
 * is neutralised against formula injection by the one rule CSV downloads share.
 */
@Component
class EvidencePack {

  static final String[] HEADER = {
    "family_id",
    "framework",
    "ruleset_version",
    "run_id",
    "evaluated_on",
    "needs_met",
    "need_id",
    "need",
    "why",
    "event_id",
    "agency",
    "event_type",
    "occurred_on",
    "person_id",
    "role",
    "disclosure"
  };

  private final CriteriaResults results;
  private final CriteriaViews views;

  EvidencePack(CriteriaResults results, CriteriaViews views) {
    this.results = results;
    this.views = views;
  }

  /** The latest finished criteria run, the one a pack is written from; none before the first. */
  Optional<CriteriaResults.Run> latestRun() {
    return results.latest();
  }

  /** Writes the pack; returns how many families it holds. */
  long write(
      Ruleset ruleset, UUID runId, Set<Role> viewer, @Nullable Set<String> within, Writer out)
      throws IOException {
    CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180);
    csv.printRecord((Object[]) HEADER);
    long[] count = {0};
    results.eachEligible(
        runId,
        ruleset.framework(),
        within,
        family -> {
          count[0]++;
          Map<String, EvidenceEvent> events = views.events(List.of(family));
          CriteriaViews.FrameworkView view = views.framework(family, events, viewer, true);
          for (CriteriaViews.NeedView need : view.needs()) {
            for (CriteriaViews.EvidenceView e : need.evidence()) {
              row(
                  csv,
                  family.familyId(),
                  family.framework(),
                  family.version(),
                  runId.toString(),
                  family.evaluatedOn().toString(),
                  Integer.toString(family.needsMet()),
                  need.id(),
                  need.label(),
                  need.why(),
                  e.id(),
                  e.agency(),
                  e.type() == null ? "" : e.type(),
                  e.occurredOn() == null ? "" : e.occurredOn().toString(),
                  e.personId() == null ? "" : e.personId(),
                  e.role() == null ? "" : e.role(),
                  e.redacted() == null ? "shown" : e.redacted());
            }
          }
        });
    csv.flush();
    return count[0];
  }

  private static void row(CSVPrinter csv, String... cells) {
    Object[] safe = new Object[cells.length];
    for (int i = 0; i < cells.length; i++) {
      safe[i] = SpreadsheetCells.neutralise(cells[i]);
    }
    try {
      csv.printRecord(safe);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
