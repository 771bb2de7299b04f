package org.familyview.ingest.web;

import java.util.List;
import org.familyview.extracts.PartnerId;
import org.familyview.ingest.extract.CodeCount;
import org.familyview.ingest.extract.Extract;
import org.familyview.ingest.extract.ExtractStatus;
import org.familyview.ingest.extract.IdentifierCoverage;
import org.jspecify.annotations.Nullable;

/**
 * An agency's data quality over its last extracts: what was rejected and flagged and why, how many
 * persons carry each identifier (and how many given identifiers failed their check), and the trend.
 */
record Scorecard(
    PartnerId agency,
    List<CodeCount> rejects,
    List<CodeCount> warnings,
    @Nullable Extract latest,
    List<Coverage> coverage,
    List<Extract> trend) {

  /** One identifier: held by {@code present} of {@code persons}; {@code invalid} were dropped. */
  record Coverage(String identifier, long present, long invalid, long persons) {
    public int percent() {
      return persons == 0 ? 0 : (int) Math.round(present * 100.0 / persons);
    }

    public int validPercent() {
      long given = present + invalid;
      return given == 0 ? 100 : (int) Math.round(present * 100.0 / given);
    }
  }

  static Scorecard of(
      PartnerId agency, List<CodeCount> rejects, List<CodeCount> warnings, List<Extract> trend) {
    Extract latest =
        trend.stream().filter(e -> e.status() == ExtractStatus.COMPLETED).findFirst().orElse(null);
    List<Coverage> coverage = List.of();
    if (latest != null) {
      IdentifierCoverage c = latest.coverage();
      coverage =
          List.of(
              new Coverage(
                  "Date of birth",
                  c.dateOfBirth(),
                  invalid(warnings, "date_of_birth"),
                  c.persons()),
              new Coverage("Postcode", c.postcode(), invalid(warnings, "postcode"), c.persons()),
              new Coverage(
                  "NHS number", c.nhsNumber(), invalid(warnings, "nhs_number"), c.persons()),
              new Coverage("UPN", c.upn(), invalid(warnings, "upn"), c.persons()),
              new Coverage("PNC id", c.pncId(), invalid(warnings, "pnc_id"), c.persons()));
    }
    return new Scorecard(agency, rejects, warnings, latest, coverage, trend);
  }

  private static long invalid(List<CodeCount> warnings, String field) {
    return warnings.stream()
        .filter(w -> field.equals(w.field()) && !w.code().equals("PLACEHOLDER"))
        .mapToLong(CodeCount::count)
        .sum();
  }
}
