package org.familyview.audit.report;

import java.time.Instant;

/**
 * A member of staff read a source record whose family name and postcode match their own in the
 * staff register. Names and postcodes are not repeated here: the auditor follows the entry.
 */
public record SharedSurnameAndPostcode(
    long seq,
    Instant at,
    String user,
    String action,
    String targetType,
    String targetId,
    String agency,
    String recordId) {

  /**
   * How a read of one agency's record is written to the trail until FamilyView has person ids:
   * target type {@code source-record}, target id {@code agency/record_id}.
   */
  public static final String SOURCE_RECORD = "source-record";

  public static String sourceRecordId(String agency, String recordId) {
    return agency + "/" + recordId;
  }
}
