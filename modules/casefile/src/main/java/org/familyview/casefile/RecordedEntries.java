package org.familyview.casefile;

import java.util.List;
import java.util.Set;

/**
 * Entries FamilyView itself records against a family (a front-door decision, for one), which its
 * chronology shows beside the partners' events. A feature that records such entries implements
 * this; casefile knows nothing more of it. Each row's provenance says where the entry was recorded.
 */
public interface RecordedEntries {

  /** The entries recorded against this family, or about any of these persons. */
  List<CaseRecords.EventRow> about(String familyId, Set<String> personIds);
}
