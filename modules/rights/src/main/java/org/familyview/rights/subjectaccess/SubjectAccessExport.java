package org.familyview.rights.subjectaccess;

import java.time.Instant;
import java.util.List;

/** Everything held about one person, for a subject access request. */
public record SubjectAccessExport(
    String personId,
    Instant generatedAt,
    String generatedBy,
    List<String> agencies,
    long thirdPartyEntries,
    String note,
    List<SubjectAccessEntry> entries) {

  static final String NOTE =
      "Entries marked thirdParty are about other people too: review and redact them before"
          + " disclosure. Each entry names the agency it came from; FAMILYVIEW marks what"
          + " FamilyView derived (households, families, links).";

  public SubjectAccessExport {
    agencies = List.copyOf(agencies);
    entries = List.copyOf(entries);
  }
}
