package org.familyview.rights.subjectaccess;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.StringWriter;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.familyview.audit.trail.AuditAction;
import org.familyview.portal.audit.RequestAudit;
import org.familyview.portal.identity.CurrentUser;
import org.familyview.portal.web.SpreadsheetCells;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/persons/{id}/subject-access}: a person's subject access export as JSON, or as CSV
 * ({@code Accept: text/csv}) with every text cell neutralised against formula injection.
 * Safeguarding leads only (docs/access-model.md, "Subject access"); every export and every attempt
 * on an unknown person is audited as {@code SUBJECT_ACCESS_EXPORT}.
 */
@RestController
class SubjectAccessController {

  static final String[] CSV_HEADER = {
    "section", "agency", "reference", "date", "third_party", "field", "value"
  };

  private final SubjectAccess subjectAccess;
  private final RequestAudit audit;

  SubjectAccessController(SubjectAccess subjectAccess, RequestAudit audit) {
    this.subjectAccess = subjectAccess;
    this.audit = audit;
  }

  @GetMapping(
      path = "/api/persons/{id}/subject-access",
      produces = MediaType.APPLICATION_JSON_VALUE)
  @PreAuthorize("hasRole('safeguarding-lead')")
  ResponseEntity<?> json(@PathVariable String id, Authentication who, HttpServletRequest http) {
    return exported(id, who, http, "json")
        .<ResponseEntity<?>>map(ResponseEntity::ok)
        .orElseGet(() -> notFound(id));
  }

  @GetMapping(path = "/api/persons/{id}/subject-access", produces = "text/csv")
  @PreAuthorize("hasRole('safeguarding-lead')")
  ResponseEntity<?> csv(@PathVariable String id, Authentication who, HttpServletRequest http)
      throws IOException {
    Optional<SubjectAccessExport> export = exported(id, who, http, "csv");
    if (export.isEmpty()) {
      return ResponseEntity.status(HttpStatus.NOT_FOUND)
          .contentType(MediaType.TEXT_PLAIN)
          .body("no person " + id);
    }
    return ResponseEntity.ok()
        .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            "attachment; filename=\"subject-access-"
                + id.replaceAll("[^A-Za-z0-9-]", "")
                + ".csv\"")
        .body(csv(export.get()));
  }

  static String csv(SubjectAccessExport export) throws IOException {
    StringWriter out = new StringWriter();
    try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180)) {
      printer.printRecord((Object[]) CSV_HEADER);
      for (SubjectAccessEntry entry : export.entries()) {
        Map<String, String> fields = entry.fields().isEmpty() ? Map.of("", "") : entry.fields();
        for (Map.Entry<String, String> field : fields.entrySet()) {
          printer.printRecord(
              SpreadsheetCells.neutralise(entry.section()),
              SpreadsheetCells.neutralise(entry.agency()),
              SpreadsheetCells.neutralise(entry.reference()),
              SpreadsheetCells.neutralise(entry.date() == null ? "" : entry.date()),
              Boolean.toString(entry.thirdParty()),
              SpreadsheetCells.neutralise(field.getKey()),
              SpreadsheetCells.neutralise(field.getValue()));
        }
      }
    }
    return out.toString();
  }

  private Optional<SubjectAccessExport> exported(
      String id, Authentication who, HttpServletRequest http, String format) {
    Optional<SubjectAccessExport> export = subjectAccess.export(id, CurrentUser.of(who).username());
    audit.record(
        audit
            .event(who, http, AuditAction.SUBJECT_ACCESS_EXPORT)
            .on("person", id)
            .withDetail(
                export
                    .map(
                        e ->
                            format
                                + ": "
                                + e.entries().size()
                                + " entries, "
                                + e.thirdPartyEntries()
                                + " third-party, agencies "
                                + e.agencies())
                    .orElse(format + ": no such person")));
    return export;
  }

  private static ResponseEntity<?> notFound(String id) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "There is no person " + id + ".");
    return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
  }
}
