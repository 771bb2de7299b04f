package org.familyview.portal.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.familyview.audit.read.AuditScope;
import org.familyview.audit.report.StaffRegister;
import org.familyview.audit.report.UnusualAccessReports;
import org.springframework.stereotype.Component;

/** Runs a report with the configured thresholds; the web edge (API and page) renders it. */
@Component
class AuditReports {

  /**
   * @param rows the report's rows, newest or most significant first
   * @param notes what the auditor must know to read the rows, e.g. that the staff register is
   *     missing
   */
  record Result(
      String report, String title, Instant from, Instant to, List<?> rows, List<String> notes) {}

  private final UnusualAccessReports reports;
  private final AuditReportProperties properties;

  AuditReports(UnusualAccessReports reports, AuditReportProperties properties) {
    this.reports = reports;
    this.properties = properties;
  }

  /** The report over the entries within the auditor's scope; the notes say which those are. */
  Result run(Report report, Instant from, Instant to, AuditScope scope) {
    Result result = report(report, from, to, scope);
    if (scope.everything()) {
      return result;
    }
    List<String> notes = new ArrayList<>(result.notes());
    notes.add(
        "Entries of "
            + (scope.authority() == null || scope.authority().isEmpty()
                ? "no authority"
                : scope.authority())
            + "'s staff only"
            + (java.util.Objects.equals(scope.authority(), scope.unrecordedAs())
                ? ", with entries that name no authority (jobs, uploads, entries made before"
                    + " authorities were configured)."
                : "."));
    return new Result(result.report(), result.title(), from, to, result.rows(), notes);
  }

  private Result report(Report report, Instant from, Instant to, AuditScope scope) {
    return switch (report) {
      case OUT_OF_CASELOAD ->
          result(report, from, to, reports.outOfCaseload(from, to, scope), List.of());
      case MANY_VIEWS ->
          result(
              report,
              from,
              to,
              reports.manyViews(
                  from, to, properties.manyViewsThreshold(), properties.manyViewsWindow(), scope),
              List.of(
                  "More than "
                      + properties.manyViewsThreshold()
                      + " person, family, chronology reads or searches within "
                      + properties.manyViewsWindow().toMinutes()
                      + " minutes."));
      case SHARED_SURNAME_AND_POSTCODE -> sharedSurnameAndPostcode(from, to, scope);
    };
  }

  private Result sharedSurnameAndPostcode(Instant from, Instant to, AuditScope scope) {
    Report report = Report.SHARED_SURNAME_AND_POSTCODE;
    List<String> limits =
        List.of(
            "Only reads recorded against an agency's source record can be matched until"
                + " FamilyView has person ids; see the access model's status table.");
    return switch (StaffRegister.read(properties.staffRegister())) {
      case StaffRegister.Loaded.Members members ->
          result(
              report,
              from,
              to,
              reports.sharedSurnameAndPostcode(from, to, members.members(), scope),
              limits);
      case StaffRegister.Loaded.Missing missing ->
          result(
              report,
              from,
              to,
              List.of(),
              List.of("No staff register at " + missing.file() + ": nothing can be matched."));
      case StaffRegister.Loaded.Malformed malformed ->
          result(
              report,
              from,
              to,
              List.of(),
              java.util.stream.Stream.concat(
                      java.util.stream.Stream.of("The staff register cannot be used:"),
                      malformed.problems().stream())
                  .toList());
    };
  }

  private static Result result(
      Report report, Instant from, Instant to, List<?> rows, List<String> notes) {
    return new Result(report.slug(), report.title(), from, to, rows, notes);
  }
}
